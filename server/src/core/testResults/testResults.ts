// @spec specthread-core#17.3
import { CancellationToken, throwIfCancelled } from '../cancellation';
import { ReportedProblem, RuleMeta } from '../checks/rule';
import { runRules } from '../checks/runRules';
import type { RuleSettings } from '../config/ruleSettings';
import { Finding, RelatedLocation } from '../findings';
import { SpecModel } from '../index/specModel';
import { Range, range } from '../text/range';
import { CodeFileFacts } from '../trace/model';
import { findBareRefs, findTags } from '../trace/refSyntax';
import { RefNode, SpecDirectory } from '../trace/resolveRef';
import { TestCaseResult, readJUnit } from './junit';

/** One JUnit XML report: the host reads the file, the core gets its path and text. */
export interface TestReport {
  readonly path: string;
  readonly text: string;
}

/** What the test results say about the criteria. */
export interface TestResults {
  /** `<spec dir>#<id>` of every requirement or criterion a passing test names. */
  readonly passing: ReadonlySet<string>;
  /** coverage.test-failed findings: one per failed test that names a criterion. */
  readonly findings: readonly Finding[];
  readonly counts: { readonly passed: number; readonly failed: number; readonly skipped: number; readonly naming: number };
}

/** What the analysis reads: the specs, the tagged code files, the workspace roots, and file texts. */
export interface TestResultsContext {
  readonly specs: SpecDirectory;
  readonly codeFiles: () => Iterable<CodeFileFacts>;
  readonly roots: readonly string[];
  readonly readText: (path: string) => Promise<string | undefined>;
  readonly policy: RuleSettings;
}

export const TEST_FAILED: RuleMeta = {
  code: 'coverage.test-failed',
  defaultSeverity: 'error',
  summary: 'A test that names a criterion failed in the test results given with `--test-results`.',
  description:
    'With `--test-results <junit.xml>`, a criterion counts as verified only when a test that names it passed: by an ' +
    '`@spec` tag in its test file or the ref in its name. A failed test that names one is reported at the test ' +
    '(or in the report when its file cannot be found) with its failure message, related to the criterion. Skipped ' +
    'tests verify nothing and are not reported.',
  bad: '<testcase classname="auth.test.ts" name="user-auth#1.2 rejects expired tokens"><failure message="expected 401"/></testcase>',
  good: '<testcase classname="auth.test.ts" name="user-auth#1.2 rejects expired tokens"/>',
};

export const nodeKey = (spec: SpecModel, id: string) => `${spec.dir}#${id}`;

/**
 * Reads JUnit reports and maps each test case to the criteria it names, the way coverage maps
 * tests: the refs in its name (and class name), and the `@spec` tags of its test file. The file
 * comes from the report (`file` attributes, a path-like class name, or a dotted one such as
 * pytest's `tests.test_auth` or Surefire's `com.example.AuthTest` matched against the tagged files).
 */
export async function analyseTestResults(reports: readonly TestReport[], ctx: TestResultsContext, token: CancellationToken): Promise<TestResults> {
  const passing = new Set<string>();
  const counts = { passed: 0, failed: 0, skipped: 0, naming: 0 };
  const failures: { test: TestCaseResult; report: TestReport; targets: RefNode[]; specs: SpecModel[] }[] = [];
  const tagged = [...ctx.codeFiles()].filter((f) => f.role === 'test');
  for (const report of reports) {
    for (const test of readJUnit(report.text)) {
      throwIfCancelled(token);
      counts[test.outcome]++;
      const file = await resolveTestFile(test, report, tagged, ctx);
      const named = namedNodes(test, file ? tagged.find((f) => f.path === file) : undefined, ctx.specs);
      if (named.length === 0) continue;
      counts.naming++;
      if (test.outcome === 'passed') for (const n of named) passing.add(nodeKey(n.spec, n.node.located.node.id));
      if (test.outcome === 'failed') failures.push({ test: { ...test, file }, report, targets: named.map((n) => n.node), specs: named.map((n) => n.spec) });
    }
  }
  const problems: ReportedProblem[] = [];
  for (const f of failures) {
    throwIfCancelled(token);
    problems.push(await failureProblem(f.test, f.report, f.targets, f.specs, ctx));
  }
  const findings = runRules(
    { step: 'test results', rules: [{ meta: TEST_FAILED }], anchor: () => reports[0]?.path ?? '', check: (_r, report) => problems.forEach(report) },
    ctx.policy,
    token,
  );
  return { passing, findings, counts };
}

