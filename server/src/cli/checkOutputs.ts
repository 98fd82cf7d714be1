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

/**
 * Writes each `--format X --output FILE` report (links in it relative to its own folder), and,
 * on GitHub Actions, the job summary when the `github` format was asked for. A report that
 * cannot be written is a tool failure: the others are still written, and the run exits 2.
 */
export async function writeCheckOutputs(report: CheckReport, options: CheckOptions, context: FormatContext, env: NodeJS.ProcessEnv): Promise<WrittenOutputs> {
  const notes: string[] = [];
  let failed = false;
  for (const output of options.outputs ?? []) {
    const target = path.resolve(context.cwd, output.file);
    const text = formatterFor('check', output.format)(report, { ...context, outputDir: path.dirname(target) });
    try {
      await writeReportFile(target, text + '\n');
    } catch (err) {
      failed = true;
      notes.push(
        `specthread: cannot write the ${output.format} report to ${relativePath(target, context.cwd)}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  const github = options.format === 'github' || (options.outputs ?? []).some((o) => o.format === 'github');
  if (github && summaryFile) {
    try {
      await appendToFile(summaryFile, githubJobSummary(report, context));
    } catch (err) {
      failed = true;
      notes.push(`specthread: cannot append the job summary to ${summaryFile}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { notes: notes.map((n) => n + '\n').join(''), failed };
}
