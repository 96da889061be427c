import type { Run, UsageGroupKeyV1, UsageQueryV1, UsageRowV1 } from '@llm-actions/core';
import type { StoreClient } from './prisma-store-client.js';
import { assertKnownKeys, storeError } from './store-error.js';
import { toBound } from './values.js';

type Group = UsageRowV1['group'];
type Column = 'actionId' | 'model' | 'createdDay' | 'user' | 'variant';

const usageKeys = new Set(['from', 'to', 'actionId', 'groupBy']);
const failedStatuses = new Set<string>(['failed', 'cancelled', 'interrupted'] satisfies Run['status'][]);

/** The column each key groups by, and the field of a row's `group` it fills. */
const groupColumns: Record<UsageGroupKeyV1, { column: Column; field: keyof Group }> = {
  action: { column: 'actionId', field: 'actionId' },
  model: { column: 'model', field: 'model' },
  // createdDay is the UTC date of createdAt, written with the run, so days group like any column.
  day: { column: 'createdDay', field: 'day' },
  user: { column: 'user', field: 'user' },
  variant: { column: 'variant', field: 'variant' },
};

function parseGroupBy(groupBy: unknown): UsageGroupKeyV1[] {
  const keys = Object.keys(groupColumns);
  const valid = Array.isArray(groupBy) && groupBy.every((key) => keys.includes(key)) && new Set(groupBy).size === groupBy.length;
  if (valid) return groupBy as UsageGroupKeyV1[];
  throw storeError('INVALID_INPUT', `usage groupBy must be an array of distinct keys from ${keys.join(', ')} (or [] for one total row), got ${JSON.stringify(groupBy)}.`, {
    groupBy,
  });
}

function emptyRow(group: Group): UsageRowV1 {
  return { group, runs: 0, succeeded: 0, failed: 0, successRate: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 };
}

/** Orders rows by their group values in `groupBy` order (code units); runs without a value come last. */
function compareRows(keys: UsageGroupKeyV1[]) {
  return (left: UsageRowV1, right: UsageRowV1): number => {
    for (const key of keys) {
      const field = groupColumns[key].field;
      const a = left.group[field];
      const b = right.group[field];
      if (a === b) continue;
      if (a === undefined) return 1;
      if (b === undefined) return -1;
      return a < b ? -1 : 1;
    }
    return 0;
  };
}

/** The value at `percentile` (0-100) of ascending `values` by the nearest-rank method. */
function nearestRank(values: number[], percentile: number): number {
  return values[Math.max(1, Math.ceil((percentile / 100) * values.length)) - 1] as number;
}

/**
 * Adds `latencyP50Ms` and `latencyP95Ms` to the rows: the database returns the latencies of the
 * window's finished runs already sorted (one number per run, through the latencyMs column), and
 * the ranks are picked here, since SQLite has no percentile function.
 */
async function addLatencies(runs: StoreClient['llmRun'], where: object, columns: Column[], rows: Map<string, UsageRowV1>): Promise<void> {
  const select = Object.fromEntries([...columns, 'latencyMs'].map((column) => [column, true]));
  const timed = (await runs.findMany({ where: { AND: [where, { latencyMs: { not: null } }] }, select, orderBy: { latencyMs: 'asc' } })) as Array<
    Record<string, unknown>
  >;
  const latencies = new Map<string, number[]>();
  for (const run of timed) {
    const key = JSON.stringify(columns.map((column) => run[column] ?? null));
    const list = latencies.get(key) ?? [];
    list.push(run.latencyMs as number);
    latencies.set(key, list);
  }
  for (const [key, values] of latencies) {
    const row = rows.get(key);
    if (row === undefined || values.length === 0) continue;
    row.latencyP50Ms = nearestRank(values, 50);
    row.latencyP95Ms = nearestRank(values, 95);
  }
}

/**
 * Usage aggregates computed by the database: one `GROUP BY` over the requested columns plus the
 * status, with counts and token and cost sums; the status groups are then folded into rows.
 */
export async function aggregateUsage(runs: StoreClient['llmRun'], query: UsageQueryV1): Promise<UsageRowV1[]> {
  if (typeof query !== 'object' || query === null) {
    throw storeError('INVALID_INPUT', 'runs.usage expects a query object such as { groupBy: [] }.', { query });
  }
  assertKnownKeys(query, usageKeys, 'runs.usage query');
  const keys = parseGroupBy(query.groupBy);
  if (query.actionId !== undefined && typeof query.actionId !== 'string') {
    throw storeError('INVALID_INPUT', 'runs.usage actionId must be a string.', { actionId: query.actionId });
  }
  const createdAt = {
    ...(query.from === undefined ? {} : { gte: toBound(query.from, 'from') }),
    ...(query.to === undefined ? {} : { lt: toBound(query.to, 'to') }),
  };
  const columns = keys.map((key) => groupColumns[key].column);
  const where = { actionId: query.actionId, ...(Object.keys(createdAt).length === 0 ? {} : { createdAt }) };
  const groups = await runs.groupBy({
    by: [...columns, 'status'],
    where,
    _count: { _all: true },
    _sum: { inputTokens: true, outputTokens: true, cacheReadTokens: true, cacheWriteTokens: true, costUsd: true },
  });
  const rows = new Map<string, UsageRowV1>();
  // Like SQL aggregates without GROUP BY, the total row exists even when no run matched.
  if (keys.length === 0) rows.set('[]', emptyRow({}));
  for (const entry of groups) {
    const values = columns.map((column) => ((entry as Record<string, unknown>)[column] as string | null | undefined) ?? null);
    const rowKey = JSON.stringify(values);
    let row = rows.get(rowKey);
    if (row === undefined) {
      const group: Group = {};
      keys.forEach((key, position) => {
        const value = values[position];
        if (value !== null && value !== undefined) group[groupColumns[key].field] = value;
      });
      row = emptyRow(group);
      rows.set(rowKey, row);
    }
    const count = entry._count._all;
    row.runs += count;
    if (entry.status === 'succeeded') row.succeeded += count;
    else if (failedStatuses.has(entry.status)) row.failed += count;
    row.inputTokens += entry._sum.inputTokens ?? 0;
    row.outputTokens += entry._sum.outputTokens ?? 0;
    row.cacheReadTokens += entry._sum.cacheReadTokens ?? 0;
    row.cacheWriteTokens += entry._sum.cacheWriteTokens ?? 0;
    row.costUsd += entry._sum.costUsd ?? 0;
  }
  await addLatencies(runs, where, columns, rows);
  const result = [...rows.values()];
  for (const row of result) {
    const ended = row.succeeded + row.failed;
    row.successRate = ended === 0 ? 0 : row.succeeded / ended;
  }
  return result.sort(compareRows(keys));
}