/** The requirements and criteria a test names, each once. */
function namedNodes(test: TestCaseResult, file: CodeFileFacts | undefined, specs: SpecDirectory): { spec: SpecModel; node: RefNode }[] {
  const title = `${test.classname} ${test.name}`;
  const refs = [...findTags(title, 0, title.length), ...findBareRefs(title, 0, title.length)].map((r) => ({ spec: r.spec, id: r.id }));
  for (const tag of file?.tags ?? []) if (tag.kind === 'tag') refs.push({ spec: tag.spec, id: tag.id });
  const seen = new Set<string>();
  const out: { spec: SpecModel; node: RefNode }[] = [];
  for (const ref of refs) {
    const resolution = specs.resolve(ref.spec, ref.id);
    if (resolution.status !== 'ok') continue;
    const key = nodeKey(resolution.spec, resolution.target.located.node.id);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ spec: resolution.spec, node: resolution.target });
  }
  return out;
}

/** The absolute path of the test's file, when the report says enough to find it. */
async function resolveTestFile(
  test: TestCaseResult,
  report: TestReport,
  tagged: readonly CodeFileFacts[],
  ctx: TestResultsContext,
): Promise<string | undefined> {
  const reportDir = report.path.slice(0, report.path.lastIndexOf('/'));
  for (const named of [test.file, test.classname].filter((s): s is string => !!s)) {
    const posix = named.replace(/\\/g, '/').replace(/^\.\//, '');
    if (/\.[A-Za-z0-9]+$/.test(posix) && posix.includes('/') && !posix.startsWith('/')) {
      for (const base of [...ctx.roots, reportDir]) {
        const candidate = normalise(`${base}/${posix}`);
        if (tagged.some((f) => f.path === candidate) || (await ctx.readText(candidate)) !== undefined) return candidate;
      }
    }
    if (posix.startsWith('/') && (await ctx.readText(posix)) !== undefined) return posix;
    const bySuffix = tagged.find((f) => f.path.endsWith(`/${posix}`));
    if (bySuffix) return bySuffix.path;
    // A dotted module or class name: the longest prefix that names a tagged file without its extension.
    const parts = posix.split('.');
    for (let n = parts.length; n > 0; n--) {
      const suffix = `/${parts.slice(0, n).join('/')}`;
      const match = tagged.find((f) => f.path.replace(/\.[^./]+$/, '').endsWith(suffix));
      if (match) return match.path;
    }
  }
  // Go reports name the package, not the file: the tagged test file of that package declaring the test.
  const pkg = test.classname.replace(/\\/g, '/').split('/').pop();
  if (pkg && test.name.length >= 4) {
    for (const f of tagged.filter((t) => t.path.slice(0, t.path.lastIndexOf('/')).endsWith(`/${pkg}`))) {
      if ((await ctx.readText(f.path))?.includes(test.name)) return f.path;
    }
  }
  return undefined;
}

async function failureProblem(
  test: TestCaseResult,
  report: TestReport,
  targets: readonly RefNode[],
  specs: readonly SpecModel[],
  ctx: TestResultsContext,
): Promise<ReportedProblem> {
  const refs = targets.map((t, i) => `${specs[i]!.id}#${t.located.node.id}`);
  const related: RelatedLocation[] = targets.map((t, i) => ({
    path: t.located.path,
    range: t.located.node.range,
    message: `${refs[i]} is named by this test`,
  }));
  const message = `Test '${test.name}' naming ${refs.join(', ')} failed: ${test.message ?? 'failed'}`;
  const text = test.file ? await ctx.readText(test.file) : undefined;
  if (test.file && text !== undefined) return { path: test.file, range: testRange(test, text), message, related };
  return { path: report.path, range: lineRangeAt(report.text, test.offset), message, related };
}

/** The test's line in its file: the reported line, else where its name (or the end of it) is written, else the top. */
function testRange(test: TestCaseResult, text: string): Range {
  if (test.line !== undefined) return lineRange(text, test.line - 1);
  const words = test.name.split(/\s+/).filter(Boolean);
  // Reporters join suite and test titles; the test's own title is the longest tail written in the file.
  for (let i = 0; i < words.length; i++) {
    const tail = words.slice(i).join(' ');
    if (tail.length < 3) break;
    const at = text.indexOf(tail);
    if (at >= 0) return lineRangeAt(text, at, tail.length);
  }
  return range(0, 0, 0, 0);
}

function lineRange(text: string, line: number): Range {
  const lines = text.split(/\r\n|\r|\n/);
  const l = Math.min(Math.max(line, 0), lines.length - 1);
  return range(l, 0, l, lines[l]?.length ?? 0);
}

function lineRangeAt(text: string, offset: number, length?: number): Range {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  const character = offset - start;
  if (length !== undefined && !text.slice(offset, offset + length).includes('\n')) return range(line, character, line, character + length);
  const end = text.slice(start).search(/\r|\n/);
  return range(line, character, line, end < 0 ? text.length - start : end);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/') || '/';
}
