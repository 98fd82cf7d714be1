// @spec specthread-core#21.4
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AnalysisCache } from '../../server/src/core/analysisCache';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { SpecFileFacts, SpecFileKind } from '../../server/src/core/model';
import { parseSpecFile } from '../../server/src/core/parse/parseSpecFile';
import { POSITION_POOL, PositionPool } from '../../server/src/core/text/positionPool';
import { Position } from '../../server/src/core/text/range';

/**
 * Parsed spec files take their positions from the engine's pool (core/text/positionPool.ts):
 * one frozen object per place, however many ranges of however many files start or end there.
 * Proved by counting the position objects reachable from the parsed facts.
 */
const SPEC = path.resolve(__dirname, '../../examples/kiro-workspace/.kiro/specs/user-auth');
const FILES: [string, SpecFileKind][] = [
  ['requirements.md', 'requirements'],
  ['design.md', 'design'],
  ['tasks.md', 'tasks'],
];

/** Every position object reachable from `value`, once per reference. */
function positionsIn(value: unknown, out: Position[] = [], seen = new Set<object>()): Position[] {
  if (typeof value !== 'object' || value === null) return out;
  const keys = Object.keys(value);
  if (keys.length === 2 && keys.includes('line') && keys.includes('character')) {
    out.push(value as Position);
    return out;
  }
  // A range object may be shared (a section starts where its heading does); its positions count at every reference.
  if (seen.has(value) && !('start' in value)) return out;
  seen.add(value);
  for (const v of Object.values(value)) positionsIn(v, out, seen);
  return out;
}

function parseAll(cache?: AnalysisCache): SpecFileFacts[] {
  // Each file twice, as two specs with the same text would be.
  return [0, 1].flatMap((copy) =>
    FILES.map(([name, kind]) =>
      parseSpecFile(`/ws/.kiro/specs/s${copy}/${name}`, kind, fs.readFileSync(path.join(SPEC, name), 'utf8'), NEVER_CANCELLED, 'kiro', undefined, cache),
    ),
  );
}

describe('shared positions in parsed spec files', () => {
  it('parses to the same facts with and without the pool', () => {
    assert.deepStrictEqual(parseAll(new AnalysisCache()), parseAll());
  });

  it('keeps one frozen position object per place', () => {
    const cache = new AnalysisCache();
    const references = positionsIn(parseAll(cache));
    const objects = new Set(references);
    const places = new Set(references.map((p) => `${p.line}:${p.character}`));
    // Criteria, tasks, refs and headings: 366 references at 121 places.
    assert.ok(references.length > 300, `${references.length} references`);
    assert.strictEqual(objects.size, places.size);
    assert.ok(objects.size * 2 < references.length, `${objects.size} objects for ${references.length} references`);
    assert.ok([...objects].every((p) => Object.isFrozen(p)));
    assert.strictEqual(cache.table(POSITION_POOL).size, places.size);
  });

  it('without a pool, each place is many objects', () => {
    const references = positionsIn(parseAll());
    const places = new Set(references.map((p) => `${p.line}:${p.character}`));
    // 328 objects for 121 places in these files.
    assert.ok(new Set(references).size > places.size * 2);
  });
});

describe('PositionPool', () => {
  it('hands out one object per place up to its limit, fresh ones after', () => {
    const pool = new PositionPool(2);
    assert.strictEqual(pool.at(1, 2), pool.at(1, 2));
    assert.notStrictEqual(pool.at(1, 2), pool.at(2, 1));
    assert.deepStrictEqual(pool.at(3, 0), { line: 3, character: 0 });
    assert.notStrictEqual(pool.at(3, 0), pool.at(3, 0));
    assert.strictEqual(pool.size, 2);
  });

  it('gives places it cannot key a fresh position with the same values', () => {
    const pool = new PositionPool();
    for (const [line, character] of [
      [0, 4096],
      [524288, 0],
      [-1, 0],
      [0, -1],
      [0.5, 0],
      [0, 0.5],
      [NaN, 0],
    ] as const) {
      const p = pool.at(line, character);
      assert.deepStrictEqual(p, { line, character });
      assert.notStrictEqual(p, pool.at(line, character));
    }
    // 0.5 × 4096 would collide with the key of 0:2048 if fractions were keyed.
    assert.deepStrictEqual(pool.at(0, 2048), { line: 0, character: 2048 });
    assert.strictEqual(pool.size, 1);
  });
});
