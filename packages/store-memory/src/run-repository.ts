import { cloneRecord } from './clone-record.js';
import { runSchema, runStatusSchema, type Run, type RunPatchV1, type RunRepositoryV1, type RunStatus } from '@llm-actions/core';
import { readPage } from './page.js';
import { compileRunQuery, parseChoice } from './run-query.js';
import { RunTable } from './run-table.js';
import { aggregateUsage } from './run-usage.js';
import { assertText, assertValid, storeError } from './store-error.js';

/** Settings shared by the repositories of one memory store. */
export interface RepositorySettings {
  /** Check records against the core schemas before storing them. */
  validate: boolean;
  /** Current time, for fields the store maintains. */
  now: () => Date;
}

const frozenFields = ['id', 'kind', 'createdAt'] as const;
const requiredFields = ['input', 'messages', 'model', 'settings', 'status', 'attempts', 'timings', 'events', 'tags', 'updatedAt'] as const;
const patchSchema = runSchema.omit({ id: true, kind: true, createdAt: true }).partial().strict();

function assertPatch(patch: RunPatchV1, settings: RepositorySettings): void {
  if (typeof patch !== 'object' || patch === null) {
    throw storeError('INVALID_INPUT', 'runs.update expects a patch object with the fields to change.', { patch });
  }
  const frozen = frozenFields.filter((field) => field in patch);
  if (frozen.length > 0) {
    throw storeError('INVALID_INPUT', `runs.update cannot change ${frozen.join(', ')}; create a new run instead.`, { fields: frozen });
  }
  const removed = requiredFields.filter((field) => field in patch && patch[field] === undefined);
  if (removed.length > 0) {
    throw storeError('INVALID_INPUT', `runs.update cannot remove required field(s) ${removed.join(', ')}; give a value or leave the key out.`, {
      fields: removed,
    });
  }
  if (settings.validate) assertValid(patchSchema, patch, 'run patch');
}

/**
 * Runs in memory. Every method does its reads and writes synchronously inside one call, so
 * compare-and-set is atomic: nothing else can run between the status check and the write.
 */
export function createRunRepository(settings: RepositorySettings): RunRepositoryV1 {
  const table = new RunTable();

  return {
    async create(run: Run): Promise<void> {
      if (settings.validate) assertValid(runSchema, run, `run ${JSON.stringify(run?.id)}`);
      else assertText(run?.id, 'run.id');
      if (table.byId.has(run.id)) {
        throw storeError('STORE_CONFLICT', `run "${run.id}" already exists; runs are permanent, so create the new one with a fresh id.`, {
          id: run.id,
        });
      }
      table.insert(cloneRecord(run));
    },

    async get(id: string): Promise<Run | undefined> {
      const entry = table.byId.get(id);
      return entry === undefined ? undefined : cloneRecord(entry.record);
    },

    async update(id: string, patch: RunPatchV1, options: { expectedStatus: RunStatus | RunStatus[] }): Promise<Run> {
      const expected = parseChoice(options?.expectedStatus, runStatusSchema, 'expectedStatus');
      if (expected === undefined) {
        throw storeError('INVALID_INPUT', 'runs.update needs options.expectedStatus, the status the run must have now.', { id });
      }
      assertPatch(patch, settings);
      const entry = table.byId.get(id);
      if (entry === undefined) {
        throw storeError('NOT_FOUND', `run "${id}" does not exist; create it with runs.create before updating it.`, { id });
      }
      const actualStatus = entry.record.status;
      if (!expected.has(actualStatus)) {
        throw storeError(
          'STORE_CONFLICT',
          `run "${id}" is "${actualStatus}", not ${[...expected].map((status) => `"${status}"`).join(' or ')}; another worker changed it first — reload the run and decide again.`,
          { id, expectedStatus: [...expected], actualStatus },
        );
      }
      // updatedAt follows the clock unless the patch gives it; a key given as undefined removes
      // an optional field, as the proposal contract spells out.
      const next: Record<string, unknown> = { ...entry.record, updatedAt: settings.now().toISOString() };
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) delete next[key];
        else next[key] = cloneRecord(value);
      }
      table.replace(entry, next as Run);
      return cloneRecord(next as Run);
    },

    async list(query = {}) {
      const compiled = compileRunQuery(query);
      return readPage(table.candidates(query), compiled.range, compiled.limit, compiled.matches);
    },

    async usage(query) {
      return aggregateUsage(table, query);
    },
  };
}
