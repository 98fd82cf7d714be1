// @spec specthread-core#17.1
import { checkSummaryLine } from '../../notes/summaries';
import { position } from '../findingFacts';
import { relativePath } from '../paths';
import { CheckReport, FormatContext } from '../types';

/** The job summary is capped by GitHub at 1 MiB per step; this many rows stay far below it. */
const MAX_ROWS = 200;

/** A table cell: pipes and line breaks would end it. */
const cell = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, ' ');

/**
 * The Markdown the `github` format appends to `$GITHUB_STEP_SUMMARY`: the counts, then a table of
 * the findings (the first 200), so that a run with more findings than GitHub annotates still shows
 * them all on the run's page.
 */
export function githubJobSummary({ findings, summary }: CheckReport, { cwd }: FormatContext): string {
  const out = ['## SpecThread', '', `${checkSummaryLine(summary, 0)}.`, ''];
  if (findings.length) {
    out.push('| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |');
    for (const f of findings.slice(0, MAX_ROWS)) {
      const { line, column } = position(f);
      out.push(`| ${f.severity} | \`${cell(relativePath(f.path, cwd))}:${line}:${column}\` | \`${f.code}\` | ${cell(f.message)} |`);
    }
    if (findings.length > MAX_ROWS) out.push('', `… and ${findings.length - MAX_ROWS} more; the full list is in the step's log.`);
    out.push('');
  }
  return out.join('\n') + '\n';
}
