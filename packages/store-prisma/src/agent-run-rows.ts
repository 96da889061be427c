import type { AgentRunPatchV1, AgentRunV1 } from '@llm-actions/core';
import { DbNull } from '@prisma/client/runtime/client';
import type { LlmAgentRun, Prisma } from './generated/sqlite/client.js';
import { compact, fromDate, toDate } from './values.js';

type AgentRunData = Prisma.LlmAgentRunUncheckedCreateInput;
type AgentRunUpdate = Prisma.LlmAgentRunUncheckedUpdateInput;

/** Columns of a new `llm_agent_runs` row; optional fields that are absent are NULL. */
export function toAgentRunRow(run: AgentRunV1): AgentRunData {
  return {
    id: run.id,
    agentId: run.agentId,
    goal: run.goal,
    status: run.status,
    revision: run.revision,
    state: run.state as Prisma.InputJsonObject,
    user: run.user ?? null,
    subjectType: run.subject?.type ?? null,
    subjectId: run.subject?.id ?? null,
    // Absent means NULL; Prisma wants no key rather than null for a JSON column.
    ...(run.reason === undefined ? {} : { reason: run.reason as unknown as Prisma.InputJsonObject }),
    createdAt: toDate(run.createdAt, 'agentRun.createdAt'),
    updatedAt: toDate(run.updatedAt, 'agentRun.updatedAt'),
  };
}

/** The contract's agent run of an `llm_agent_runs` row: NULL columns become absent fields. */
export function fromAgentRunRow(row: LlmAgentRun): AgentRunV1 {
  return compact<AgentRunV1>({
    id: row.id,
    agentId: row.agentId,
    goal: row.goal,
    status: row.status as AgentRunV1['status'],
    revision: row.revision,
    state: row.state as AgentRunV1['state'],
    user: row.user,
    subject: row.subjectType === null || row.subjectId === null ? undefined : { type: row.subjectType, id: row.subjectId },
    reason: row.reason as AgentRunV1['reason'] | null,
    createdAt: fromDate(row.createdAt),
    updatedAt: fromDate(row.updatedAt),
  });
}

/**
 * Column updates for a checked patch and the revision it moves to. A `reason` key given as
 * `undefined` clears the column; `updatedAt` changes only when the patch gives it, as in the
 * memory store (core always passes it).
 */
export function toAgentRunUpdate(patch: AgentRunPatchV1, revision: number): AgentRunUpdate {
  const data: AgentRunUpdate = { revision };
  if (patch.status !== undefined) data.status = patch.status;
  if (patch.state !== undefined) data.state = patch.state as Prisma.InputJsonObject;
  if (Object.prototype.hasOwnProperty.call(patch, 'reason')) data.reason = patch.reason === undefined ? DbNull : (patch.reason as unknown as Prisma.InputJsonObject);
  if (patch.updatedAt !== undefined) data.updatedAt = toDate(patch.updatedAt, 'patch.updatedAt');
  return data;
}
