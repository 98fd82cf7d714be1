// @spec specthread-core#21.4
/**
 * Read-only maps for the lookups of a spec model (specModel.ts) that hold less than a `Map`.
 *
 * A model holds five maps, and at the benchmark's L size (2,001 specs) their hash tables and the
 * one-element lists in them took about 12 MB of the language server's heap: a `Map` of 20 entries
 * reserves a table of 32 (about 900 bytes), and most ids are cited once, most tasks have one or no
 * sub-task. A spec has few ids, so these maps scan short lists instead, and build a `Map` only for
 * the rare spec whose lists are long, where scanning would cost more than the table.
 */

/** Above this many entries a lookup goes through a `Map`, built on first use; below it, a scan is as fast. */
const SCAN_LIMIT = 32;

/**
 * Id → the first item of a list that carries it, kept as the list itself (the model holds the list
 * anyway). Items without an id are skipped. Lookups return the list's own objects, so a reader may
 * compare what it got with an item of the list.
 */
export class FirstById<T extends { readonly node: { readonly id?: string } }> implements ReadonlyMap<string, T> {
  /** The table, for a list longer than SCAN_LIMIT, made on the first lookup. */
  private table: Map<string, T> | undefined;

  /** `withEmpty` false skips items whose id is the empty string too (the task map always did). */
  constructor(
    private readonly list: readonly T[],
    private readonly withEmpty = true,
  ) {}

  get size(): number {
    return this.list.length > SCAN_LIMIT ? this.lookupTable().size : this.firstEntries().length;
  }

  get(id: string): T | undefined {
    if (this.list.length > SCAN_LIMIT) return this.lookupTable().get(id);
    if (id === '' && !this.withEmpty) return undefined;
    for (const item of this.list) if (item.node.id === id) return item;
    return undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.firstEntries()) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[string, T]> {
    return this.firstEntries().values();
  }

  keys(): MapIterator<string> {
    return this.firstEntries()
      .map(([key]) => key)
      .values();
  }

  values(): MapIterator<T> {
    return this.firstEntries()
      .map(([, value]) => value)
      .values();
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }

  private lookupTable(): Map<string, T> {
    if (!this.table) {
      this.table = new Map();
      for (const item of this.list) {
        const id = item.node.id;
        if (this.counts(id) && !this.table.has(id)) this.table.set(id, item);
      }
    }
    return this.table;
  }

  private counts(id: string | undefined): id is string {
    return id !== undefined && (this.withEmpty || id !== '');
  }

  /** Each id with its first item, in list order: what iterating a `Map` filled from the list gives. */
  private firstEntries(): [string, T][] {
    const out: [string, T][] = [];
    const seen = new Set<string>();
    for (const item of this.list) {
      const id = item.node.id;
      if (!this.counts(id) || seen.has(id)) continue;
      seen.add(id);
      out.push([id, item]);
    }
    return out;
  }
}

/**
 * Key → a list of values, kept as two parallel arrays, a value that is alone under its key held
 * without a list of its own. `get` hands such a value out in a new one-element list, so the lists
 * it returns are the caller's to keep but not the same object twice. Values must not be arrays.
 */
export class ListMap<V extends object> implements ReadonlyMap<string, readonly V[]> {
  private readonly keyList: readonly string[];
  private readonly valueList: readonly (V | readonly V[])[];
  /** The table, for a map longer than SCAN_LIMIT: key → position. */
  private readonly table: ReadonlyMap<string, number> | undefined;

  constructor(built: ReadonlyMap<string, readonly V[]>) {
    const keys: string[] = [];
    const values: (V | readonly V[])[] = [];
    for (const [key, list] of built) {
      keys.push(key);
      // An exact-size copy of a list that grew by pushes; a single value stands alone.
      values.push(list.length === 1 ? list[0]! : list.slice());
    }
    this.keyList = keys.slice();
    this.valueList = values.slice();
    this.table = keys.length > SCAN_LIMIT ? new Map(keys.map((key, i) => [key, i])) : undefined;
  }

  get size(): number {
    return this.keyList.length;
  }

  get(key: string): readonly V[] | undefined {
    const i = this.table ? this.table.get(key) : this.keyList.indexOf(key);
    return i === undefined || i < 0 ? undefined : this.listAt(i);
  }

  has(key: string): boolean {
    return this.table ? this.table.has(key) : this.keyList.includes(key);
  }

  forEach(callback: (value: readonly V[], key: string, map: ReadonlyMap<string, readonly V[]>) => void, thisArg?: unknown): void {
    this.keyList.forEach((key, i) => callback.call(thisArg, this.listAt(i), key, this));
  }

  entries(): MapIterator<[string, readonly V[]]> {
    return this.keyList.map((key, i): [string, readonly V[]] => [key, this.listAt(i)]).values();
  }

  keys(): MapIterator<string> {
    return this.keyList.values();
  }

  values(): MapIterator<readonly V[]> {
    return this.keyList.map((_, i) => this.listAt(i)).values();
  }

  [Symbol.iterator](): MapIterator<[string, readonly V[]]> {
    return this.entries();
  }

  private listAt(i: number): readonly V[] {
    const value = this.valueList[i]!;
    return Array.isArray(value) ? (value as readonly V[]) : [value as V];
  }
}

/**
 * A map whose lookups scan the lists it was given, so that it holds no table of its own; only a
 * walk over the whole map (`size`, iteration) groups the lists, anew each time, as rules read a
 * model's cited-by and sub-task maps by key and walk them rarely. Subclasses say how a lookup
 * scans and how the whole map is grouped.
 */
