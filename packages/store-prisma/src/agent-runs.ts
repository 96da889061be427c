import { agentRunPatchSchema, agentRunSchema, agentRunStatusSchema, type AgentRepositoryV1, type AgentRunListQueryV1, type AgentRunPatchV1, type AgentRunStatusV1, type AgentRunV1 } from '@llm-actions/core';
import { fromAgentRunRow, toAgentRunRow, toAgentRunUpdate } from './agent-run-rows.js';
import { afterCursor, newestFirst, parseLimit, toPage } from './page.js';
import type { StoreClient } from './prisma-store-client.js';
import { assertKnownKeys, assertText, assertValid, guard, isRecordNotFound, isUniqueViolation, storeError, type RecordSchema } from './store-error.js';
import { parseChoice } from './status-choice.js';

const listKeys = new Set(['agentId', 'status', 'user', 'limit', 'cursor']);
const patchKeys = new Set(['status', 'state', 'reason', 'updatedAt']);

/** The revision an update expects; `INVALID_INPUT` unless it is a positive integer. */
function expectedRevision(id: string, options: { expectedRevision: number } | undefined): number {
  const expected = options?.expectedRevision;
  if (typeof expected === 'number' && Number.isInteger(expected) && expected >= 1) return expected;
  throw storeError('INVALID_INPUT', 'agents.updateRun needs options.expectedRevision, the revision the caller read.', { id, expectedRevision: expected });
}

function assertPatch(id: string, patch: unknown, validate: boolean): asserts patch is AgentRunPatchV1 {
  if (typeof patch !== 'object' || patch === null) throw storeError('INVALID_INPUT', 'agents.updateRun expects a patch object.', { id });
  assertKnownKeys(patch, patchKeys, 'agent run patch');
  if (validate) assertValid(agentRunPatchSchema as RecordSchema, patch, 'agent run patch');
  for (const key of ['status', 'state', 'updatedAt'] as const) {
    if (key in patch && (patch as AgentRunPatchV1)[key] === undefined) throw storeError('INVALID_INPUT', `an agent run patch cannot remove ${key}.`, { id });
  }
}

/** The Prisma `where` of a checked list query (without the cursor). */
function listWhere(query: AgentRunListQueryV1): object {
  for (const name of ['agentId', 'user'] as const) {
    const value = query[name];
    if (value !== undefined && typeof value !== 'string') {
      throw storeError('INVALID_INPUT', `agents.listRuns filter ${name} must be a string, got ${typeof value}.`, { [name]: value });
    }
  }
  const statuses = parseChoice<AgentRunStatusV1>(query.status, agentRunStatusSchema, 'status');
  return { agentId: query.agentId, user: query.user, ...(statuses === undefined ? {} : { status: { in: statuses } }) };
}

/**
 * Agent runs in `llm_agent_runs`. `updateRun` is one `UPDATE ... WHERE id = ? AND revision = ?`,
 * so the database decides which of two resumers wins, in one process or several.
 */
export function agentRunMethods(client: StoreClient, settings: { validate: boolean }): Pick<AgentRepositoryV1, 'createRun' | 'getRun' | 'updateRun' | 'listRuns'> {
  const runs = client.llmAgentRun;
  return {
    createRun: (run) =>
      guard('agents.createRun', async () => {
        if (settings.validate) assertValid(agentRunSchema as RecordSchema<AgentRunV1>, run, `agent run ${JSON.stringify(run?.id)}`);
        else assertText(run?.id, 'agentRun.id');
        try {
          await runs.create({ data: toAgentRunRow(run) });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          throw storeError('STORE_CONFLICT', `agent run "${run.id}" already exists; create the new one with a fresh id.`, { id: run.id });
        }
      }),

    getRun: (id) =>
      guard('agents.getRun', async () => {
        if (typeof id !== 'string') return undefined;
        const row = await runs.findUnique({ where: { id } });
        return row === null ? undefined : fromAgentRunRow(row);
      }),

    updateRun: (id, patch, options) =>
      guard('agents.updateRun', async () => {
        const expected = expectedRevision(id, options);
        assertPatch(id, patch, settings.validate);
        assertText(id, 'id');
        const data = toAgentRunUpdate(patch, expected + 1);
        try {
          return fromAgentRunRow(await runs.update({ where: { id, revision: expected }, data }));
        } catch (error) {
          if (!isRecordNotFound(error)) throw error;
        }
        // Revisions only grow, so a run that exists now is at another revision than expected.
        const current = await runs.findUnique({ where: { id }, select: { revision: true, status: true } });
        if (current === null) throw storeError('NOT_FOUND', `agent run "${id}" does not exist.`, { id });
        throw storeError('STORE_CONFLICT', `agent run "${id}" is at revision ${current.revision}, not ${expected}; someone else changed it first — reload it.`, {
          id,
          expectedRevision: expected,
          actualRevision: current.revision,
          actualStatus: current.status,
        });
      }),

    listRuns: (query = {}) =>
      guard('agents.listRuns', async () => {
        if (typeof query !== 'object' || query === null) throw storeError('INVALID_INPUT', 'agents.listRuns expects a query object or nothing.', { query });
        assertKnownKeys(query, listKeys, 'agents.listRuns query');
        const limit = parseLimit(query.limit);
        const where = { AND: [listWhere(query), afterCursor(query.cursor)] };
        const rows = await runs.findMany({ where, orderBy: [...newestFirst], take: limit + 1 });
        return toPage(rows, limit, fromAgentRunRow);
      }),
  };
}
