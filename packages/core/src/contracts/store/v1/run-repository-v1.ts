import type { Run, RunKind, RunStatus } from '../../../schemas/run.js';

/** Fields of a run that may change after creation. */
export type RunPatchV1 = Partial<Omit<Run, 'id' | 'kind' | 'createdAt'>>;

/** Filters for {@link RunRepositoryV1.list}. All given filters must match. */
export interface RunListQueryV1 {
  actionId?: string;
  /** Only runs of this action version (use with `actionId`). */
  actionVersion?: number;
  /** Only runs of this A/B variant, e.g. `production@2`. */
  variant?: string;
  subjectType?: string;
  subjectId?: string;
  status?: RunStatus | RunStatus[];
  kind?: RunKind | RunKind[];
  parentRunId?: string;
  user?: string;
  /** Runs created at or after this ISO timestamp. */
  from?: string;
  /** Runs created before this ISO timestamp. */
  to?: string;
  /** Page size, 1-500; 50 by default. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** One page of runs, newest first (by `createdAt`, then `id`, descending). */
export interface RunPageV1 {
  items: Run[];
  /** Pass to the next `list` call; absent on the last page. */
  nextCursor?: string;
}

/** Grouping keys of usage aggregates. `day` is the UTC date (`YYYY-MM-DD`) of `createdAt`. */
export type UsageGroupKeyV1 = 'action' | 'model' | 'day' | 'user' | 'variant';

/** Query of {@link RunRepositoryV1.usage}. */
export interface UsageQueryV1 {
  from?: string;
  to?: string;
  actionId?: string;
  /** Keys to group by; none gives one total row. */
  groupBy: UsageGroupKeyV1[];
}

/**
 * One aggregate row. Runs still `running` count in `runs` but in neither success nor
 * failure. A group key the runs do not have (no user, say) is left out of `group`, and
 * such rows sort after the others. With `groupBy: []` there is always exactly one row,
 * zeros included.
 */
export interface UsageRowV1 {
  group: { actionId?: string; model?: string; day?: string; user?: string; variant?: string };
  runs: number;
  succeeded: number;
  /** Runs that ended `failed`, `cancelled` or `interrupted`. */
  failed: number;
  /** succeeded / (succeeded + failed); 0 when none ended. */
  successRate: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
  /**
   * Median and 95th percentile of `finishedAt - startedAt` in ms over the group's runs
   * that have both (nearest-rank method); absent when there are none.
   */
  latencyP50Ms?: number;
  latencyP95Ms?: number;
}

/** Runs: permanent records of executions. */
export interface RunRepositoryV1 {
  /** Stores a new run; throws `STORE_CONFLICT` when the id exists. */
  create(run: Run): Promise<void>;
  /** One run, or undefined. */
  get(id: string): Promise<Run | undefined>;
  /**
   * Compare-and-set update: applies `patch` only while the run's status is one of
   * `expectedStatus`, atomically. Throws `STORE_CONFLICT` (with `details.actualStatus`)
   * when it is not, `NOT_FOUND` when the run does not exist. Returns the updated run.
   * Fields absent from `patch` are left as they are; given fields are replaced whole.
   */
  update(id: string, patch: RunPatchV1, options: { expectedStatus: RunStatus | RunStatus[] }): Promise<Run>;
  /** A page of runs matching the query. Pages neither skip nor repeat while new runs are added. */
  list(query?: RunListQueryV1): Promise<RunPageV1>;
  /** Aggregates of runs created in the time window, grouped. Rows ordered by their group keys. */
  usage(query: UsageQueryV1): Promise<UsageRowV1[]>;
}
