import type { Run, RunListQueryV1 } from '@llm-actions/core';
import { SortedIndex, type IndexEntry } from './sorted-index.js';

/** A secondary index: which runs share one value of a field, in creation order. */
interface SecondaryIndex {
  /** The indexed value of a run, or undefined when the run has none. */
  of(run: Pick<Run, 'actionId' | 'subject' | 'parentRunId'>): string | undefined;
  /** The value a query asks for, or undefined when the query does not filter on it. */
  wanted(query: Pick<RunListQueryV1, 'actionId' | 'subjectType' | 'subjectId' | 'parentRunId'>): string | undefined;
  readonly buckets: Map<string, SortedIndex<Run>>;
}

const empty = new SortedIndex<Run>();

function subjectKey(type: string, id: string): string {
  return `${type}\u0000${id}`;
}

/**
 * All runs ordered by (createdAt, id), plus per-action, per-subject and per-parent indexes so
 * filtered lists over many runs walk only the runs that can match.
 */
export class RunTable {
  readonly byId = new Map<string, IndexEntry<Run>>();
  readonly all = new SortedIndex<Run>();
  private readonly secondaries: SecondaryIndex[] = [
    { of: (run) => run.actionId, wanted: (query) => query.actionId, buckets: new Map() },
    {
      of: (run) => (run.subject === undefined ? undefined : subjectKey(run.subject.type, run.subject.id)),
      wanted: (query) =>
        query.subjectType === undefined || query.subjectId === undefined ? undefined : subjectKey(query.subjectType, query.subjectId),
      buckets: new Map(),
    },
    { of: (run) => run.parentRunId, wanted: (query) => query.parentRunId, buckets: new Map() },
  ];

  /** Adds a new run (the caller has checked that its id is free). */
  insert(run: Run): void {
    const entry: IndexEntry<Run> = { time: Date.parse(run.createdAt), id: run.id, createdAt: run.createdAt, record: run };
    this.byId.set(run.id, entry);
    this.all.insert(entry);
    for (const secondary of this.secondaries) this.addTo(secondary, secondary.of(run), entry);
  }

  /** Replaces a run's record, moving it between secondary indexes when an indexed field changed. */
  replace(entry: IndexEntry<Run>, next: Run): void {
    const previous = entry.record;
    entry.record = next;
    for (const secondary of this.secondaries) {
      const before = secondary.of(previous);
      const after = secondary.of(next);
      if (before === after) continue;
      if (before !== undefined) secondary.buckets.get(before)?.remove(entry);
      this.addTo(secondary, after, entry);
    }
  }

  /** The smallest index that holds every run the query can match. */
  candidates(query: RunListQueryV1): SortedIndex<Run> {
    let best = this.all;
    for (const secondary of this.secondaries) {
      const wanted = secondary.wanted(query);
      if (wanted === undefined) continue;
      const bucket = secondary.buckets.get(wanted) ?? empty;
      if (bucket.size < best.size) best = bucket;
    }
    return best;
  }

  private addTo(secondary: SecondaryIndex, value: string | undefined, entry: IndexEntry<Run>): void {
    if (value === undefined) return;
    let bucket = secondary.buckets.get(value);
    if (bucket === undefined) {
      bucket = new SortedIndex<Run>();
      secondary.buckets.set(value, bucket);
    }
    bucket.insert(entry);
  }
}
