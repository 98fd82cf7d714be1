// @spec specthread-core#21.2
import * as assert from 'assert';
import fc from 'fast-check';
import { IndexedRead } from '../../server/src/core/engine/codeIndex';
import { ListingSlices, SliceReader, SortedListing } from '../../server/src/core/engine/listingSlices';
import { TraceRole } from '../../server/src/core/trace/model';

/**
 * The slices of a listing (engine/listingSlices.ts): sorted out and read while the host lists,
 * they come to exactly what the whole listing comes to, batch for batch, and reads start only once
 * the host would read that many code files on another thread.
 */

/** Spec files end in .md, code files in .ts (tests in .test.ts); anything else is neither. */
function sort(paths: readonly string[]): SortedListing {
  const tracked = paths.filter((p) => p.endsWith('.md'));
  const traceable = paths.filter((p) => p.endsWith('.ts'));
  return { tracked, traceable, roles: traceable.map((p): TraceRole => (p.endsWith('.test.ts') ? 'test' : 'source')) };
}

interface Asked {
  readonly paths: readonly string[];
  readonly roles: readonly (TraceRole | undefined)[];
  readonly total: number;
  /** How many files the listing had handed over when the batch was asked for. */
  readonly given: number;
}

/** A reader that records each batch asked for; the host reads in the background from `threshold` code files. */
function recorder(threshold: number): { reader: SliceReader; asked: Asked[]; given: { n: number } } {
  const asked: Asked[] = [];
  const given = { n: 0 };
  const reader: SliceReader = {
    sort,
    inBackground: (count) => count >= threshold,
    read: (paths, total, roles) => {
      asked.push({ paths: [...paths], roles: [...roles], total, given: given.n });
      return Promise.resolve(paths.map((): IndexedRead => ({ text: undefined, note: undefined })));
    },
  };
  return { reader, asked, given };
}

/** Cuts `listed` into slices at `cuts` (positions), hands them over, and finishes with the whole listing. */
function run(listed: readonly string[], cuts: readonly number[], threshold: number, size: number) {
  const { reader, asked, given } = recorder(threshold);
  const slices = new ListingSlices(reader, size);
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= from || cut >= listed.length) continue;
    given.n = cut;
    slices.add(listed.slice(from, cut));
    from = cut;
  }
  given.n = listed.length;
  return { ...slices.finish(listed), asked };
}

const listing = (n: number) =>
  Array.from({ length: n }, (_, i) => `/ws/d${i % 5}/${i % 4 === 0 ? `f${i}.md` : i % 3 === 0 ? `t${i}.test.ts` : i % 7 === 0 ? `x${i}.png` : `c${i}.ts`}`);

describe('listing slices (engine)', () => {
  it('reads in batches cut where the whole listing cuts them, starting while the listing goes on', async () => {
    const listed = listing(400);
    const { sorted, reads, asked } = run(listed, [50, 120, 300], 20, 32);
    assert.deepStrictEqual(sorted, sort(listed));
    assert.ok(reads, 'reads started during the listing');
    const whole = sort(listed).traceable;
    const expected: string[][] = [];
    for (let i = 0; i < whole.length; i += 32) expected.push(whole.slice(i, i + 32));
    assert.deepStrictEqual(reads.batches, expected);
    assert.deepStrictEqual(
      asked.map((a) => a.paths),
      expected,
    );
    assert.ok(asked[0]!.given < listed.length, 'the first batch was asked for before the listing ended');
    assert.deepStrictEqual(
      asked.flatMap((a) => a.roles),
      sort(listed).roles,
    );
    for (let b = 0; b < expected.length; b++) assert.strictEqual(await reads.read(b), await reads.read(b), 'each batch is read once');
  });

  it('reads nothing during the listing when the host would not read that many on another thread', () => {
    const listed = listing(400);
    const { sorted, reads, asked } = run(listed, [50, 120, 300], Number.POSITIVE_INFINITY, 32);
    assert.deepStrictEqual(sorted, sort(listed));
    assert.strictEqual(reads, undefined);
    assert.deepStrictEqual(asked, []);
  });

  it('starts once the code files found so far reach the threshold, not before', () => {
    const listed = listing(400);
    const threshold = 100;
    const { asked } = run(listed, [40, 80, 160, 240, 320], threshold, 16);
    const codeBefore = (n: number) => sort(listed.slice(0, n)).traceable.length;
    assert.ok(asked.length > 0);
    assert.ok(codeBefore(asked[0]!.given) >= threshold, 'asked for only once enough code files were listed');
    assert.ok(
      asked.every((a) => a.total >= threshold),
      'each batch says the host reads at least the threshold in all',
    );
  });

  it('comes to what the whole listing comes to, however it is sliced (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 40 }),
        (n, cuts, threshold, size) => {
          const listed = listing(n);
          const { sorted, reads, asked } = run(listed, cuts, threshold, size);
          assert.deepStrictEqual(sorted, sort(listed));
          const whole = sort(listed).traceable;
          if (!reads) {
            assert.deepStrictEqual(asked, []);
            return;
          }
          const expected: string[][] = [];
          for (let i = 0; i < whole.length; i += size) expected.push(whole.slice(i, i + size));
          assert.deepStrictEqual(reads.batches, expected);
          assert.deepStrictEqual(
            asked.map((a) => a.paths),
            expected,
          );
        },
      ),
    );
  });
});
