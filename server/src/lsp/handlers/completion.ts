import { Connection } from 'vscode-languageserver/node';
import { completeRefs } from '../../core/queries/completion';
import { toCompletionItem } from '../convert';
import { Session } from '../session';

export function registerCompletion(connection: Connection, session: Session): void {
  connection.onCompletion(async (params, token) => {
    const found = await session.specFor(params.textDocument.uri);
    const doc = session.documents.get(params.textDocument.uri);
    if (!found || !doc) return [];
    const line = doc.getText({ start: { line: params.position.line, character: 0 }, end: { line: params.position.line + 1, character: 0 } });
    return completeRefs(found.spec, line.replace(/\r?\n$/, ''), params.position, token).map(toCompletionItem);
  });
}
