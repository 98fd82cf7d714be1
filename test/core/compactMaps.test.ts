// @spec specthread-core#21.4
import * as assert from 'assert';
import { FirstById, GroupedBy, ListMap, RefsById, SingleIds } from '../../server/src/core/index/compactMaps';

/**
 * The spec model's lookups (core/index/compactMaps.ts) answer exactly as the `Map`s they replace:
 * the first item of each id, in list order, for short lists (scanned) and long ones (a table).
 */
interface Item {
  readonly node: { readonly id?: string };
  readonly n: number;
}

function items(ids: readonly (string | undefined)[]): Item[] {
  return ids.map((id, n) => ({ node: id === undefined ? {} : { id }, n }));
}

/** What the model built before: a `Map` of the first item of each id. */
function reference(list: readonly Item[], withEmpty: boolean): Map<string, Item> {
  const map = new Map<string, Item>();
  for (const item of list) {
    const id = item.node.id;
    if (id === undefined || (!withEmpty && id === '') || map.has(id)) continue;
    map.set(id, item);
  }
  return map;
}

function assertSameMap<V>(actual: ReadonlyMap<string, V>, expected: ReadonlyMap<string, V>, probes: readonly string[]): void {
  assert.strictEqual(actual.size, expected.size);
  assert.deepStrictEqual([...actual.keys()], [...expected.keys()]);
  assert.deepStrictEqual([...actual.values()], [...expected.values()]);
  assert.deepStrictEqual([...actual], [...expected]);
  const visited: [string, V][] = [];
  actual.forEach((value, key) => visited.push([key, value]));
  assert.deepStrictEqual(visited, [...expected.entries()]);
  for (const id of probes) {
    assert.strictEqual(actual.has(id), expected.has(id), id);
    assert.deepStrictEqual(actual.get(id), expected.get(id), id);
  }
}

describe('compact spec model lookups', () => {
  for (const length of [0, 3, 32, 33, 200]) {
    it(`FirstById answers as a Map of first items for ${length} items, duplicates and unnumbered items included`, () => {
      const ids = Array.from({ length }, (_, i) => (i % 7 === 3 ? undefined : i % 5 === 4 ? String(i - 1) : i === 1 ? '' : String(i)));
      const list = items(ids);
      const probes = ['', '0', '2', '3', '31', '32', '150', 'missing'];
      for (const withEmpty of [true, false]) {
        const map = new FirstById(list, withEmpty);
        assertSameMap(map, reference(list, withEmpty), probes);
        // A lookup hands out the list's own item, so a reader may compare it with the list.
        for (const [id, item] of map) assert.strictEqual(map.get(id), list[item.n]);
      }
    });

    it(`ListMap answers as the Map of lists it was built from, for ${length} keys`, () => {
      const built = new Map<string, { v: number }[]>();
      for (let i = 0; i < length; i++) built.set(`k${i}`, i % 3 === 0 ? [{ v: i }, { v: -i }] : [{ v: i }]);
      const map = new ListMap(built);
      assertSameMap(map, built, ['k0', 'k1', 'k40', 'nope']);
    });
  }

  for (const length of [0, 5, 64, 65, 150]) {
    it(`RefsById answers as a Map of each resolved id to the refs naming it, for ${length} refs`, () => {
      const refs = Array.from({ length }, (_, i) => ({ n: i, resolved: i % 4 === 0 ? [] : i % 4 === 1 ? [`${i % 9}`] : [`${i % 9}`, `${(i + 1) % 9}`] }));
      const expected = new Map<string, (typeof refs)[number][]>();
      for (const ref of refs) for (const id of ref.resolved) expected.set(id, [...(expected.get(id) ?? []), ref]);
      assertSameMap(RefsById.of(refs), expected, ['0', '3', '8', '9', '']);
    });

    it(`GroupedBy answers as a Map of each key to its items in order, for ${length} items`, () => {
      const items = Array.from({ length }, (_, i) => ({ n: i }));
      const keys = items.map((_, i) => (i % 3 === 0 ? undefined : `p${i % 7}`));
      const expected = new Map<string, { n: number }[]>();
      items.forEach((item, i) => {
        const key = keys[i];
        if (key !== undefined) expected.set(key, [...(expected.get(key) ?? []), item]);
      });
      assertSameMap(GroupedBy.of(items, keys), expected, ['p0', 'p1', 'p6', 'p7']);
    });
  }

  it('shares one frozen list for each single id', () => {
    const ids = new SingleIds(2);
    const a = ids.of('1.2');
    assert.deepStrictEqual(a, ['1.2']);
    assert.strictEqual(ids.of(['1', '2'].join('.')), a);
    assert.ok(Object.isFrozen(a));
    // Past its bound the table shares nothing more, and still answers.
    ids.of('2.1');
    assert.deepStrictEqual(ids.of('3.1'), ['3.1']);
    assert.notStrictEqual(ids.of('3.1'), ids.of('3.1'));
    assert.strictEqual(ids.of('1.2'), a);
  });
});
