// @spec specthread-core#17.1
import { Finding } from '../../../core/findings';
import { XML_DECLARATION, escapeMarkup as x } from '../markup';
import { position } from '../findingFacts';
import { groupByFile } from '../paths';
import { CheckReport, Formatter } from '../types';

/**
 * JUnit XML for CI test-report views (GitLab, Jenkins, Azure DevOps, test reporters). One
 * `<testsuite>` per file and one failing `<testcase>` per finding: test views list suites as the
 * unit a reader opens, and a file is what a reader fixes, while one suite per rule would scatter
 * one file's problems across the page. A run without findings has one passing test case, so that
 * CI systems that reject an empty report still show the check ran.
 */
export const formatCheckJunit: Formatter<CheckReport> = (report, { cwd }) => {
  const groups = groupByFile(report.findings, cwd);
  const out = [
    XML_DECLARATION,
    `<testsuites name="specthread" tests="${Math.max(report.findings.length, 1)}" failures="${report.findings.length}" errors="0">`,
  ];
  if (groups.size === 0) {
    out.push(
      '  <testsuite name="specthread" tests="1" failures="0" errors="0" skipped="0">',
      '    <testcase classname="specthread" name="no findings"/>',
      '  </testsuite>',
    );
  }
  for (const [file, findings] of groups) {
    out.push(`  <testsuite name="${x(file)}" tests="${findings.length}" failures="${findings.length}" errors="0" skipped="0">`);
    for (const f of findings) out.push(...testcase(file, f));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n');
};

function testcase(file: string, f: Finding): string[] {
  const { line, column } = position(f);
  const where = `${file}:${line}:${column}`;
  return [
    `    <testcase classname="${x(file)}" name="${x(`${f.code} ${line}:${column}`)}" file="${x(file)}" line="${line}">`,
    `      <failure message="${x(f.message)}" type="${x(f.severity)}">${x(`${where} ${f.severity} ${f.code} ${f.message}`)}</failure>`,
    '    </testcase>',
  ];
}
