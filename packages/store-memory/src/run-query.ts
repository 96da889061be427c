import { runKindSchema, runStatusSchema, type Run, type RunListQueryV1 } from '@llm-actions/core';
import { parseLimit, parseRange } from './page.js';
import type { ScanRange } from './sorted-index.js';
import { assertKnownKeys, storeError, type RecordSchema } from './store-error.js';

const listKeys = new Set([
  'actionId',
  'subjectType',
  'subjectId',
  'status',
  'kind',
  'parentRunId',
  'user',
  'variant',
  'actionVersion',
  'from',
  'to',
  'limit',
  'cursor',
]);

const textFilters = ['actionId', 'subjectType', 'subjectId', 'parentRunId', 'user', 'variant'] as const;

/** A run list query, validated and compiled. */
export interface CompiledRunQuery {
  range: ScanRange;
  limit: number;
  matches(run: Run): boolean;
}

/** One status or kind, or a non-empty list of them, as a set; undefined when not filtered. */
export function parseChoice<TValue extends string>(
  value: TValue | TValue[] | undefined,
  schema: RecordSchema,
  name: string,
): ReadonlySet<TValue> | undefined {
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  const invalid = values.filter((item) => !schema.safeParse(item).success);
  if (values.length === 0 || invalid.length > 0) {
    throw storeError(
      'INVALID_INPUT',
      `${name} must be one known value or a non-empty array of them, got ${JSON.stringify(value)}; omit it to match every ${name}.`,
      { [name]: value },
    );
  }
  return new Set(values);
}

/** Validates a `runs.list` query (`INVALID_INPUT` on any problem) and builds its matcher. */
export function compileRunQuery(query: RunListQueryV1): CompiledRunQuery {
  if (typeof query !== 'object' || query === null) {
    throw storeError('INVALID_INPUT', 'runs.list expects a query object or nothing.', { query });
  }
  assertKnownKeys(query, listKeys, 'runs.list query');
  for (const name of textFilters) {
    const value = query[name];
    if (value !== undefined && typeof value !== 'string') {
      throw storeError('INVALID_INPUT', `runs.list filter ${name} must be a string, got ${typeof value}.`, { [name]: value });
    }
  }
  const statuses = parseChoice(query.status, runStatusSchema, 'status');
  const kinds = parseChoice(query.kind, runKindSchema, 'kind');
  const { actionId, subjectType, subjectId, parentRunId, user, variant, actionVersion } = query;
  if (actionVersion !== undefined && (!Number.isInteger(actionVersion) || actionVersion < 1)) {
    throw storeError('INVALID_INPUT', `runs.list filter actionVersion must be a positive integer, got ${JSON.stringify(actionVersion)}.`, { actionVersion });
  }
  return {
    range: parseRange(query),
    limit: parseLimit(query.limit),
    matches: (run) =>
      (actionId === undefined || run.actionId === actionId) &&
      (subjectType === undefined || run.subject?.type === subjectType) &&
      (subjectId === undefined || run.subject?.id === subjectId) &&
      (parentRunId === undefined || run.parentRunId === parentRunId) &&
      (user === undefined || run.user === user) &&
      (variant === undefined || run.variant === variant) &&
      (actionVersion === undefined || run.actionVersion === actionVersion) &&
      (statuses === undefined || statuses.has(run.status)) &&
      (kinds === undefined || kinds.has(run.kind)),
  };
}
