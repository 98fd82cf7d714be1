// @spec specthread-core#15.4
/**
 * A map that holds at most `capacity` entries. When full it forgets everything at once: the
 * memoised work is cheap to redo, and clearing keeps every operation O(1) with no bookkeeping
 * per hit, which matters on tables consulted for every criterion by every rule.
 */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): void {
    if (this.map.size >= this.capacity) this.map.clear();
    this.map.set(key, value);
  }

  get size(): number {
    return this.map.size;
  }
}
