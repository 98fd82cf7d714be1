import { Connection, DocumentSymbol, SymbolInformation } from 'vscode-languageserver/node';
import { documentSymbols, workspaceSymbols } from '../../core/queries/symbols';
import { uriToPath } from '../../host/paths';
import { toDocumentSymbol, toSymbolInformation } from '../convert';
import { Guard } from '../guard';
import { Session } from '../session';

export function registerSymbols(connection: Connection, session: Session, guard: Guard): void {
  connection.onDocumentSymbol(
    guard.request('textDocument/documentSymbol', [] as DocumentSymbol[], async (params, token) => {
      const snapshot = await session.read(params.textDocument.uri, token);
      const path = uriToPath(params.textDocument.uri);
      const facts = path ? snapshot.facts(path) : undefined;
      return facts ? documentSymbols(facts, token).map(toDocumentSymbol) : [];
    }),
  );
  connection.onWorkspaceSymbol(
    guard.request('workspace/symbol', [] as SymbolInformation[], async (params, token) => {
      const snapshot = await session.read(undefined, token);
      return workspaceSymbols(snapshot.allSpecs(), params.query, token).map(toSymbolInformation);
    }),
  );
}
