import { Connection, MarkupKind } from 'vscode-languageserver/node';
import { deltaTargetHover } from '../../core/queries/deltaTargets';
import { hover } from '../../core/queries/hover';
import { Session } from '../session';

export function registerHover(connection: Connection, session: Session): void {
  connection.onHover((params, token) => {
    const found = session.specFor(params.textDocument.uri);
    if (!found) return null;
    // OpenSpec delta headers name a requirement of another spec: the workspace answers those.
    const result = hover(found.spec, found.path, params.position, token) ?? deltaTargetHover(session.engine.allSpecs(), found.path, params.position, token);
    return result ? { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: result.range } : null;
  });
}
