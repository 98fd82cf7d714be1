import { Connection, MarkupKind } from 'vscode-languageserver/node';
import { hoverAt } from '../../core/queries/thread';
import { Session } from '../session';

export function registerHover(connection: Connection, session: Session): void {
  connection.onHover(async (params, token) => {
    const doc = await session.threadDocument(params.textDocument.uri);
    const result = doc && hoverAt(session.engine, doc, params.position, token);
    return result ? { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: result.range } : null;
  });
}
