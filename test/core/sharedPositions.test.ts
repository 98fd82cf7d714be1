// @spec specthread-core#21.4
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AnalysisCache } from '../../server/src/core/analysisCache';
import { NEVER_CANCELLED } from '../../server/src/core/cancellation';
import { SpecFileFacts, SpecFileKind } from '../../server/src/core/model';
import { parseSpecFile } from '../../server/src/core/parse/parseSpecFile';
import { POSITION_POOL, PositionPool } from '../../server/src/core/text/positionPool';
import { Position, Range, formatRange } from '../../server/src/core/text/range';

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

/** Every range object reachable from `value` that lies within one line, once per reference. */
function lineRangesIn(value: unknown, out: Range[] = [], seen = new Set<object>()): Range[] {
  if (typeof value !== 'object' || value === null) return out;
  const r = value as Range;
  if (Object.keys(value).length === 2 && typeof r.start?.line === 'number' && typeof r.end?.line === 'number') {
    if (r.start.line === r.end.line) out.push(r);
    return out;
  }
  if (seen.has(value)) return out;
  seen.add(value);
  for (const v of Object.values(value)) lineRangesIn(v, out, seen);
  return out;
}

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

  it('keeps one frozen range object per span within a line', () => {
    const references = lineRangesIn(parseAll(new AnalysisCache()));
    const objects = new Set(references);
    // 126 references to 60 spans in these files.
    assert.ok(references.length > 100, `${references.length} references`);
    assert.strictEqual(objects.size, new Set(references.map(formatRange)).size);
    assert.ok(objects.size * 2 < references.length, `${objects.size} objects for ${references.length} references`);
    assert.ok([...objects].every((r) => Object.isFrozen(r)));
  });

  it('without a pool, each place is many objects', () => {
    const references = positionsIn(parseAll());
    const places = new Set(references.map((p) => `${p.line}:${p.character}`));
    // 328 objects for 121 places in these files.
    assert.ok(new Set(references).size > places.size * 2);
  });
});

describe('PositionPool', () => {
  it('shares ranges within one line, not ranges over several lines', () => {
    const pool = new PositionPool();
    assert.strictEqual(pool.range(3, 2, 3, 5), pool.range(3, 2, 3, 5));
    assert.notStrictEqual(pool.range(3, 2, 4, 5), pool.range(3, 2, 4, 5));
    assert.strictEqual(pool.range(3, 2, 4, 5).start, pool.range(3, 2, 3, 5).start);
    assert.deepStrictEqual(pool.range(3, 2, 3, 5000), { start: { line: 3, character: 2 }, end: { line: 3, character: 5000 } });
    assert.notStrictEqual(pool.range(3, 5000, 3, 5), pool.range(3, 5000, 3, 5));
    assert.deepStrictEqual(pool.range(3, 5000, 3, 5), { start: { line: 3, character: 5000 }, end: { line: 3, character: 5 } });
  });

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
