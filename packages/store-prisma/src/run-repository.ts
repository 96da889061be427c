import { runKindSchema, runSchema, runStatusSchema, type Run, type RunListQueryV1, type RunRepositoryV1, type RunStatus } from '@llm-actions/core';
import { afterCursor, newestFirst, parseLimit, toPage } from './page.js';
import type { StoreClient } from './prisma-store-client.js';
import { fromRunRow, toRunRow, toRunUpdate } from './run-rows.js';
import { aggregateUsage } from './run-usage.js';
import { assertKnownKeys, assertText, assertValid, guard, isRecordNotFound, isUniqueViolation, storeError, type RecordSchema } from './store-error.js';
import { parseChoice, statusConflict } from './status-choice.js';
import { toBound } from './values.js';

/** Settings shared by the repositories of one store. */
export interface RepositorySettings {
  /** Check records against the core schemas before storing them. */
  validate: boolean;
  /** Current time, for `updatedAt` when a patch does not give it. */
  now: () => Date;
}

const listKeys = new Set(['actionId', 'actionVersion', 'variant', 'subjectType', 'subjectId', 'status', 'kind', 'parentRunId', 'user', 'from', 'to', 'limit', 'cursor']);
const textFilters = ['actionId', 'variant', 'subjectType', 'subjectId', 'parentRunId', 'user'] as const;
const frozenFields = ['id', 'kind', 'createdAt'] as const;
const requiredFields = ['input', 'messages', 'model', 'settings', 'status', 'attempts', 'timings', 'events', 'tags', 'updatedAt'] as const;
const patchSchema = runSchema.omit({ id: true, kind: true, createdAt: true }).partial().strict();

function assertPatch(patch: unknown, validate: boolean): asserts patch is Partial<Run> {
  if (typeof patch !== 'object' || patch === null) {
    throw storeError('INVALID_INPUT', 'runs.update expects a patch object with the fields to change.', { patch });
  }
  const frozen = frozenFields.filter((field) => field in patch);
  if (frozen.length > 0) {
    throw storeError('INVALID_INPUT', `runs.update cannot change ${frozen.join(', ')}; create a new run instead.`, { fields: frozen });
  }
  const removed = requiredFields.filter((field) => field in patch && (patch as Record<string, unknown>)[field] === undefined);
  if (removed.length > 0) {
    throw storeError('INVALID_INPUT', `runs.update cannot remove required field(s) ${removed.join(', ')}; give a value or leave the key out.`, {
      fields: removed,
    });
  }
  if (validate) assertValid(patchSchema, patch, 'run patch');
}

/** The Prisma `where` of a validated list query (without the cursor). */
function listWhere(query: RunListQueryV1): object {
  for (const name of textFilters) {
    const value = query[name];
    if (value !== undefined && typeof value !== 'string') {
      throw storeError('INVALID_INPUT', `runs.list filter ${name} must be a string, got ${typeof value}.`, { [name]: value });
    }
  }
  const { actionVersion } = query;
  if (actionVersion !== undefined && !(Number.isInteger(actionVersion) && actionVersion >= 1)) {
    throw storeError('INVALID_INPUT', `runs.list filter actionVersion must be a positive integer, got ${String(actionVersion)}.`, { actionVersion });
  }
  const statuses = parseChoice(query.status, runStatusSchema, 'status');
  const kinds = parseChoice(query.kind, runKindSchema, 'kind');
  const createdAt = {
    ...(query.from === undefined ? {} : { gte: toBound(query.from, 'from') }),
    ...(query.to === undefined ? {} : { lt: toBound(query.to, 'to') }),
  };
  return {
    actionId: query.actionId,
    actionVersion,
    variant: query.variant,
    subjectType: query.subjectType,
    subjectId: query.subjectId,
    parentRunId: query.parentRunId,
    user: query.user,
    ...(statuses === undefined ? {} : { status: { in: statuses } }),
    ...(kinds === undefined ? {} : { kind: { in: kinds } }),
    ...(Object.keys(createdAt).length === 0 ? {} : { createdAt }),
  };
}

/**
 * Runs in `llm_runs`. Compare-and-set is one `UPDATE ... WHERE id = ? AND status IN (...)`, so
 * the database decides atomically which of two workers wins, across processes.
 */
export function createRunRepository(client: StoreClient, settings: RepositorySettings): RunRepositoryV1 {
  const runs = client.llmRun;

  return {
    create: (run) =>
      guard('runs.create', async () => {
        const parsed = settings.validate ? assertValid(runSchema as RecordSchema<Run>, run, `run ${JSON.stringify(run?.id)}`) : run;
        assertText(parsed?.id, 'run.id');
        try {
          await runs.create({ data: toRunRow(parsed) });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          throw storeError('STORE_CONFLICT', `run "${parsed.id}" already exists; runs are permanent, so create the new one with a fresh id.`, {
            id: parsed.id,
          });
        }
      }),

    get: (id) =>
      guard('runs.get', async () => {
        if (typeof id !== 'string') return undefined;
        const row = await runs.findUnique({ where: { id } });
        return row === null ? undefined : fromRunRow(row);
      }),

    update: (id, patch, options) =>
      guard('runs.update', async () => {
        const expected = parseChoice(options?.expectedStatus, runStatusSchema, 'expectedStatus');
        if (expected === undefined) {
          throw storeError('INVALID_INPUT', 'runs.update needs options.expectedStatus, the status the run must have now.', { id });
        }
        assertPatch(patch, settings.validate);
        assertText(id, 'id');
        const data = { updatedAt: settings.now(), ...toRunUpdate(patch) };
        for (;;) {
          try {
            return fromRunRow(await runs.update({ where: { id, status: { in: expected } }, data }));
          } catch (error) {
            if (!isRecordNotFound(error)) throw error;
          }
          const current = await runs.findUnique({ where: { id }, select: { status: true } });
          if (current === null) {
            throw storeError('NOT_FOUND', `run "${id}" does not exist; create it with runs.create before updating it.`, { id });
          }
          // The status changed back between the update and this read: try the update again.
          if (expected.includes(current.status as RunStatus)) continue;
          throw statusConflict('run', id, expected, current.status, 'another worker changed it first — reload the run and decide again');
        }
      }),

    list: (query = {}) =>
      guard('runs.list', async () => {
        if (typeof query !== 'object' || query === null) {
          throw storeError('INVALID_INPUT', 'runs.list expects a query object or nothing.', { query });
        }
        assertKnownKeys(query, listKeys, 'runs.list query');
        const limit = parseLimit(query.limit);
        const where = { AND: [listWhere(query), afterCursor(query.cursor)] };
        const rows = await runs.findMany({ where, orderBy: [...newestFirst], take: limit + 1 });
        return toPage(rows, limit, fromRunRow);
      }),

    usage: (query) => guard('runs.usage', () => aggregateUsage(runs, query)),
  };
}
