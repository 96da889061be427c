/** The position of a record in creation order: `createdAt` in epoch milliseconds, then `id`. */
export interface IndexKey {
  readonly time: number;
  readonly id: string;
}

/** One stored record with its order key. `record` is replaced, never mutated, on update. */
export interface IndexEntry<TRecord> extends IndexKey {
  /** `createdAt` as stored, for cursors. */
  readonly createdAt: string;
  record: TRecord;
}

/** Orders keys by time, then id (plain code-unit order, as SQL `ORDER BY ... COLLATE "C"` does). */
export function compareKeys(left: IndexKey, right: IndexKey): number {
  if (left.time !== right.time) return left.time < right.time ? -1 : 1;
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}

/** Bounds of a newest-first scan. */
export interface ScanRange {
  /** Only entries strictly before this key (a cursor). */
  before?: IndexKey;
  /** Only entries created at or after this time (ms, inclusive). */
  fromTime?: number;
  /** Only entries created before this time (ms, exclusive). */
  toTime?: number;
}

/**
 * Entries kept sorted by (createdAt, id) ascending. Records usually arrive in time order, so
 * inserts land at the end; scans and cursor seeks are a binary search plus a walk, never a sort.
 */
export class SortedIndex<TRecord> {
  private readonly entries: IndexEntry<TRecord>[] = [];

  /** Number of entries. */
  get size(): number {
    return this.entries.length;
  }

  /** Adds an entry at its place in the order. */
  insert(entry: IndexEntry<TRecord>): void {
    const last = this.entries.at(-1);
    if (last === undefined || compareKeys(last, entry) < 0) this.entries.push(entry);
    else this.entries.splice(this.lowerBound(entry), 0, entry);
  }

  /** Removes the entry with this key; false when it is not in the index. */
  remove(key: IndexKey): boolean {
    const position = this.lowerBound(key);
    const found = this.entries[position];
    if (found === undefined || compareKeys(found, key) !== 0) return false;
    this.entries.splice(position, 1);
    return true;
  }

  /** Entries newest first within `range`. */
  *descending(range: ScanRange = {}): Generator<IndexEntry<TRecord>> {
    let end = this.entries.length;
    if (range.toTime !== undefined) end = Math.min(end, this.lowerBound({ time: range.toTime, id: '' }));
    if (range.before !== undefined) end = Math.min(end, this.lowerBound(range.before));
    const fromTime = range.fromTime ?? Number.NEGATIVE_INFINITY;
    for (let position = end - 1; position >= 0; position -= 1) {
      const entry = this.entries[position] as IndexEntry<TRecord>;
      if (entry.time < fromTime) return;
      yield entry;
    }
  }

  /** The first position whose key is not below `key`. */
  private lowerBound(key: IndexKey): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareKeys(this.entries[middle] as IndexEntry<TRecord>, key) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
