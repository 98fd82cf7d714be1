import { Connection, MarkupKind } from 'vscode-languageserver/node';
import { deltaTargetHover } from '../../core/queries/deltaTargets';
import { hover } from '../../core/queries/hover';
import { idOfTarget, targetAt } from '../../core/queries/locate';
import { traceHover } from '../../core/trace/queries/traceHover';
import { criterionCounts } from '../../core/trace/queries/specLenses';
import { NEVER_CANCELLED } from '../../core/cancellation';
import { Session } from '../session';

export function registerHover(connection: Connection, session: Session): void {
  connection.onHover(async (params, token) => {
    const found = await session.specFor(params.textDocument.uri);
    if (!found) {
      // Not a spec file: a tag or test title in code.
      const code = session.traceFor(params.textDocument.uri);
      const result = code && traceHover(code.analysis, code.path, params.position, token);
      return result ? { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: result.range } : null;
    }
    // OpenSpec delta headers name a requirement of another spec: the workspace answers those.
    const result = hover(found.spec, found.path, params.position, token, (name) => session.engine.specByName(name)) ?? deltaTargetHover(session.engine.allSpecs(), found.path, params.position, token);
    if (!result) return null;
    // In specs, the thread into code: how many tasks, code tags and tests point at the id.
    const target = targetAt(found.spec, found.path, params.position);
    const id = target && idOfTarget(target);
    const spec = found.spec;
    const reqId = id && (spec.criteria.get(id)?.node.requirementId ?? (spec.requirements.has(id) ? id : undefined));
    const counts = id && reqId ? criterionCounts(session.engine.traceAnalysis(NEVER_CANCELLED), spec, reqId, id) : undefined;
    return { contents: { kind: MarkupKind.Markdown, value: counts ? `${result.contents}\n\nThread: ${counts}` : result.contents }, range: result.range };
  });
}
