import { Connection, Hover, MarkupKind } from 'vscode-languageserver/node';
import { hoverAt } from '../../core/queries/thread';
import { Guard } from '../guard';
import { Session } from '../session';

export function registerHover(connection: Connection, session: Session, guard: Guard): void {
  connection.onHover(guard.request('textDocument/hover', null as Hover | null, async (params, token) => {
    const doc = await session.threadDocument(params.textDocument.uri);
    const result = doc && hoverAt(session.engine, doc, params.position, token);
    return result ? { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: result.range } : null;
  }));
}
