import { Connection, Location } from 'vscode-languageserver/node';
import { definitionAt, referencesAt } from '../../core/queries/thread';
import { toLocation } from '../convert';
import { Guard } from '../guard';
import { Session } from '../session';

/**
 * Go to definition and find references: look up the document, delegate to the core. From code, a
 * tag leads to its criterion; references of a criterion include the code and tests that name it.
 */
export function registerNavigation(connection: Connection, session: Session, guard: Guard): void {
  connection.onDefinition(
    guard.request('textDocument/definition', [] as Location[], async (params, token) => {
      const snapshot = await session.read(params.textDocument.uri, token);
      const doc = snapshot.document(params.textDocument.uri);
      return doc ? definitionAt(snapshot, doc, params.position, token).map(toLocation) : [];
    }),
  );
  connection.onReferences(
    guard.request('textDocument/references', [] as Location[], async (params, token) => {
      const snapshot = await session.read(params.textDocument.uri, token);
      const doc = snapshot.document(params.textDocument.uri);
      return doc ? referencesAt(snapshot, doc, params.position, params.context.includeDeclaration, token).map(toLocation) : [];
    }),
  );
}
