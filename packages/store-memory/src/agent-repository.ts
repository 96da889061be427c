import { cloneRecord } from './clone-record.js';
import {
  agentRunPatchSchema,
  agentRunSchema,
  agentRunStatusSchema,
  type AgentRepositoryV1,
  type AgentRunListQueryV1,
  type AgentRunStatusV1,
  type AgentRunV1,
} from '@llm-actions/core';
import { agentRunRecordMethods, type AgentRunRecords } from './agent-run-records.js';
import { parseLimit, parseRange, readPage } from './page.js';
import { SortedIndex, type IndexEntry } from './sorted-index.js';
import { assertKnownKeys, assertText, assertValid, storeError } from './store-error.js';

const listKeys = new Set(['agentId', 'status', 'user', 'limit', 'cursor']);
const patchKeys = new Set(['status', 'state', 'reason', 'updatedAt']);

function statusFilter(status: AgentRunListQueryV1['status']): ReadonlySet<AgentRunStatusV1> | undefined {
  if (status === undefined) return undefined;
  const values = Array.isArray(status) ? status : [status];
  if (values.length === 0 || values.some((value) => !agentRunStatusSchema.safeParse(value).success)) {
    throw storeError('INVALID_INPUT', `status must be an agent run status or a non-empty array of them, got ${JSON.stringify(status)}.`, { status });
  }
  return new Set(values);
}

/**
 * Agent runs in memory, with their steps, journal, snapshots and approvals. Every method
 * checks and writes synchronously within one call, so compare-and-set on `revision`,
 * journal numbering and one-decision-per-step are atomic.
 */
export function createAgentRepository(settings: { validate: boolean }): AgentRepositoryV1 {
  const runs = new Map<string, AgentRunRecords>();
  const entries = new Map<string, IndexEntry<AgentRunV1>>();
  const ordered = new SortedIndex<AgentRunV1>();

  const find = (runId: unknown, what: string): AgentRunRecords => {
    assertText(runId, `${what}.runId`);
    const records = runs.get(runId);
    if (records === undefined) throw storeError('NOT_FOUND', `agent run "${runId}" does not exist; create the run before its ${what}.`, { runId });
    return records;
  };

  return {
    async createRun(run) {
      if (settings.validate) assertValid(agentRunSchema, run, `agent run ${JSON.stringify(run?.id)}`);
      else assertText(run?.id, 'agentRun.id');
      if (runs.has(run.id)) throw storeError('STORE_CONFLICT', `agent run "${run.id}" already exists; create the new one with a fresh id.`, { id: run.id });
      const stored = cloneRecord(run);
      runs.set(run.id, { run: stored, steps: new Map(), journal: [], snapshots: [], approvals: new Map() });
      const entry: IndexEntry<AgentRunV1> = { time: Date.parse(run.createdAt), id: run.id, createdAt: run.createdAt, record: stored };
      entries.set(run.id, entry);
      ordered.insert(entry);
    },

    async getRun(id) {
      const records = runs.get(id);
      return records === undefined ? undefined : cloneRecord(records.run);
    },

    async updateRun(id, patch, options) {
      const expected = options?.expectedRevision;
      if (!Number.isInteger(expected) || (expected as number) < 1) {
        throw storeError('INVALID_INPUT', 'agents.updateRun needs options.expectedRevision, the revision the caller read.', { id, expectedRevision: expected });
      }
      if (typeof patch !== 'object' || patch === null) throw storeError('INVALID_INPUT', 'agents.updateRun expects a patch object.', { id });
      assertKnownKeys(patch, patchKeys, 'agent run patch');
      if (settings.validate) assertValid(agentRunPatchSchema, patch, 'agent run patch');
      for (const key of ['status', 'state', 'updatedAt'] as const) {
        if (key in patch && patch[key] === undefined) throw storeError('INVALID_INPUT', `an agent run patch cannot remove ${key}.`, { id });
      }
      const records = runs.get(id);
      if (records === undefined) throw storeError('NOT_FOUND', `agent run "${id}" does not exist.`, { id });
      const { run } = records;
      if (run.revision !== expected) {
        throw storeError('STORE_CONFLICT', `agent run "${id}" is at revision ${run.revision}, not ${expected}; someone else changed it first — reload it.`, {
          id,
          expectedRevision: expected,
          actualRevision: run.revision,
          actualStatus: run.status,
        });
      }
      const next = { ...run, revision: run.revision + 1 } as Record<string, unknown>;
      for (const [key, value] of Object.entries(cloneRecord(patch))) {
        if (value === undefined) delete next[key];
        else next[key] = value;
      }
      records.run = next as unknown as AgentRunV1;
      (entries.get(id) as IndexEntry<AgentRunV1>).record = records.run;
      return cloneRecord(records.run);
    },

    async listRuns(query = {}) {
      if (typeof query !== 'object' || query === null) throw storeError('INVALID_INPUT', 'agents.listRuns expects a query object or nothing.', { query });
      assertKnownKeys(query, listKeys, 'agents.listRuns query');
      const statuses = statusFilter(query.status);
      const matches = (run: AgentRunV1) =>
        (query.agentId === undefined || run.agentId === query.agentId) &&
        (query.user === undefined || run.user === query.user) &&
        (statuses === undefined || statuses.has(run.status));
      return readPage(ordered, parseRange({ cursor: query.cursor }), parseLimit(query.limit), matches);
    },

    ...agentRunRecordMethods(settings, find),
  };
}
