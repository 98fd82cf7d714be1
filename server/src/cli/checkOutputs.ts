// @spec specthread-core#17.1
import * as path from 'path';
import { appendToFile, writeReportFile } from '../host/reportFile';
import { CheckOptions } from './args';
import { formatterFor } from './formatters';
import { githubJobSummary } from './formatters/check/githubSummary';
import { relativePath } from './formatters/paths';
import { CheckReport, FormatContext } from './formatters/types';

/** What writing the reports left to say on stderr, and whether one could not be written (exit 2). */
export interface WrittenOutputs {
  readonly notes: string;
  readonly failed: boolean;
}

/** One `--format X --output FILE` report as written: where (absolute) and what. */
export interface RenderedReport {
  readonly file: string;
  readonly format: string;
  readonly text: string;
}

/**
 * Writes each `--format X --output FILE` report (links in it relative to its own folder), and,
 * on GitHub Actions, the job summary when the `github` format was asked for. A report that
 * cannot be written is a tool failure: the others are still written, and the run exits 2.
 * `rendered` receives the reports' texts, which `check --cache` keeps with the run's output.
 */
export async function writeCheckOutputs(
  report: CheckReport,
  options: CheckOptions,
  context: FormatContext,
  env: NodeJS.ProcessEnv,
  rendered?: (reports: readonly RenderedReport[]) => void,
): Promise<WrittenOutputs> {
  const reports = (options.outputs ?? []).map((output): RenderedReport => {
    const file = path.resolve(context.cwd, output.file);
    return { file, format: output.format, text: formatterFor('check', output.format)(report, { ...context, outputDir: path.dirname(file) }) + '\n' };
  });
  rendered?.(reports);
  const written = await writeReports(reports, context.cwd);
  const notes: string[] = written.notes ? [written.notes] : [];
  let failed = written.failed;
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  const github = options.format === 'github' || (options.outputs ?? []).some((o) => o.format === 'github');
  if (github && summaryFile) {
    try {
      await appendToFile(summaryFile, githubJobSummary(report, context));
    } catch (err) {
      failed = true;
      notes.push(`specthread: cannot append the job summary to ${summaryFile}: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  return { notes: notes.join(''), failed };
}

/** Writes rendered reports atomically, each on its own: one that cannot be written is a note and makes `failed` true. */
export async function writeReports(reports: readonly RenderedReport[], cwd: string): Promise<WrittenOutputs> {
  const notes: string[] = [];
  let failed = false;
  for (const r of reports) {
    try {
      await writeReportFile(r.file, r.text);
    } catch (err) {
      failed = true;
      notes.push(`specthread: cannot write the ${r.format} report to ${relativePath(r.file, cwd)}: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  return { notes: notes.join(''), failed };
}
