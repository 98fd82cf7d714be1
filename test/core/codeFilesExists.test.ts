// @spec specthread-core#21.2
import * as assert from 'assert';
import fc from 'fast-check';
import { CodeFiles } from '../../server/src/core/trace/codeFiles';
import { FUZZ_SEED, runsFor } from '../fuzz/fuzzConfig';

/** The definition `exists` must keep: the path is a known file, or a known file lies below it. */
function existsByScan(known: ReadonlySet<string>, path: string): boolean {
  const p = path.replace(/(?<!\/)\/+$/, '');
  return known.has(p) || [...known].some((k) => k.startsWith(p + '/'));
}

describe('CodeFiles.exists (constant-time path existence)', () => {
  it('answers for files, folders at every depth and the root, and forgets folders whose last file is gone', () => {
    const files = new CodeFiles(() => ['/ws']);
    files.markKnown('/ws/src/a/b.ts', true);
    files.markKnown('/ws/src/a/c.ts', true);
    assert.ok(files.exists('/ws/src/a/b.ts'));
    assert.ok(files.exists('/ws/src/a'));
    assert.ok(files.exists('/ws/src/a/'));
    assert.ok(files.exists('/ws/src'));
    assert.ok(files.exists('/ws'));
    assert.ok(!files.exists('/ws/sr'), 'a prefix of a folder name is not a folder');
    assert.ok(!files.exists('/ws/src/a/b'));
    files.markKnown('/ws/src/a/b.ts', false);
    assert.ok(files.exists('/ws/src/a'), 'c.ts still holds the folder');
    files.markKnown('/ws/src/a/c.ts', false);
    assert.ok(!files.exists('/ws/src/a'));
    assert.ok(!files.exists('/ws/src'));
    files.markKnown('/ws/src/d/e.ts', true);
    assert.ok(files.exists('/ws/src'), 'a file added after a question is seen by the next one');
    files.clear();
    assert.ok(!files.exists('/ws/src'));
  });

  it('agrees with a scan of every known file under any sequence of additions, removals and questions', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', 'a.ts', 'b.ts', 'x');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => '/ws/' + s.join('/'));
    const step = fc.oneof(
      fc.record({ op: fc.constant('add' as const), path }),
      fc.record({ op: fc.constant('remove' as const), path }),
      fc.record({
        op: fc.constant('ask' as const),
        path: fc.oneof(
          path,
          path.map((p) => p + '/'),
          fc.constantFrom('/ws', '/', '', '/w'),
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const files = new CodeFiles(() => ['/ws']);
        const known = new Set<string>();
        for (const s of steps) {
          if (s.op === 'add') {
            files.markKnown(s.path, true);
            known.add(s.path);
          } else if (s.op === 'remove') {
            files.markKnown(s.path, false);
            known.delete(s.path);
          } else assert.strictEqual(files.exists(s.path), existsByScan(known, s.path), `exists(${JSON.stringify(s.path)})`);
        }
      }),
      { seed: FUZZ_SEED, numRuns: runsFor(500) },
    );
  });

  // @spec specthread-core#21.4
  it('a listing adopted whole answers as marking each of its files would, through later additions, removals and listings', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', 'a.ts', 'b.ts', 'x');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => '/ws/' + s.join('/'));
    const step = fc.oneof(
      fc.record({ op: fc.constant('add' as const), path }),
      fc.record({ op: fc.constant('remove' as const), path }),
      fc.record({ op: fc.constant('adopt' as const), paths: fc.array(path, { maxLength: 8 }) }),
      fc.record({
        op: fc.constant('ask' as const),
        path: fc.oneof(
          path,
          path.map((p) => p + '/'),
          fc.constantFrom('/ws', '/', ''),
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const adopting = new CodeFiles(() => ['/ws']);
        const marking = new CodeFiles(() => ['/ws']);
        for (const s of steps) {
          if (s.op === 'add' || s.op === 'remove') {
            adopting.markKnown(s.path, s.op === 'add');
            marking.markKnown(s.path, s.op === 'add');
          } else if (s.op === 'adopt') {
            adopting.adoptListing(new Set(s.paths));
            for (const p of s.paths) marking.markKnown(p, true);
          } else assert.strictEqual(adopting.exists(s.path), marking.exists(s.path), `exists(${JSON.stringify(s.path)})`);
          assert.deepStrictEqual([...adopting.knownPaths()].sort(), [...marking.knownPaths()].sort());
        }
      }),
      { seed: FUZZ_SEED, numRuns: runsFor(500) },
    );
  });
});
