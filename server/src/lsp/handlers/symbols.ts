import { Connection } from 'vscode-languageserver/node';
import { documentSymbols, workspaceSymbols } from '../../core/queries/symbols';
import { uriToPath } from '../../host/paths';
import { toDocumentSymbol, toSymbolInformation } from '../convert';
import { Session } from '../session';

export function registerSymbols(connection: Connection, session: Session): void {
  connection.onDocumentSymbol((params, token) => {
    session.flush();
    const path = uriToPath(params.textDocument.uri);
    const facts = path ? session.engine.facts(path) : undefined;
    return facts ? documentSymbols(facts, token).map(toDocumentSymbol) : [];
  });
  connection.onWorkspaceSymbol((params, token) => {
    session.flush();
    return workspaceSymbols(session.engine.allSpecs(), params.query, token).map(toSymbolInformation);
  });
}
