// @spec specthread-core#12.1, specthread-core#15.6
import type { CoverageSummary } from '../../../../../shared/coverage';

/** One coverage summary in words, the same for the workspace, a spec and a requirement. */
export function coverageSummaryLine(s: CoverageSummary): string {
  return `${s.percent}% complete: ${s.complete}/${s.criteria} criteria · tasked ${s.tasked} · implemented ${s.implemented} · verified ${s.verified}${s.pending ? ` · test pending ${s.pending}` : ''}${s.passing !== undefined ? ` · passing ${s.passing}` : ''}`;
}
