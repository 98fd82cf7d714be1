import { Connection, MarkupKind } from 'vscode-languageserver/node';
import { hover } from '../../core/queries/hover';
import { Session } from '../session';

export function registerHover(connection: Connection, session: Session): void {
  connection.onHover(async (params, token) => {
    const found = await session.specFor(params.textDocument.uri);
    if (!found) return null;
    const result = hover(found.spec, found.path, params.position, token);
    return result ? { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: result.range } : null;
  });
}
