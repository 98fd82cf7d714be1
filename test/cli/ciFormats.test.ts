// @spec specthread-core#17.1
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { escapeData, escapeProperty } from '../../server/src/cli/formatters/check/github';
import { RULE_REGISTRY } from '../../server/src/core/checks/registry';
import { REPO } from '../helpers/fixtures';
import { CLI, copyToTemp, requireBuild } from '../helpers/lspClient';
import { XmlElement, parseXml } from '../helpers/xml';

const EXAMPLE = path.join(REPO, 'examples', 'kiro-workspace');
const SARIF_SCHEMA = path.join(REPO, '..', 'shared', 'schemas', 'sarif-schema-2.1.0.json');

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempDir = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-ci-')));

/** A copy of the Kiro example: 2 errors and 3 warnings, run from its own root so paths are repo-relative. */
function example(): string {
  return copyToTemp(EXAMPLE);
}

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string }[];
}

function sarifOf(file: string) {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as {
    version: string;
    runs: { tool: { driver: { rules: Record<string, unknown>[] } }; results: SarifResult[] }[];
  };
}

function validateSarif(file: string): void {
  const schema = JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')) as { $schema: string };
  assert.match(schema.$schema, /draft-07/, 'the official schema is draft-07, which ajv validates by default');
  // The official schema's `language` pattern has a stray `]`, valid only outside unicode mode.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false });
  // The schema's two string formats, checked as RFC 3986 says (ajv-formats is not a dependency).
  ajv.addFormat('uri', (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(s) && URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => !/[\s\\]/.test(s) && URL.canParse(s, 'file:///base/'));
  const validate = ajv.compile(schema);
  const ok = validate(JSON.parse(fs.readFileSync(file, 'utf8')));
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

const ALL_FORMATS = ['sarif', 'junit', 'github', 'gitlab', 'checkstyle', 'html', 'json', 'text'];
const outputArgs = (dir: string) => ALL_FORMATS.flatMap((f) => ['--format', f, '--output', path.join(dir, `report.${f}`)]);

describe('specthread check: CI report formats (SARIF, JUnit, GitHub, GitLab, Checkstyle, HTML)', function () {
  this.timeout(120000);

  it('writes several reports in one run, each atomically, and stdout keeps the text report', () => {
    const root = example();
    const out = path.join(tempDir(), 'nested', 'reports');
    const r = run(['check', '.', ...outputArgs(out)], root);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.deepStrictEqual(fs.readdirSync(out).sort(), ALL_FORMATS.map((f) => `report.${f}`).sort(), 'one file per format and no temporary file left');
    assert.strictEqual(r.stdout.trim().split('\n').length, 5, 'stdout prints the text report');
    assert.strictEqual(fs.readFileSync(path.join(out, 'report.text'), 'utf8'), r.stdout);
  });

  it('SARIF is valid against the official 2.1.0 schema, with rules from the registry and repo-relative results', () => {
    const root = example();
    const file = path.join(tempDir(), 'r.sarif');
    assert.strictEqual(run(['check', '.', '--format', 'sarif', '--output', file], root).code, 1);
    validateSarif(file);
    const sarif = sarifOf(file);
    assert.strictEqual(sarif.version, '2.1.0');
    const [runOf] = sarif.runs;
    const rules = runOf!.tool.driver.rules;
    assert.deepStrictEqual(
      rules.map((r) => r.id),
      RULE_REGISTRY.map((r) => r.meta.code),
    );
    const unknownRef = rules.find((r) => r.id === 'link.unknown-ref')!;
    assert.ok((unknownRef.shortDescription as { text: string }).text && (unknownRef.fullDescription as { text: string }).text);
    assert.match((unknownRef.help as { markdown: string }).markdown, /```markdown/);
    assert.match(unknownRef.helpUri as string, /docs\/rules\.md#linkunknown-ref$/);
    assert.deepStrictEqual(unknownRef.defaultConfiguration, { level: 'error' });
    assert.strictEqual(runOf!.results.length, 5);
    const first = runOf!.results[0]!;
    assert.strictEqual(first.ruleId, 'link.unknown-ref');
    assert.strictEqual(rules[first.ruleIndex!]!.id, first.ruleId);
    assert.strictEqual(first.level, 'error');
    assert.deepStrictEqual(first.locations[0]!.physicalLocation, {
      artifactLocation: { uri: '.kiro/specs/user-auth/design.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 20, startColumn: 32, endLine: 20, endColumn: 35 },
    });
    assert.match(first.partialFingerprints['specthread/v1']!, /^[0-9a-f]{16}$/);
    assert.ok(!runOf!.results.some((r) => r.suppressions), 'nothing is suppressed yet');
  });

  it('SARIF fingerprints survive lines moving, and suppressed and baselined findings carry suppressions', () => {
    const root = example();
    const dir = tempDir();
    const before = path.join(dir, 'before.sarif');
    run(['check', '.', '--format', 'sarif', '--output', before], root);
    assert.strictEqual(run(['check', '.', '--write-baseline'], root).code, 0);
    // Two lines above the finding in design.md, and a suppression comment above tasks.md's 2.5.
    const design = path.join(root, '.kiro/specs/user-auth/design.md');
    fs.writeFileSync(design, '\n\n' + fs.readFileSync(design, 'utf8'));
    const tasks = path.join(root, '.kiro/specs/user-auth/tasks.md');
    const lines = fs.readFileSync(tasks, 'utf8').split('\n');
    lines.splice(10, 0, '    <!-- specthread-disable-next-line link.unknown-ref -->');
    fs.writeFileSync(tasks, lines.join('\n'));
    const after = path.join(dir, 'after.sarif');
    const r = run(['check', '.', '--format', 'sarif', '--output', after], root);
    assert.strictEqual(r.code, 0, 'every finding is accepted, so the run is clean');
    validateSarif(after);
    const old = sarifOf(before).runs[0]!.results;
    const now = sarifOf(after).runs[0]!.results;
    assert.strictEqual(now.length, 5, 'accepted findings are still listed, as suppressed');
    const inDesign = (rs: SarifResult[]) => rs.find((x) => x.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('design.md'))!;
    assert.strictEqual(inDesign(now).locations[0]!.physicalLocation.region.startLine, inDesign(old).locations[0]!.physicalLocation.region.startLine + 2);
    assert.deepStrictEqual(inDesign(now).partialFingerprints, inDesign(old).partialFingerprints);
    const kinds = now.map((x) => x.suppressions?.map((s) => s.kind).join()).sort();
    assert.deepStrictEqual(kinds, ['external', 'external', 'external', 'external', 'inSource']);
  });

  it('JUnit has one testsuite per file and one failing testcase per finding, and parses back', () => {
    const root = example();
    const file = path.join(tempDir(), 'junit.xml');
    run(['check', '.', '--format', 'junit', '--output', file], root);
    const doc = parseXml(fs.readFileSync(file, 'utf8'));
    assert.strictEqual(doc.name, 'testsuites');
    assert.deepStrictEqual(
      doc.children.map((s) => [s.attributes.name, s.attributes.failures, s.children.length]),
      [
        ['.kiro/specs/user-auth/design.md', '1', 1],
        ['.kiro/specs/user-auth/requirements.md', '2', 2],
        ['.kiro/specs/user-auth/tasks.md', '2', 2],
      ],
    );
    const failure = doc.children[0]!.children[0]!.children[0]!;
    assert.strictEqual(failure.name, 'failure');
    assert.strictEqual(failure.attributes.type, 'error');
    assert.match(failure.attributes.message!, /Criterion 2\.3 does not exist in spec 'user-auth'/);
  });

  it('JUnit of a clean run has one passing test case', () => {
    const clean = path.join(REPO, 'test', 'fixtures', 'checks', 'v1-clean');
    const r = run(['check', clean, '--format', 'junit'], REPO);
    assert.strictEqual(r.code, 0, r.stderr);
    const doc = parseXml(r.stdout);
    assert.strictEqual(doc.attributes.failures, '0');
    assert.strictEqual(doc.children[0]!.children[0]!.name, 'testcase');
    assert.strictEqual(doc.children[0]!.children[0]!.children.length, 0);
  });

  it('Checkstyle has one file element per file and one error per finding, and parses back', () => {
    const root = example();
    const doc = parseXml(run(['check', '.', '--format', 'checkstyle'], root).stdout);
    assert.strictEqual(doc.name, 'checkstyle');
    const errors = doc.children.flatMap((f: XmlElement) => f.children.map((e) => ({ file: f.attributes.name, ...e.attributes })));
    assert.strictEqual(errors.length, 5);
    assert.deepStrictEqual(errors[0], {
      file: '.kiro/specs/user-auth/design.md',
      line: '20',
      column: '32',
      severity: 'error',
      message: "Criterion 2.3 does not exist in spec 'user-auth'. Requirement 2 has 2.1–2.2. Did you mean 2.2, 2.1?",
      source: 'specthread.link.unknown-ref',
    });
  });

  it('GitLab Code Quality has the required fields, GitLab severities and unique fingerprints', () => {
    const root = example();
    const issues = JSON.parse(run(['check', '.', '--format', 'gitlab'], root).stdout) as Record<string, unknown>[];
    assert.strictEqual(issues.length, 5);
    for (const i of issues) {
      assert.strictEqual(typeof i.description, 'string');
      assert.strictEqual(typeof i.check_name, 'string');
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(i.severity as string));
      const loc = i.location as { path: string; lines: { begin: number } };
      assert.ok(!path.isAbsolute(loc.path) && loc.lines.begin >= 1);
    }
    assert.deepStrictEqual(
      issues.map((i) => i.severity),
      ['major', 'info', 'info', 'minor', 'major'],
    );
    assert.strictEqual(new Set(issues.map((i) => i.fingerprint)).size, 5);
  });

  it('github prints one workflow command per finding and appends a Markdown job summary', () => {
    const root = example();
    const summary = path.join(tempDir(), 'summary.md');
    fs.writeFileSync(summary, '# earlier step\n');
    const r = run(['check', '.', '--format', 'github'], root, { GITHUB_STEP_SUMMARY: summary });
    assert.strictEqual(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.strictEqual(lines.length, 5);
    assert.strictEqual(
      lines[0],
      "::error file=.kiro/specs/user-auth/design.md,line=20,col=32,endLine=20,endColumn=35,title=SpecThread link.unknown-ref::Criterion 2.3 does not exist in spec 'user-auth'. Requirement 2 has 2.1–2.2. Did you mean 2.2, 2.1?",
    );
    assert.deepStrictEqual(
      lines.map((l) => l.slice(0, l.indexOf(' '))),
      ['::error', '::notice', '::notice', '::warning', '::error'],
    );
    const md = fs.readFileSync(summary, 'utf8');
    assert.ok(md.startsWith('# earlier step\n## SpecThread\n'), 'appended, not replaced');
    assert.match(md, /2 errors, 1 warning, 1 info, 1 hint in 3 files \(1 spec\)\./);
    assert.strictEqual(md.split('\n').filter((l) => /^\| (error|warning|info|hint) \|/.test(l)).length, 5);
  });

  it('github escapes %, CR and LF in messages, and also : and , in properties', () => {
    assert.strictEqual(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.strictEqual(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  });

  it('github says when a level has more annotations than GitHub shows per step', () => {
    const root = tempDir();
    const lines = ['# Requirements Document', '', '## Requirements', '', '### Requirement 1: Many', '', '#### Acceptance Criteria', ''];
    for (let i = 1; i <= 12; i++) lines.push(`${i}. THE System SHALL do thing ${i}, see 9.${i}`);
    fs.mkdirSync(path.join(root, '.kiro/specs/many'), { recursive: true });
    fs.writeFileSync(path.join(root, '.kiro/specs/many/requirements.md'), lines.join('\n') + '\n');
    fs.writeFileSync(
      path.join(root, '.kiro/specs/many/tasks.md'),
      '# Implementation Plan\n\n- [ ] 1. Do it\n  - _Requirements: 1.1, 9.1, 9.2, 9.3, 9.4, 9.5, 9.6, 9.7, 9.8, 9.9, 9.10, 9.11_\n',
    );
    const r = run(['check', '.', '--format', 'github', '--fail-on', 'none'], root);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
    assert.ok(errors.length > 10, `${errors.length} errors in\n${r.stdout}`);
    assert.match(r.stdout, new RegExp(`GitHub shows 10 annotations of each level per step; this run has ${errors.length} errors`));
  });

  it('HTML is one self-contained page: nothing fetched, findings with excerpts, progress and the matrix', () => {
    const root = example();
    const file = path.join(tempDir(), 'site', 'report.html');
    run(['check', '.', '--format', 'html', '--output', file], root);
    const html = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(html, /<link\b|<img\b|<iframe\b|\bsrc=|@import|url\(/i, 'no external resource');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.match(html, /prefers-color-scheme: dark/);
    assert.strictEqual((html.match(/<div class="finding /g) ?? []).length, 5);
    assert.match(html, /<pre>11 \| {5}- _Requirements: 2\.1, 2\.5_<\/pre>/, 'the flagged line as an excerpt');
    assert.match(html, /<th>Requirement<\/th><th>Tasks<\/th><th>Code<\/th><th>Tests<\/th><th>Test results<\/th>/);
    assert.match(html, /role="progressbar"/);
    // Links are relative to the report's folder.
    assert.match(html, /href="\.\.\/\.\.\/[^"]*\/\.kiro\/specs\/user-auth\/tasks\.md"/);
  });

  it('HTML links go under --source-url when given', () => {
    const root = example();
    const r = run(['check', '.', '--format', 'html', '--source-url', 'https://example.com/org/repo/blob/main/'], root);
    assert.match(r.stdout, /href="https:\/\/example\.com\/org\/repo\/blob\/main\/\.kiro\/specs\/user-auth\/tasks\.md#L11"/);
  });

  it('the same input gives byte-identical reports in every format', () => {
    const root = example();
    const [a, b] = [tempDir(), tempDir()];
    run(['check', '.', ...outputArgs(a)], root);
    run(['check', '.', ...outputArgs(b)], root);
    for (const f of ALL_FORMATS) {
      const [x, y] = [fs.readFileSync(path.join(a, `report.${f}`), 'utf8'), fs.readFileSync(path.join(b, `report.${f}`), 'utf8')];
      assert.ok(x.length > 0, f);
      assert.strictEqual(x, y, `${f} differs between two runs`);
    }
  });
});

describe('specthread check: exit codes and --max-warnings', function () {
  this.timeout(120000);

  it('--max-warnings n fails with more than n warnings, as in ESLint', () => {
    const root = example();
    // The strict preset makes the example's info and hint findings warnings too: 3 in all.
    const more = run(['check', '.', '--fail-on', 'none', '--preset', 'strict', '--max-warnings', '2'], root);
    assert.strictEqual(more.code, 1);
    assert.match(more.stderr, /Too many warnings: 3, more than --max-warnings 2/);
    assert.strictEqual(run(['check', '.', '--fail-on', 'none', '--preset', 'strict', '--max-warnings', '3'], root).code, 0);
    assert.strictEqual(run(['check', '.', '--fail-on', 'none', '--max-warnings', '1'], root).code, 0);
    assert.strictEqual(run(['check', '.', '--fail-on', 'none'], root).code, 0);
  });

  it('usage mistakes exit 2 and say what is wrong', () => {
    const root = example();
    const cases: [string[], RegExp][] = [
      [['--format', 'json', '--format', 'sarif'], /only one --format may go to stdout/],
      [['--output', 'x.json'], /--output must follow the --format it writes/],
      [['--max-warnings', 'many'], /--max-warnings must be a whole number/],
      [['--format', 'pdf'], /--format must be text, json, sarif, junit, github, gitlab, checkstyle or html/],
    ];
    for (const [args, message] of cases) {
      const r = run(['check', '.', ...args], root);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
  });

  it('a report that cannot be written is a tool failure (exit 2); the other reports are still written', () => {
    const root = example();
    const dir = tempDir();
    const blocker = path.join(dir, 'file');
    fs.writeFileSync(blocker, '');
    const r = run(
      ['check', '.', '--format', 'sarif', '--output', path.join(blocker, 'r.sarif'), '--format', 'json', '--output', path.join(dir, 'r.json')],
      root,
    );
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /cannot write the sarif report/);
    assert.ok(fs.existsSync(path.join(dir, 'r.json')));
  });
});
