// @spec specthread-core#12.1, specthread-core#12.3
import { NEVER_CANCELLED } from '../core/cancellation';
import { withTestResults } from '../core/coverage/passing';
import { CoverageOptions } from './args';
import { CommandResult } from './commandResult';
import { formatterFor } from './formatters';
import { configErrorsNote } from './notes/configErrors';
import { skippedFilesNote } from './notes/skippedFiles';
import { coverageSummaryNote } from './notes/summaries';
import { openWorkspace } from './openWorkspace';
import { testResultsOf } from './testResults';

/**
 * `specthread coverage`: per-spec and per-requirement coverage along
 * specified → tasked → implemented → verified, and the criteria still missing what the project
 * requires of them. The numbers are the core's (the same the `specthread/coverage` request serves).
 */
export async function runCoverage(options: CoverageOptions, cwd: string): Promise<CommandResult> {
  const { engine, config } = await openWorkspace(options.paths, options.exclude, cwd, false, {}, options.preset, options.cache);
  const traced = engine.traceAnalysis(NEVER_CANCELLED).coverage(NEVER_CANCELLED);
  const tested = await testResultsOf(engine, options.testResults, cwd);
  const report = tested ? withTestResults(traced, tested.passing) : traced;
  const stdout = formatterFor('coverage', options.format)(report, { cwd });
  const failing = options.failUnder !== undefined && report.summary.percent < options.failUnder;
  const note = failing ? `Coverage ${report.summary.percent}% is below --fail-under ${options.failUnder}%.\n` : '';
  return { exitCode: failing ? 1 : 0, stdout, stderr: configErrorsNote(config.errors) + skippedFilesNote(engine) + note + coverageSummaryNote(report) };
}
