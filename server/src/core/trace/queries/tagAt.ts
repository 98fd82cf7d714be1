import { SpecModel } from '../../index/specModel';
import { Position, rangeContains } from '../../text/range';
import { RefNode } from '../resolveRef';
import { TraceAnalysis } from '../traceAnalysis';
import { TraceLink } from '../traceIndex';

/** The tag or test-title ref under the cursor in a code file. */
export function linkAt(analysis: TraceAnalysis, path: string, pos: Position): TraceLink | undefined {
  return analysis.index.linksIn(path).find((l) => rangeContains(l.tag.range, pos));
}

/** The resolved spec node of a link, when it resolves. */
export function targetOf(link: TraceLink): { spec: SpecModel; target: RefNode } | undefined {
  return link.resolution.status === 'ok' ? { spec: link.resolution.spec, target: link.resolution.target } : undefined;
}

/** `2 tasks · 3 code · 1 test` (`· 1 pending` when skipped or todo tests name it): the counts code lenses and hovers show. */
export function threadCounts(tasks: number, code: number, tests: number, pending = 0): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return `${n(tasks, 'task', 'tasks')} · ${n(code, 'code', 'code')} · ${n(tests, 'test', 'tests')}${pending ? ` · ${pending} pending` : ''}`;
}
