// @spec specthread-core#17.3
import { XmlElement, parseXml } from './xml';

export type TestOutcome = 'passed' | 'failed' | 'skipped';

/** One `<testcase>` of a JUnit XML report, whichever tool wrote it. */
export interface TestCaseResult {
  readonly name: string;
  readonly classname: string;
  /** The test file when the report names one (`file` on the case or its suite: jest, vitest, mocha, pytest's xunit1). */
  readonly file?: string;
  readonly line?: number;
  readonly outcome: TestOutcome;
  /** The failure's message, or the first line of its text. */
  readonly message?: string;
  /** Offset of the `<testcase` in the report, for a finding when the test file is unknown. */
  readonly offset: number;
}

/** How long a failure message may be in a finding: the first line of a stack says enough. */
const MAX_MESSAGE = 500;

/**
 * Every test case in a JUnit XML report: `<testsuites>`, a lone `<testsuite>`, or suites nested
 * in suites (Surefire, pytest). A case with `<failure>` or `<error>` failed, one with `<skipped>`
 * (or `<ignored>`, or `status="skipped"`) was skipped, any other passed.
 */
export function readJUnit(text: string): TestCaseResult[] {
  const out: TestCaseResult[] = [];
  const visit = (element: XmlElement, suiteFile: string | undefined) => {
    for (const child of element.children) {
      const name = localName(child.name);
      if (name === 'testcase') out.push(testCase(child, suiteFile));
      else visit(child, name === 'testsuite' ? (fileOf(child) ?? suiteFile) : suiteFile);
    }
  };
  visit(parseXml(text), undefined);
  return out;
}

function testCase(element: XmlElement, suiteFile: string | undefined): TestCaseResult {
  const a = element.attributes;
  const byName = (n: string) => element.children.find((c) => localName(c.name) === n);
  const failure = byName('failure') ?? byName('error');
  const skipped = byName('skipped') ?? byName('ignored') ?? (a.status === 'skipped' || a.status === 'disabled' ? element : undefined);
  const line = a.line !== undefined ? Number.parseInt(a.line, 10) : NaN;
  return {
    name: (a.name ?? '').trim(),
    classname: (a.classname ?? a.class ?? '').trim(),
    file: fileOf(element) ?? suiteFile,
    line: Number.isFinite(line) && line > 0 ? line : undefined,
    outcome: failure ? 'failed' : skipped ? 'skipped' : 'passed',
    message: failure ? messageOf(failure) : undefined,
    offset: element.offset,
  };
}

function fileOf(element: XmlElement): string | undefined {
  const file = element.attributes.file ?? element.attributes.filepath;
  return file?.trim() || undefined;
}

function messageOf(failure: XmlElement): string {
  const first = (failure.attributes.message ?? '').trim() || failure.text.trim().split(/\r?\n/)[0]?.trim() || failure.attributes.type || 'failed';
  return first.length > MAX_MESSAGE ? `${first.slice(0, MAX_MESSAGE - 1)}…` : first;
}

/** `ns:testcase` is a testcase too. */
function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
