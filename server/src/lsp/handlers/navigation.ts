import { Connection } from 'vscode-languageserver/node';
import { definition, references } from '../../core/queries/navigation';
import { toLocation } from '../convert';
import { Session } from '../session';

/** Go to definition and find references: look up the spec, delegate to the core. */
export function registerNavigation(connection: Connection, session: Session): void {
  connection.onDefinition(async (params, token) => {
    const found = await session.specFor(params.textDocument.uri);
    if (!found) return [];
    return definition(found.spec, found.path, params.position, token).map(toLocation);
  });
  connection.onReferences(async (params, token) => {
    const found = await session.specFor(params.textDocument.uri);
    if (!found) return [];
    return references(found.spec, found.path, params.position, params.context.includeDeclaration, token).map(toLocation);
  });
}
