// @spec specthread-core#15.4
/**
 * The memo tables of one engine. Parsers, scanners and rules memoise pure work (the EARS shape of
 * a criterion, the term matches of a sentence, a compiled JSON Schema) because most of it is
 * unchanged between two keystrokes. Those tables used to live at module level, so every engine
 * in a process shared them; now each engine owns one `AnalysisCache` and hands it down, to rules
 * through their `RuleContext` and to parsers and scanners as a parameter.
 *
 * The cache knows none of its tables: a module that memoises declares a `CacheKey` constant
 * (immutable) and asks the cache for its table with it. The cache thus imports nothing, and the
 * modules that memoise need not be known here, so no import cycle can start from this file.
 *
 * Tables are keyed by content or by immutable objects (a parsed file's facts, a spec model),
 * never by path: a content key cannot go stale when a file changes. Tables keyed by objects are
 * WeakMaps, so they empty themselves when the engine drops the object; tables keyed by text are
 * `BoundedMap`s (boundedMap.ts). `clear` drops everything, for when the workspace itself is replaced.
 */

/** Names one table and makes it on first use. Declared once, as a module constant, by the table's owner. */
export interface CacheKey<T> {
  /** For debugging only: keys are compared by identity. */
  readonly name: string;
  create(): T;
}

export function cacheKey<T>(name: string, create: () => T): CacheKey<T> {
  return Object.freeze({ name, create });
}

export class AnalysisCache {
  private readonly tables = new Map<CacheKey<unknown>, unknown>();

  /** The table `key` names, made on first use. */
  table<T>(key: CacheKey<T>): T {
    if (this.tables.has(key)) return this.tables.get(key) as T;
    const table = key.create();
    this.tables.set(key, table);
    return table;
  }

  /** Drops every table, e.g. when the configuration and with it the whole workspace is reloaded. */
  clear(): void {
    this.tables.clear();
  }
}
