import { Connection } from 'vscode-languageserver/node';
import { definition, references } from '../../core/queries/navigation';
import { toLocation } from '../convert';
import { Session } from '../session';

/** Go to definition and find references: look up the spec, delegate to the core. */
export function registerNavigation(connection: Connection, session: Session): void {
  connection.onDefinition((params, token) => {
    const found = session.specFor(params.textDocument.uri);
    if (!found) return [];
    return definition(found.spec, found.path, params.position, token).map(toLocation);
  });
  connection.onReferences((params, token) => {
    const found = session.specFor(params.textDocument.uri);
    if (!found) return [];
    return references(found.spec, found.path, params.position, params.context.includeDeclaration, token).map(toLocation);
  });
}
