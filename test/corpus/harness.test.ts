// @spec specthread-core#16.5
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Label, formatLabels, parseLabels, precision, readLabels, writeLabels } from './harness/labels';
import { buildReport, unjudgedRows } from './harness/report';
import { CorpusFinding, RepoRun } from './harness/run';
import { sampleWarnings } from './harness/sample';

/** The precision harness itself, on made-up runs, so that its arithmetic is proved without the corpus. */

const REPO = 'kiro/owner__name';
const finding = (line: number, code: string, severity: CorpusFinding['severity'] = 'error'): CorpusFinding => ({
  repo: REPO,
  file: '.kiro/specs/a/tasks.md',
  line,
  code,
  severity,
  message: `${code} at ${line}`,
});
const label = (line: number, code: string, verdict: Label['verdict']): Label => ({
  repo: REPO,
  file: '.kiro/specs/a/tasks.md',
  line,
  code,
  verdict,
  why: 'because',
});
const run = (findings: CorpusFinding[], withContent = ['.kiro/specs/a'], nothing: string[] = []): RepoRun => ({
  repo: REPO,
  findings,
  foldersWithContent: withContent,
  foldersYieldingNothing: nothing,
});

describe('corpus precision harness', () => {
  it('counts a borderline verdict as half a true one', () => {
    assert.strictEqual(precision({ T: 1, F: 0, B: 1 }), 0.75);
    assert.strictEqual(precision({ T: 0, F: 0, B: 0 }), undefined);
  });

  it('parses what it writes, and rejects malformed rows and duplicates by line', () => {
    const labels = [label(3, 'link.unknown-ref', 'T'), label(1, 'structure.duplicate-id', 'F')];
    assert.deepStrictEqual(parseLabels(formatLabels(labels)), { labels: [labels[1], labels[0]], problems: [] });
    const text =
      formatLabels(labels) + `${REPO}\tx.md\t0\tcode\tT\twhy\n${REPO}\t.kiro/specs/a/tasks.md\t3\tlink.unknown-ref\tB\tagain\n${REPO}\tx.md\t2\tcode\tX\twhy\n`;
    const { problems } = parseLabels(text);
    assert.deepStrictEqual(
      problems.map((p) => p.replace(/:.*/, '')),
      ['line 4', 'line 5', 'line 6'],
    );
  });

  it('writes labels.tsv by rename, leaving no temporary file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'labels-'));
    const file = path.join(dir, 'labels.tsv');
    writeLabels([label(1, 'c', 'T')], file);
    assert.deepStrictEqual(fs.readdirSync(dir), ['labels.tsv']);
    assert.strictEqual(readLabels(file).labels.length, 1);
  });

  it('fails on an unjudged error and names its row', () => {
    const report = buildReport([run([finding(1, 'link.unknown-ref'), finding(2, 'link.unknown-ref')])], [label(1, 'link.unknown-ref', 'T')]);
    assert.strictEqual(report.failures.length, 1);
    assert.match(report.failures[0] ?? '', /1 error-level finding\(s\) have no label[\s\S]*tasks\.md:2\tlink\.unknown-ref/);
    assert.match(unjudgedRows(report), /^kiro\/owner__name\t\.kiro\/specs\/a\/tasks\.md\t2\tlink\.unknown-ref\t\terror: /);
  });

  it('fails when error precision is below 97 %, listing the false ones', () => {
    const findings = Array.from({ length: 20 }, (_, i) => finding(i + 1, 'structure.duplicate-id'));
    const labels = findings.map((f) => label(f.line, f.code, f.line === 7 ? 'F' : 'T'));
    const report = buildReport([run(findings)], labels);
    assert.strictEqual(report.failures.length, 1);
    assert.match(report.failures[0] ?? '', /error precision 95\.0 %[\s\S]*tasks\.md:7\tstructure\.duplicate-id\tF: because/);
    assert.deepStrictEqual(
      buildReport(
        [run(findings)],
        labels.map((l) => ({ ...l, verdict: 'T' })),
      ).failures,
      [],
    );
  });

  it('judges a warning rule by its own labels, whatever other rules do', () => {
    const findings = [finding(1, 'quality.vague-term', 'warning'), finding(2, 'quality.vague-term', 'warning'), finding(3, 'task.missing-file', 'warning')];
    const labels = [label(1, 'quality.vague-term', 'T'), label(2, 'quality.vague-term', 'F'), label(3, 'task.missing-file', 'T')];
    const failures = buildReport([run(findings)], labels).failures;
    assert.strictEqual(failures.length, 1);
    assert.match(failures[0] ?? '', /^warning rule quality\.vague-term: precision 50\.0 %/);
  });

  it('counts several findings of one rule on one line once, and reports labels whose finding is gone as stale', () => {
    const report = buildReport(
      [run([finding(4, 'link.unknown-ref'), finding(4, 'link.unknown-ref')])],
      [label(4, 'link.unknown-ref', 'T'), label(9, 'link.unknown-ref', 'F')],
    );
    assert.deepStrictEqual(report.errorVerdicts, { T: 1, F: 0, B: 0 });
    assert.deepStrictEqual(
      report.stale.map((l) => l.line),
      [9],
    );
    assert.strictEqual(report.byRule.get('link.unknown-ref')?.bySeverity.error, 2);
  });

  it('fails when more than 1 % of the spec folders with content yield nothing', () => {
    const folders = Array.from({ length: 100 }, (_, i) => `.kiro/specs/s${i}`);
    assert.deepStrictEqual(buildReport([run([], folders, ['.kiro/specs/s1'])], []).failures, []);
    const failures = buildReport([run([], folders, ['.kiro/specs/s1', '.kiro/specs/s2'])], []).failures;
    assert.match(failures[0] ?? '', /2 of 100 spec folders[\s\S]*kiro\/owner__name\/\.kiro\/specs\/s2/);
  });

  it('samples the same 20 warnings whatever the order, independent of errors', () => {
    const warnings = Array.from({ length: 50 }, (_, i) => finding(i + 1, 'quality.vague-term', 'warning'));
    const sample = sampleWarnings([...warnings, finding(99, 'link.unknown-ref')]);
    assert.strictEqual(sample.length, 20);
    assert.ok(sample.every((f) => f.severity === 'warning'));
    assert.deepStrictEqual(sampleWarnings([...warnings].reverse()), sample);
    assert.notDeepStrictEqual(sampleWarnings(warnings, 20, 'another seed'), sample);
  });
});
