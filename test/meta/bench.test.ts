// @spec specthread-core#21.5
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GeneratorOptions, generateWorkspace } from '../bench/generate';
import { GHOST_SPEC } from '../bench/generateCode';
import { childCpuMs } from '../bench/measureCli';
import { UNITS, formatTargets, ratio, targetRow } from '../bench/targets';

const SMALL: GeneratorOptions = {
  specs: 12,
  requirementsPerSpec: 3,
  criteriaPerRequirement: 3,
  largeRequirements: 4,
  largeCriteriaPerRequirement: 5,
  seed: 7,
  codeFiles: 300,
};

/** Every file under `dir`, relative, with `/` separators. */
function walk(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  });
}

/**
 * The benchmark's numbers are only comparable between runs and builds when the trees it measures
 * are the same: the generator must be deterministic, reuse a tree only when nothing changed,
 * and say exactly how many tags it wrote where ripgrep and the checker will look.
 */
describe('bench: the generated workspace', function () {
  this.timeout(60000);
  let tmp: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'specthread-bench-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is byte-identical for the same options and differs for another seed', () => {
    const a = generateWorkspace(path.join(tmp, 'a'), SMALL);
    const b = generateWorkspace(path.join(tmp, 'b'), SMALL);
    const c = generateWorkspace(path.join(tmp, 'c'), { ...SMALL, seed: 8 });
    assert.strictEqual(a.fingerprint, b.fingerprint);
    assert.notStrictEqual(a.fingerprint, c.fingerprint);
    assert.deepStrictEqual(walk(a.root).sort(), walk(b.root).sort());
    for (const file of walk(a.root).filter((f) => !f.startsWith('.specthread-bench'))) {
      assert.strictEqual(fs.readFileSync(path.join(a.root, file), 'utf8'), fs.readFileSync(path.join(b.root, file), 'utf8'), file);
    }
  });

  it('adding code files leaves the spec files as they were', () => {
    const withCode = generateWorkspace(path.join(tmp, 'code'), SMALL);
    const without = generateWorkspace(path.join(tmp, 'plain'), { ...SMALL, codeFiles: 0 });
    const specs = walk(without.root).filter((f) => f.startsWith('.kiro/'));
    assert.ok(specs.length === without.files && specs.length > 0);
    for (const f of specs) assert.strictEqual(fs.readFileSync(path.join(withCode.root, f), 'utf8'), fs.readFileSync(path.join(without.root, f), 'utf8'), f);
    assert.strictEqual(without.code.files, 0);
  });

  it('reuses a tree whose stamp matches and rewrites one whose options changed', () => {
    const root = path.join(tmp, 'ws');
    const first = generateWorkspace(root, SMALL);
    const probe = path.join(root, 'packages', 'probe.txt');
    fs.writeFileSync(probe, 'left by the test');
    const again = generateWorkspace(root, SMALL);
    assert.strictEqual(again.reused, true);
    assert.strictEqual(again.fingerprint, first.fingerprint);
    assert.ok(fs.existsSync(probe), 'a reused tree is not rewritten');
    const other = generateWorkspace(root, { ...SMALL, codeFiles: 200 });
    assert.strictEqual(other.reused, false);
    assert.ok(!fs.existsSync(probe), 'a changed option regenerates the tree');
  });

  it('counts the tags it wrote: traced files outside ignored folders, ghost tags only inside them', () => {
    const ws = generateWorkspace(path.join(tmp, 'ws'), SMALL);
    const ignored = /^(?:node_modules|dist)\/|\/coverage\//;
    let tagLines = 0;
    let tracedFiles = 0;
    let ghostOutside = 0;
    let ghostInside = 0;
    for (const file of walk(ws.root)) {
      const text = fs.readFileSync(path.join(ws.root, file), 'utf8');
      const ghost = text.includes(GHOST_SPEC);
      if (ignored.test(file)) {
        if (ghost) ghostInside++;
        continue;
      }
      if (ghost) ghostOutside++;
      if (!/\.(?:ts|py)$/.test(file)) continue;
      const lines = text.split('\n').filter((l) => l.includes('@spec')).length;
      tagLines += lines;
      if (lines > 0 || /it\('[^']*#\d+\.\d+ /.test(text)) tracedFiles++;
    }
    assert.strictEqual(tagLines, ws.code.tagLines);
    assert.strictEqual(tracedFiles, ws.code.tracedFiles);
    assert.strictEqual(ghostOutside, 0);
    assert.strictEqual(ghostInside, ws.code.ignoredFiles);
    assert.ok(ws.code.tagLines > 0 && ws.code.titleRefs > 0 && ws.code.files === SMALL.codeFiles);
    assert.match(fs.readFileSync(path.join(ws.root, '.gitignore'), 'utf8'), /^dist\/$/m);
  });
});

describe('bench: the table of issue 15', () => {
  it('marks a value at or under its target met, over it not met, a missing one n/a, one without target info', () => {
    assert.strictEqual(targetRow('a', 'a', 5, UNITS.ratio, 5).status, 'met');
    assert.strictEqual(targetRow('b', 'b', 5.01, UNITS.ratio, 5).status, 'not met');
    const missing = targetRow('c', 'c', undefined, UNITS.ms, 15, 'n/a (size L not run)');
    assert.strictEqual(missing.status, 'n/a');
    assert.strictEqual(missing.valueText, 'n/a (size L not run)');
    assert.strictEqual(targetRow('d', 'd', NaN, UNITS.ms, 15).status, 'n/a');
    assert.strictEqual(targetRow('e', 'e', 36, UNITS.ratio).status, 'info');
  });

  it('divides only known values and prints value, target and status in columns', () => {
    assert.strictEqual(ratio(10, 4), 2.5);
    assert.strictEqual(ratio(10, undefined), undefined);
    assert.strictEqual(ratio(10, 0), undefined);
    const text = formatTargets([targetRow('x', 'cold check / rg, L', 44, UNITS.ratio, 5), targetRow('y', 'peak memory', 494, UNITS.mb, 300)]);
    assert.match(text, /cold check \/ rg, L\s+44\.0?0?×\s+≤ 5\.00×\s+not met/);
    assert.match(text, /peak memory\s+494 MB\s+≤ 300 MB\s+not met/);
  });
});

describe('bench: reading CPU time', () => {
  it("adds user and system time of bash's children line, and reports undefined for anything else", () => {
    assert.strictEqual(childCpuMs('0m0.000s 0m0.002s\n0m1.250s 0m0.050s\n'), 1300);
    assert.strictEqual(childCpuMs('0m0.000s 0m0.002s\n1m0.000s 0m0.500s'), 60500);
    assert.strictEqual(childCpuMs('rg: error'), undefined);
  });
});
