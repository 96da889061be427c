/**
 * A bounded map that drops the least recently used entry when full. A `Map` keeps
 * insertion order, so re-inserting on every hit keeps the oldest entry first.
 */
export class LruCache<Key, Value> {
  readonly #entries = new Map<Key, Value>();
  /** The most recently used key: hits on it need no reordering (the common case of one hot template). */
  #newest: Key | undefined;

  /** @param capacity most entries kept; 0 keeps none. */
  constructor(readonly capacity: number) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: Key): Value | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined && key !== this.#newest) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
      this.#newest = key;
    }
    return value;
  }

  set(key: Key, value: Value): void {
    if (this.capacity <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    this.#newest = key;
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
  }

  clear(): void {
    this.#entries.clear();
    this.#newest = undefined;
  }
}
