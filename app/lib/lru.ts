/**
 * A map that keeps at most `maxEntries` entries and forgets the least recently used one first:
 * for in-process caches whose keys are unbounded (a hash per content version), so a long-running
 * server that sees many edits doesn't grow without limit. Map keeps insertion order, so "used"
 * means deleted and inserted again, and the oldest key is the first one.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`An LRU cache holds a whole number of entries from 1 up, got ${maxEntries}`);
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key) as V;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as K);
  }

  clear(): void {
    this.#entries.clear();
  }
}
