// @spec specthread-core#17.3
import { NEVER_CANCELLED } from '../core/cancellation';
import { Engine } from '../core/engine';
import { TestResults } from '../core/testResults/testResults';
import { TestReportError, readTestReports } from '../host/testReports';
import { UsageError } from './args';

/** `--test-results` for check and coverage: the host reads the reports, the engine maps them; none given, none read. */
export async function testResultsOf(engine: Engine, patterns: readonly string[] | undefined, cwd: string): Promise<TestResults | undefined> {
  if (!patterns?.length) return undefined;
  const reports = await readTestReports(patterns, cwd).catch((err: unknown) => {
    throw err instanceof TestReportError ? new UsageError(err.message) : err;
  });
  return engine.testResults(reports, NEVER_CANCELLED);
}