abstract class ScannedGroups<V> implements ReadonlyMap<string, readonly V[]> {
  abstract get(key: string): readonly V[] | undefined;
  abstract has(key: string): boolean;
  /** Each key with its values, keys in the order of their first value. */
  protected abstract grouped(): Map<string, V[]>;

  get size(): number {
    return this.grouped().size;
  }

  forEach(callback: (value: readonly V[], key: string, map: ReadonlyMap<string, readonly V[]>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.grouped()) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[string, readonly V[]]> {
    return this.grouped().entries();
  }

  keys(): MapIterator<string> {
    return this.grouped().keys();
  }

  values(): MapIterator<readonly V[]> {
    return this.grouped().values();
  }

  [Symbol.iterator](): MapIterator<[string, readonly V[]]> {
    return this.entries();
  }
}

/** Files `value` under `key` in `map`, after the values already there. */
function fileUnder<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Each ref under every id it resolves to, ids in the order the refs first resolve to them. */
function groupRefs<R extends { readonly resolved: readonly string[] }>(refs: readonly R[]): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const ref of refs) for (const id of ref.resolved) fileUnder(map, id, ref);
  return map;
}

/** Each item under its key (none for undefined), keys in the order of their first item. */
function groupByKeys<V>(items: readonly V[], keys: readonly (string | undefined)[]): Map<string, V[]> {
  const map = new Map<string, V[]>();
  items.forEach((item, i) => {
    const key = keys[i];
    if (key !== undefined) fileUnder(map, key, item);
  });
  return map;
}

/**
 * Id → the refs that resolve to it, in ref order, kept as the model's refs alone: each lookup
 * scans them. A spec cites a few dozen times, and a `ListMap` of its cited ids cost about 1 KB per
 * spec (2.2 MB at L). `of` keeps a `ListMap` instead when the refs are many, where scanning would
 * cost more than the table. Lists handed out are new, the caller's to keep.
 */
export class RefsById<R extends { readonly resolved: readonly string[] }> extends ScannedGroups<R> {
  constructor(private readonly refs: readonly R[]) {
    super();
  }

  /** The map for `refs`: scanned when they are few, else a table. */
  static of<R extends { readonly resolved: readonly string[] }>(refs: readonly R[]): ReadonlyMap<string, readonly R[]> {
    return refs.length <= REFS_SCAN_LIMIT ? new RefsById(refs) : new ListMap(groupRefs(refs));
  }

  get(id: string): readonly R[] | undefined {
    let out: R[] | undefined;
    for (const ref of this.refs) if (names(ref.resolved, id)) (out ??= []).push(ref);
    return out;
  }

  has(id: string): boolean {
    for (const ref of this.refs) if (names(ref.resolved, id)) return true;
    return false;
  }

  protected grouped(): Map<string, R[]> {
    return groupRefs(this.refs);
  }
}

/**
 * Key → the items filed under it, in list order, kept as the list and one key per item (undefined
 * for an item under none). For a model's sub-tasks: the task list and each task's parent id,
 * about 200 bytes for a spec of 18 tasks where a `ListMap` took some 550. A long list gets a
 * `ListMap` instead (see `of`). Lists handed out are new, the caller's to keep.
 */
export class GroupedBy<V extends object> extends ScannedGroups<V> {
  private constructor(
    private readonly items: readonly V[],
    private readonly keyOf: readonly (string | undefined)[],
  ) {
    super();
  }

  /** `keys[i]` is the key `items[i]` is filed under. */
  static of<V extends object>(items: readonly V[], keys: readonly (string | undefined)[]): ReadonlyMap<string, readonly V[]> {
    return items.length <= SCAN_LIMIT ? new GroupedBy(items, keys) : new ListMap(groupByKeys(items, keys));
  }

  get(key: string): readonly V[] | undefined {
    let out: V[] | undefined;
    this.keyOf.forEach((k, i) => {
      if (k === key) (out ??= []).push(this.items[i]!);
    });
    return out;
  }

  has(key: string): boolean {
    return this.keyOf.includes(key);
  }

  protected grouped(): Map<string, V[]> {
    return groupByKeys(this.items, this.keyOf);
  }
}

/**
 * True when `ids` holds `id`. A loop the compiler inlines: `includes` called its builtin for every
 * ref of every lookup, which made 85 million more instructions of a check of workspace-L's specs
 * under callgrind, though most refs resolve one id.
 */
function names(ids: readonly string[], id: string): boolean {
  for (let i = 0; i < ids.length; i++) if (ids[i] === id) return true;
  return false;
}

/** Refs a spec may have before its cited-by map is a table: a lookup scans them and their ids. */
const REFS_SCAN_LIMIT = 64;

/**
 * One frozen one-element list per id, shared by every ref that resolves to that id alone: at L
 * 62,000 refs each held such a list of their own (56 bytes), over a few hundred distinct ids
 * (`1.2`, `FR-003`). The engine's spec index holds one table for all its models; the table stops
 * growing at a bound, so a workspace with ever new ids costs no more than it did before.
 */
export class SingleIds {
  private readonly lists = new Map<string, readonly string[]>();

  constructor(private readonly limit = 20_000) {}

  of(id: string): readonly string[] {
    const shared = this.lists.get(id);
    if (shared) return shared;
    const list = Object.freeze([id]);
    if (this.lists.size < this.limit) this.lists.set(id, list);
    return list;
  }
}
