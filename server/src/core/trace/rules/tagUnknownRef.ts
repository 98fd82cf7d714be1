// @spec specthread-core#10.1, specthread-core#21.1
import { unknownRef } from '../../checks/rules/unknownRef';
import { TraceRule } from './traceRule';

/**
 * A tag or test-title ref in code that names no spec, requirement or criterion. Same code as the
 * spec rule (`link.unknown-ref`): one concept, one severity setting.
 */
export const tagUnknownRef: TraceRule = {
  meta: unknownRef.meta,
  check(ctx, report, token) {
    for (const path of [...ctx.index.paths()]) this.checkFile!(ctx, path, report, token);
  },
  checkFile(ctx, path, report) {
    for (const link of ctx.index.linksIn(path)) {
      const r = link.resolution;
      if (r.status === 'ok') continue;
      const { tag } = link;
      const ref = `${tag.spec}#${tag.id}`;
      const suggestions = ctx.specs.suggest(tag.spec, tag.id);
      const why =
        r.status === 'unknown-spec'
          ? `No spec is named '${tag.spec}'${ctx.specs.names().length ? '' : ' (no specs were found)'}.`
          : `Spec '${tag.spec}' has no requirement or criterion ${tag.id}.`;
      const hint = suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : '';
      const range = { start: tag.specRange.start, end: tag.idRange.end };
      report({
        path: link.path,
        range,
        message: `${ref} does not exist. ${why}${hint}`,
        fixes: suggestions.map((s, i) => ({ title: `Replace ${ref} with ${s}`, preferred: i === 0, edits: [{ path: link.path, range, newText: s }] })),
      });
    }
  },
};
