// @spec specthread-core#20.2, specthread-core#17.3
import * as path from 'path';
import { EditorOnlySettings } from '../../../shared/editorSettings';
import { Engine } from '../core/engine';
import { Finding } from '../core/findings';
import { GlobMatcher, compileGlobs } from '../core/glob/glob';
import { TestReport } from '../core/testResults/testResults';
import { readTestReports } from '../host/testReports';
import { ClientLink } from './link';
import { Publisher } from './publisher';
import { Writer } from './writer';

/**
 * The editor's `specthread.testResults`: the JUnit reports the server reads, like the CLI's
 * `--test-results`, at start, when the setting changes and when a report changes on disk. Their
 * mapping to criteria feeds the Coverage view's test results column (`passing`) and publishes
 * `coverage.test-failed` findings. The mapping is redone when the reports change and after
 * start-up indexing, as a step of the writer, so it always reads a settled engine.
 */
export class EditorTestResults {
  private patterns: readonly string[] = [];
  private matcher: GlobMatcher = compileGlobs([]);
  private reports: readonly TestReport[] = [];
  /** `<spec dir>#<id>` of what passing tests name; undefined while no report is configured. */
  passing: ReadonlySet<string> | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly writer: Writer,
    private readonly publisher: Publisher,
    private readonly link: ClientLink,
    private readonly roots: () => readonly string[],
  ) {}

  /** The setting changed: reads the reports again when the patterns did. */
  configure(settings: EditorOnlySettings): Promise<void> {
    if (JSON.stringify(settings.testResults) === JSON.stringify(this.patterns)) return Promise.resolve();
    this.patterns = settings.testResults;
    // Relative to each root, `/`-separated (toPosixPath would make them absolute against the cwd).
    this.matcher = compileGlobs(this.patterns.map((p) => p.replace(/\\/g, '/').replace(/^\.\//, '')));
    for (const problem of this.matcher.problems) this.link.log.warn(`SpecThread: specthread.testResults: ${problem.reason}`);
    return this.reload();
  }

  /** True when `file` (absolute, `/`-separated) is one of the configured reports. */
  isReport(file: string): boolean {
    if (!this.patterns.length) return false;
    return this.roots().some((root) => {
      const rel = path.posix.relative(root, file);
      return !rel.startsWith('..') && !path.posix.isAbsolute(rel) && this.matcher.match(rel);
    });
  }

  /** Reads the reports of every root, then maps them as a writer step. */
  async reload(): Promise<void> {
    const reports: TestReport[] = [];
    for (const root of this.roots()) {
      try {
        reports.push(...(await readTestReports(this.patterns, root, { missingOk: true })));
      } catch (err) {
        // A report that cannot be read is said once in the output; the others still count.
        this.link.log.warn(`SpecThread: specthread.testResults: ${err instanceof Error ? err.message.replace(/^--test-results: /, '') : String(err)}`);
      }
    }
    this.reports = reports;
    return this.remap();
  }

  /** Maps the reports read last to the criteria of the current analysis and publishes what changed. */
  remap(): Promise<void> {
    return this.writer.enqueue('test results', async () => {
      let findings: readonly Finding[] = [];
      if (!this.patterns.length) this.passing = undefined;
      else {
        const results = await this.engine.testResults(this.reports, this.writer.token);
        this.passing = results.passing;
        findings = results.findings;
      }
      this.publisher.setTestFindings(findings);
    });
  }
}
