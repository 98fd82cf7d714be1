// @spec specthread-core#5.1, specthread-core#12.1, specthread-core#13.6, specthread-core#15.6
import { coverageSummaryLine } from '../formatters/coverage/summaryLine';
import { CheckSummary, CoverageReport, InventoryReport } from '../formatters/types';

/**
 * The closing line each command prints on stderr, whatever the output format: enough for a CI
 * log to say what was found without reading the report.
 */

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 errors, 3 warnings, 0 info, 0 hints in 3 files (1 spec)`, and how many code files carry tags. */
export function checkSummaryLine(s: CheckSummary, taggedFiles: number): string {
  const parts = (['error', 'warning', 'info', 'hint'] as const).map((k) => `${s.counts[k]} ${k}${s.counts[k] === 1 ? '' : k === 'info' ? '' : 's'}`);
  const tagged = taggedFiles ? `; ${plural(taggedFiles, 'code and test file')} with trace tags` : '';
  return `${parts.join(', ')} in ${plural(s.files, 'file')} (${plural(s.specs, 'spec')})${tagged}`;
}

/** The workspace's coverage and how many specs it covers. */
export function coverageSummaryNote(report: CoverageReport): string {
  return `${coverageSummaryLine(report.summary)} (${plural(report.specs.length, 'spec')})`;
}

/** `3 specs (2 kiro, 1 speckit)`. */
export function inventorySummaryLine(entries: InventoryReport): string {
  const byFormat = new Map<string, number>();
  for (const e of entries) byFormat.set(e.format, (byFormat.get(e.format) ?? 0) + 1);
  return `${plural(entries.length, 'spec')} (${[...byFormat].map(([f, n]) => `${n} ${f}`).join(', ')})`;
}
