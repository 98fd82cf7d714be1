// @spec specthread-core#21.3
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatNames } from '../../server/src/cli/formatters';
import { REPO } from '../helpers/fixtures';
import { CLI, copyToTemp, requireBuild } from '../helpers/lspClient';
import { age } from '../helpers/agedFiles';

function run(args: string[], cwd: string) {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Stored = {
  format: string;
  engine: string;
  key: string;
  listing: string;
  stamps: string;
  output: { exitCode: number; stdout: string; stderr: string; reports?: { file: string; format: string; text: string }[] };
};

function ageTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) ageTree(full);
    else age(full);
  }
}

/**
 * The result cache of `check --cache`: an unchanged workspace prints the stored output of the
 * last run (a planted output shows it was not analysed again), and every change to what the
 * report depends on (a file's content, a name in the listing, specthread.json, a flag, the
 * engine build) makes the run analyse, so the warm report is always the cold one.
 */
describe('specthread check --cache: the result cache', () => {
  let root: string;
  let cacheDir: string;
  const resultFile = () => path.join(cacheDir, 'results.json');
  const stored = (): Stored => JSON.parse(fs.readFileSync(resultFile(), 'utf8')) as Stored;
  const check = (...extra: string[]) => run(['check', '.', '--fail-on', 'warning', ...extra], root);
  const cached = (...extra: string[]) => check('--cache-location', cacheDir, ...extra);
  /** Replaces the stored stdout, so a run that prints it was answered from the cache. */
  const plant = () => fs.writeFileSync(resultFile(), JSON.stringify({ ...stored(), output: { ...stored().output, stdout: 'PLANTED' } }));
  const write = (rel: string, text: string) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    age(file);
  };
  /** A cold run and a warm one after `change` print the same, and the warm one analysed (the planted output is gone). */
  const assertAnalysedAfter = (change: () => void, ...extra: string[]) => {
    cached(...extra);
    plant();
    change();
    const warm = cached(...extra);
    const cold = check(...extra);
    assert.notStrictEqual(warm.stdout, 'PLANTED\n');
    assert.deepStrictEqual(warm, cold);
  };

  beforeEach(() => {
    root = copyToTemp(path.join(REPO, 'examples', 'kiro-workspace'));
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-results-'));
    write('src/login.ts', '// @spec user-auth#1.1\nexport const login = 1;\n');
    write('test/login.test.ts', '// @spec user-auth#1.1\nit("signs in", () => undefined);\n');
    ageTree(root);
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  for (const format of formatNames('check')) {
    it(`--format ${format}: the warm run prints exactly what the cold one does, from the cache`, () => {
      const cold = check('--format', format);
      const filling = cached('--format', format);
      assert.deepStrictEqual(filling, cold);
      const warm = cached('--format', format);
      assert.deepStrictEqual(warm, cold);
      plant();
      assert.strictEqual(cached('--format', format).stdout, 'PLANTED\n', 'the unchanged workspace was not analysed again');
    });
  }

  it('an edited spec file is analysed again', () => {
    assertAnalysedAfter(() => {
      const file = path.join(root, '.kiro/specs/user-auth/requirements.md');
      write('.kiro/specs/user-auth/requirements.md', fs.readFileSync(file, 'utf8') + '\n### Requirement 9: Added\n');
    });
  });

  it('an edited code file is analysed again, even when its size and mtime are kept', () => {
    assertAnalysedAfter(() => {
      const file = path.join(root, 'src/login.ts');
      const { mtime } = fs.statSync(file);
      fs.writeFileSync(file, '// @spec user-auth#9.1\nexport const login = 1;\n');
      fs.utimesSync(file, mtime, mtime);
    });
  });

  it('a code file edited after a run that took it from the fact cache is analysed again', () => {
    // Run 1 records every code file; run 2 (a spec edited) takes them from the fact cache without
    // reading them, and its stored result must still depend on them.
    cached();
    const spec = path.join(root, '.kiro/specs/user-auth/requirements.md');
    write('.kiro/specs/user-auth/requirements.md', fs.readFileSync(spec, 'utf8') + '\n');
    cached();
    plant();
    write('src/login.ts', '// @spec user-auth#9.1\nexport const login = 1;\n');
    const warm = cached();
    assert.notStrictEqual(warm.stdout, 'PLANTED\n');
    assert.deepStrictEqual(warm, check());
  });

  it('a renamed, a deleted and an added file are analysed again', () => {
    assertAnalysedAfter(() => fs.renameSync(path.join(root, 'src/login.ts'), path.join(root, 'src/signIn.ts')));
    assertAnalysedAfter(() => fs.rmSync(path.join(root, 'test/login.test.ts')));
    assertAnalysedAfter(() => write('src/added.ts', '// @spec user-auth#9.7\n'));
  });

  it('a new or changed specthread.json or .gitignore is analysed again', () => {
    assertAnalysedAfter(() => write('specthread.json', '{ "preset": "strict" }\n'));
    assertAnalysedAfter(() => write('specthread.json', '{ "preset": "ears" }\n'));
    assertAnalysedAfter(() => write('.gitignore', 'test/\n'));
  });

  it('other flags (a preset, an exclude, a format) are not answered with the result of these', () => {
    cached();
    plant();
    for (const flags of [
      ['--preset', 'strict'],
      ['--exclude', 'test/**'],
      ['--format', 'json'],
      ['--fail-on', 'none'],
    ]) {
      const warm = cached(...flags);
      assert.deepStrictEqual(warm, check(...flags), flags.join(' '));
    }
  });

  it('a cache written by another engine build is not used', () => {
    cached();
    fs.writeFileSync(resultFile(), JSON.stringify({ ...stored(), engine: '0.0.1+old', output: { ...stored().output, stdout: 'PLANTED' } }));
    assert.deepStrictEqual(cached(), check());
    assert.notStrictEqual(stored().engine, '0.0.1+old', 'and it is written again');
  });

  for (const [name, spoil] of [
    ['corrupt', () => fs.writeFileSync(resultFile(), '{"format": nonsense')],
    ['truncated', () => fs.writeFileSync(resultFile(), fs.readFileSync(resultFile(), 'utf8').slice(0, 100))],
    ['without an output', () => fs.writeFileSync(resultFile(), JSON.stringify({ ...stored(), output: { stdout: 'PLANTED' } }))],
  ] as const) {
    it(`a ${name} result cache is rebuilt with a note, and the report is that of a cold run`, () => {
      const cold = check();
      cached();
      spoil();
      const r = cached();
      assert.match(r.stderr, /SpecThread: the result cache .*results\.json is corrupt or truncated .*; it is rebuilt/);
      assert.strictEqual(r.stdout, cold.stdout);
      assert.strictEqual(r.code, cold.code);
      plant();
      assert.strictEqual(cached().stdout, 'PLANTED\n', 'the rebuilt cache is used next time');
    });
  }

  it('--output reports are kept with the output and written again; --test-results runs are always analysed', () => {
    const out = path.join(cacheDir, 'report.json');
    const first = cached('--format', 'json', '--output', out);
    const coldOut = path.join(cacheDir, 'cold.json');
    check('--format', 'json', '--output', coldOut);
    assert.strictEqual(fs.readFileSync(out, 'utf8'), fs.readFileSync(coldOut, 'utf8'), 'the filling run wrote the cold report');
    // A planted report proves the warm run wrote the stored one, without analysing.
    const s = stored();
    assert.strictEqual(s.output.reports?.length, 1);
    fs.writeFileSync(
      resultFile(),
      JSON.stringify({ ...s, output: { ...s.output, stdout: 'PLANTED', reports: [{ ...s.output.reports![0]!, text: 'PLANTED REPORT\n' }] } }),
    );
    fs.rmSync(out);
    const warm = cached('--format', 'json', '--output', out);
    assert.strictEqual(warm.stdout, 'PLANTED\n');
    assert.strictEqual(warm.code, first.code);
    assert.strictEqual(fs.readFileSync(out, 'utf8'), 'PLANTED REPORT\n');
    // A report that cannot be written again is the same note and exit 2 as in an analysed run.
    fs.rmSync(out);
    fs.mkdirSync(out);
    const blocked = cached('--format', 'json', '--output', out);
    assert.strictEqual(blocked.code, 2);
    assert.match(blocked.stderr, /cannot write the json report/);
    write('results.xml', '<testsuite name="s" tests="1"><testcase name="user-auth#1.1 signs in"/></testsuite>\n');
    assert.deepStrictEqual(cached('--test-results', 'results.xml'), check('--test-results', 'results.xml'));
  });

  it('a run whose files changed while it read them stores no result', () => {
    write('src/login.ts', '// @spec user-auth#1.1\nexport const login = 1;\n');
    fs.utimesSync(path.join(root, 'src/login.ts'), new Date(), new Date());
    cached();
    assert.strictEqual(fs.existsSync(resultFile()), false);
  });
});
