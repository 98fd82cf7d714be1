import { Connection, Hover, MarkupKind } from 'vscode-languageserver/node';
import { hoverAt } from '../../core/queries/thread';
import { Guard } from '../guard';
import { Session } from '../session';

export function registerHover(connection: Connection, session: Session, guard: Guard): void {
  connection.onHover(
    guard.request('textDocument/hover', null as Hover | null, async (params, token) => {
      const snapshot = await session.read(params.textDocument.uri, token);
      const doc = snapshot.document(params.textDocument.uri);
      const result = doc && hoverAt(snapshot, doc, params.position, token);
      return result ? { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: result.range } : null;
    }),
  );
}
