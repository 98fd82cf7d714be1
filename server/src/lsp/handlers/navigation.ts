import { Connection } from 'vscode-languageserver/node';
import { deltaReferences, deltaTargetDefinition } from '../../core/queries/deltaTargets';
import { definition, references } from '../../core/queries/navigation';
import { toLocation } from '../convert';
import { Session } from '../session';

/** Go to definition and find references: look up the spec, delegate to the core. */
export function registerNavigation(connection: Connection, session: Session): void {
  connection.onDefinition((params, token) => {
    const found = session.specFor(params.textDocument.uri);
    if (!found) return [];
    const own = definition(found.spec, found.path, params.position, token);
    return (own.length ? own : deltaTargetDefinition(session.engine.allSpecs(), found.path, params.position, token)).map(toLocation);
  });
  connection.onReferences((params, token) => {
    const found = session.specFor(params.textDocument.uri);
    if (!found) return [];
    const own = references(found.spec, found.path, params.position, params.context.includeDeclaration, token);
    // A base OpenSpec requirement is referenced by the open changes' delta headers.
    return [...own, ...deltaReferences(session.engine.allSpecs(), found.path, params.position, token)].map(toLocation);
  });
}
