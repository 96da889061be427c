import type { Run, UsageGroupKeyV1, UsageQueryV1, UsageRowV1 } from '@llm-actions/core';
import { parseRange } from './page.js';
import type { RunTable } from './run-table.js';
import { assertKnownKeys, storeError } from './store-error.js';

const usageKeys = new Set(['from', 'to', 'actionId', 'groupBy']);
const groupKeys: readonly UsageGroupKeyV1[] = ['action', 'model', 'day', 'user', 'variant'];
const failedStatuses = new Set<Run['status']>(['failed', 'cancelled', 'interrupted']);

type Group = UsageRowV1['group'];

/** The field of a row's `group` each key fills, and its value for one run. */
const groupFields: Record<UsageGroupKeyV1, { field: keyof Group; of(run: Run): string | undefined }> = {
  action: { field: 'actionId', of: (run) => run.actionId },
  model: { field: 'model', of: (run) => run.model },
  day: { field: 'day', of: (run) => new Date(Date.parse(run.createdAt)).toISOString().slice(0, 10) },
  user: { field: 'user', of: (run) => run.user },
  variant: { field: 'variant', of: (run) => run.variant },
};

/** `finishedAt - startedAt` in ms, when the run has both. */
function latencyOf(run: Run): number | undefined {
  const { startedAt, finishedAt } = run.timings;
  return startedAt === undefined || finishedAt === undefined ? undefined : Date.parse(finishedAt) - Date.parse(startedAt);
}

/** The nearest-rank percentile of ascending values. */
function nearestRank(values: number[], percentile: number): number {
  return values[Math.max(1, Math.ceil((percentile / 100) * values.length)) - 1]!;
}

function parseGroupBy(groupBy: unknown): UsageGroupKeyV1[] {
  const valid =
    Array.isArray(groupBy) &&
    groupBy.every((key) => groupKeys.includes(key as UsageGroupKeyV1)) &&
    new Set(groupBy).size === groupBy.length;
  if (valid) return groupBy as UsageGroupKeyV1[];
  throw storeError(
    'INVALID_INPUT',
    `usage groupBy must be an array of distinct keys from ${groupKeys.join(', ')} (or [] for one total row), got ${JSON.stringify(groupBy)}.`,
    { groupBy },
  );
}

function emptyRow(group: Group): UsageRowV1 {
  return { group, runs: 0, succeeded: 0, failed: 0, successRate: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 };
}

function add(row: UsageRowV1, run: Run): void {
  row.runs += 1;
  if (run.status === 'succeeded') row.succeeded += 1;
  else if (failedStatuses.has(run.status)) row.failed += 1;
  row.inputTokens += run.usage?.inputTokens ?? 0;
  row.outputTokens += run.usage?.outputTokens ?? 0;
  row.cacheReadTokens += run.usage?.cacheReadTokens ?? 0;
  row.cacheWriteTokens += run.usage?.cacheWriteTokens ?? 0;
  row.costUsd += run.costUsd ?? 0;
}

/** Orders rows by their group values in `groupBy` order; runs without a value come last. */
function compareRows(keys: UsageGroupKeyV1[]) {
  return (left: UsageRowV1, right: UsageRowV1): number => {
    for (const key of keys) {
      const field = groupFields[key].field;
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

/** Usage aggregates of the runs created in the query's window. `groupBy: []` gives one total row. */
export function aggregateUsage(table: RunTable, query: UsageQueryV1): UsageRowV1[] {
  if (typeof query !== 'object' || query === null) {
    throw storeError('INVALID_INPUT', 'runs.usage expects a query object such as { groupBy: [] }.', { query });
  }
  assertKnownKeys(query, usageKeys, 'runs.usage query');
  const keys = parseGroupBy(query.groupBy);
  const range = parseRange({ from: query.from, to: query.to });
  if (query.actionId !== undefined && typeof query.actionId !== 'string') {
    throw storeError('INVALID_INPUT', 'runs.usage actionId must be a string.', { actionId: query.actionId });
  }
  const rows = new Map<string, UsageRowV1>();
  const latencies = new Map<UsageRowV1, number[]>();
  // Like SQL aggregates without GROUP BY, the total row exists even when no run matched.
  if (keys.length === 0) rows.set('[]', emptyRow({}));
  for (const entry of table.candidates({ actionId: query.actionId }).descending(range)) {
    const run = entry.record;
    if (query.actionId !== undefined && run.actionId !== query.actionId) continue;
    const values = keys.map((key) => groupFields[key].of(run));
    const rowKey = JSON.stringify(values);
    let row = rows.get(rowKey);
    if (row === undefined) {
      const group: Group = {};
      keys.forEach((key, position) => {
        const value = values[position];
        if (value !== undefined) group[groupFields[key].field] = value;
      });
      row = emptyRow(group);
      rows.set(rowKey, row);
    }
    add(row, run);
    const latency = latencyOf(run);
    if (latency !== undefined) latencies.set(row, [...(latencies.get(row) ?? []), latency]);
  }
  const result = [...rows.values()];
  for (const row of result) {
    const ended = row.succeeded + row.failed;
    row.successRate = ended === 0 ? 0 : row.succeeded / ended;
    const values = latencies.get(row)?.sort((left, right) => left - right);
    if (values && values.length > 0) {
      row.latencyP50Ms = nearestRank(values, 50);
      row.latencyP95Ms = nearestRank(values, 95);
    }
  }
  return result.sort(compareRows(keys));
}
