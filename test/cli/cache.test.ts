// @spec specthread-core#21.3
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from '../helpers/fixtures';
import { CLI, copyToTemp, requireBuild } from '../helpers/lspClient';
import { age } from '../helpers/agedFiles';

function run(args: string[], cwd: string) {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Stored = { format: string; engine: string; fingerprint: string; code: [string, number, number, string, unknown][] };

/**
 * The warm cache of `check --cache`: a warm run reports exactly what a cold one does, takes
 * unchanged code files from the cache (a planted fact shows it), notices every change, and
 * rebuilds a cache it cannot trust with a note.
 */
describe('specthread check --cache', () => {
  let root: string;
  let cacheDir: string;
  const cacheFile = () => path.join(cacheDir, 'facts.json');
  const stored = (): Stored => JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as Stored;
  const check = (...extra: string[]) => run(['check', '.', '--format', 'json', '--fail-on', 'none', ...extra], root);
  /** These tests are about the facts of code files: the result cache (resultCache.test.ts) is dropped first, so every run analyses. */
  const cached = () => {
    fs.rmSync(path.join(cacheDir, 'results.json'), { force: true });
    return check('--cache-location', cacheDir);
  };
  const write = (rel: string, text: string, secondsAgo = 60) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    age(file, secondsAgo);
  };

  beforeEach(() => {
    root = copyToTemp(path.join(REPO, 'examples', 'kiro-workspace'));
    cacheDir = path.join(root, '.cache-test');
    write('src/login.ts', '// @spec user-auth#1.1\nexport const login = 1;\n');
    write('src/plain.ts', 'export const plain = 2;\n');
    write('src/other.ts', '// @spec user-auth#2.1\nexport const other = 3;\n');
    write('test/login.test.ts', '// @spec user-auth#1.1\nit("signs in", () => undefined);\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('--help of check, coverage and inventory lists --cache and --cache-location', () => {
    for (const command of ['check', 'coverage', 'inventory']) {
      const help = run([command, '--help'], root).stdout;
      assert.match(help, /--cache\b/, command);
      assert.match(help, /--cache-location/, command);
    }
  });

  it('a warm run reports exactly the findings of a cold one and of a run without the cache, and takes unchanged files from the cache', () => {
    const plain = check();
    const cold = cached();
    assert.strictEqual(cold.stderr.includes('cache'), false, cold.stderr);
    const paths = stored()
      .code.map((e) => path.relative(root, e[0]))
      .sort();
    assert.deepStrictEqual(paths, ['src/login.ts', 'src/other.ts', 'src/plain.ts', 'test/login.test.ts']);
    const warm = cached();
    assert.strictEqual(cold.stdout, plain.stdout);
    assert.strictEqual(warm.stdout, plain.stdout);
    assert.strictEqual(warm.code, plain.code);
    // A fact planted in the cache, under the file's true stamp, is what the warm run reports: the file was not read.
    const cache = stored();
    const login = cache.code.find((e) => e[0].endsWith('src/login.ts'))!;
    const outcome = JSON.stringify(login[4]).replace(/"1\.1"/g, '"9.9"');
    login[4] = JSON.parse(outcome);
    fs.writeFileSync(cacheFile(), JSON.stringify(cache));
    const planted = JSON.parse(cached().stdout) as { findings: { file: string; message: string }[] };
    assert.ok(
      planted.findings.some((f) => f.file === 'src/login.ts' && f.message.includes('user-auth#9.9')),
      'the planted tag is reported',
    );
  });

  it('picks up a changed, an added and a deleted file, and keeps a file whose mtime moved but whose content did not', () => {
    cached();
    const before = stored().code.find((e) => e[0].endsWith('src/other.ts'))!;
    // Same size, other content: only the hash can tell.
    write('src/login.ts', '// @spec user-auth#1.2\nexport const login = 1;\n', 30);
    write('src/plain.ts', '// @spec user-auth#9.8\nexport const plain = 2;\n', 30);
    write('src/added.ts', '// @spec user-auth#9.7\n', 30);
    fs.rmSync(path.join(root, 'test/login.test.ts'));
    age(path.join(root, 'src/other.ts'), 20);
    const warm = cached();
    assert.strictEqual(warm.stdout, check().stdout);
    const found = (JSON.parse(warm.stdout) as { findings: { file: string; message: string }[] }).findings;
    assert.ok(found.some((f) => f.file === 'src/plain.ts' && f.message.includes('9.8')));
    assert.ok(found.some((f) => f.file === 'src/added.ts' && f.message.includes('9.7')));
    const after = stored().code;
    assert.ok(!after.some((e) => e[0].endsWith('test/login.test.ts')), 'the deleted file left the cache');
    const other = after.find((e) => e[0].endsWith('src/other.ts'))!;
    assert.notStrictEqual(other[2], before[2], 'the new mtime is recorded');
    assert.strictEqual(other[3], before[3], 'under the same content hash');
    assert.deepStrictEqual(other[4], before[4]);
  });

  for (const [name, spoil] of [
    ['corrupt', () => fs.writeFileSync(cacheFile(), '{"format": nonsense')],
    ['truncated', () => fs.writeFileSync(cacheFile(), fs.readFileSync(cacheFile(), 'utf8').slice(0, 200))],
    ['of another version', () => fs.writeFileSync(cacheFile(), JSON.stringify({ ...stored(), engine: '0.0.1+old' }))],
    ['of another format', () => fs.writeFileSync(cacheFile(), JSON.stringify({ ...stored(), format: 'specthread-fact-cache/0' }))],
    ['made with other test globs', () => fs.writeFileSync(cacheFile(), JSON.stringify({ ...stored(), fingerprint: '{}' }))],
    ['with a malformed entry', () => fs.writeFileSync(cacheFile(), JSON.stringify({ ...stored(), code: [['src/login.ts', 'big']] }))],
  ] as const) {
    it(`a cache ${name} is rebuilt with a note, and the findings are those of a cold run`, () => {
      const plain = check();
      cached();
      spoil();
      const r = cached();
      assert.match(r.stderr, /SpecThread: the cache .*facts\.json .*rebuilt/);
      assert.strictEqual(r.stdout, plain.stdout);
      assert.strictEqual(stored().code.length, 4, 'the rebuilt cache holds every code file again');
      assert.doesNotMatch(cached().stderr, /rebuilt/, 'and is trusted next time');
    });
  }

  it('facts stored under another file than they name are not trusted: that file is read again', () => {
    const plain = check();
    cached();
    const cache = stored();
    const login = cache.code.find((e) => e[0].endsWith('src/login.ts'))!;
    login[4] = JSON.parse(
      JSON.stringify(login[4])
        .replace(/"1\.1"/g, '"9.9"')
        .replace(/src\/login\.ts/g, 'src/plain.ts'),
    );
    fs.writeFileSync(cacheFile(), JSON.stringify(cache));
    assert.strictEqual(cached().stdout, plain.stdout);
  });

  it('a cache location that cannot be written is a note on stderr, not a failure', () => {
    fs.writeFileSync(path.join(root, 'a-file'), 'not a folder');
    const plain = check();
    const r = check('--cache-location', 'a-file/cache');
    assert.strictEqual(r.code, plain.code);
    assert.strictEqual(r.stdout, plain.stdout);
    assert.match(r.stderr, /SpecThread: the cache could not be written to .*a-file\/cache\/facts\.json/);
  });

  it('writes the cache atomically: a new file replaces the old by rename, with no temporary file left', () => {
    cached();
    const inode = fs.statSync(cacheFile()).ino;
    write('src/added.ts', '// @spec user-auth#1.3\n', 30);
    cached();
    assert.notStrictEqual(fs.statSync(cacheFile()).ino, inode, 'replaced, not rewritten in place');
    assert.deepStrictEqual(
      fs.readdirSync(cacheDir).filter((f) => f !== 'results.json'),
      ['facts.json'],
    );
  });

  it('an unchanged workspace does not rewrite the cache', () => {
    cached();
    const before = fs.statSync(cacheFile());
    cached();
    const after = fs.statSync(cacheFile());
    assert.strictEqual(after.ino, before.ino);
    assert.strictEqual(after.mtimeMs, before.mtimeMs);
  });

  it("--cache keeps the cache in the project's node_modules/.cache/specthread; coverage and inventory read the same cache", () => {
    fs.mkdirSync(path.join(root, 'node_modules'));
    const plain = check();
    assert.strictEqual(check('--cache').stdout, plain.stdout);
    cacheDir = path.join(root, 'node_modules', '.cache', 'specthread');
    assert.strictEqual(stored().code.length, 4);
    for (const command of ['coverage', 'inventory']) {
      const without = run([command, '.', '--format', 'json'], root);
      const withCache = run([command, '.', '--format', 'json', '--cache'], root);
      assert.strictEqual(withCache.stdout, without.stdout, command);
      assert.strictEqual(withCache.stderr, without.stderr, command);
    }
  });
});
