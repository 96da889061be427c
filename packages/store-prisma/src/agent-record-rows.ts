import type { AgentApprovalV1, AgentJournalEntryV1, AgentSnapshotV1, AgentStepV1 } from '@llm-actions/core';
import { DbNull } from '@prisma/client/runtime/client';
import type { LlmAgentApproval, LlmAgentJournalEntry, LlmAgentSnapshot, LlmAgentStep, Prisma } from './generated/sqlite/client.js';
import { compact, fromDate, toDate } from './values.js';

type JournalAppend = Omit<AgentJournalEntryV1, 'seq'>;

/**
 * The fields of `source` named in `keys` whose value is not undefined, as one JSON object. Payload
 * columns hold such objects, so a JSON null (a value) and an absent field stay distinct.
 */
function payload(source: object, keys: readonly string[]): Prisma.InputJsonObject {
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== undefined) result[key] = value;
  }
  return result as Prisma.InputJsonObject;
}

const stepPayload = ['input', 'preview', 'output'] as const;
const journalPayload = ['input', 'result', 'inverse'] as const;

/** Columns of an `llm_agent_steps` row: `input`, `preview` and `output` share `payload`. */
export function toStepRow(step: AgentStepV1): Prisma.LlmAgentStepUncheckedCreateInput {
  return {
    runId: step.runId,
    id: step.id,
    position: step.index,
    kind: step.kind,
    status: step.status,
    toolName: step.toolName ?? null,
    toolCallId: step.toolCallId ?? null,
    decision: step.decision ?? null,
    payload: payload(step, stepPayload),
    // DbNull rather than a missing key: a replaced step that lost its error must lose the column too.
    error: step.error === undefined ? DbNull : (step.error as Prisma.InputJsonObject),
    modelRunId: step.modelRunId ?? null,
    snapshotId: step.snapshotId ?? null,
    createdAt: toDate(step.createdAt, 'agentStep.createdAt'),
    updatedAt: toDate(step.updatedAt, 'agentStep.updatedAt'),
  };
}

/** The contract's step of an `llm_agent_steps` row. */
export function fromStepRow(row: LlmAgentStep): AgentStepV1 {
  const step = compact<AgentStepV1>({
    runId: row.runId,
    id: row.id,
    index: row.position,
    kind: row.kind as AgentStepV1['kind'],
    status: row.status as AgentStepV1['status'],
    toolName: row.toolName,
    toolCallId: row.toolCallId,
    decision: row.decision as AgentStepV1['decision'] | null,
    error: row.error as AgentStepV1['error'] | null,
    modelRunId: row.modelRunId,
    snapshotId: row.snapshotId,
    createdAt: fromDate(row.createdAt),
    updatedAt: fromDate(row.updatedAt),
  });
  // Payload values are copied as stored: a JSON null is a value, not an absent field.
  return { ...step, ...(row.payload as Pick<AgentStepV1, 'input' | 'preview' | 'output'>) };
}

/** Columns of an `llm_agent_journal` row: `input`, `result` and `inverse` share `payload`. */
export function toJournalRow(entry: JournalAppend, seq: number): Prisma.LlmAgentJournalEntryUncheckedCreateInput {
  return {
    runId: entry.runId,
    seq,
    kind: entry.kind,
    stepId: entry.stepId,
    snapshotId: entry.snapshotId ?? null,
    toolName: entry.toolName,
    mode: entry.mode,
    payload: payload(entry, journalPayload),
    undoes: entry.undoes ?? null,
    ...(entry.approval === undefined ? {} : { approval: entry.approval as Prisma.InputJsonObject }),
    causedBy: entry.by ?? null,
    occurredAt: toDate(entry.at, 'journalEntry.at'),
  };
}

/** The contract's journal entry of an `llm_agent_journal` row. */
export function fromJournalRow(row: LlmAgentJournalEntry): AgentJournalEntryV1 {
  const entry = compact<Omit<AgentJournalEntryV1, 'input'>>({
    runId: row.runId,
    seq: row.seq,
    kind: row.kind as AgentJournalEntryV1['kind'],
    stepId: row.stepId,
    snapshotId: row.snapshotId,
    toolName: row.toolName,
    mode: row.mode as AgentJournalEntryV1['mode'],
    undoes: row.undoes,
    approval: row.approval as AgentJournalEntryV1['approval'] | null,
    by: row.causedBy,
    at: fromDate(row.occurredAt),
  });
  return { ...entry, ...(row.payload as Pick<AgentJournalEntryV1, 'input' | 'result' | 'inverse'>) };
}

/** Columns of an `llm_agent_snapshots` row. */
export function toSnapshotRow(snapshot: AgentSnapshotV1): LlmAgentSnapshot {
  const { runId, id, label, stepId } = snapshot;
  return { runId, id, label, stepId, createdAt: toDate(snapshot.createdAt, 'snapshot.createdAt') };
}

/** The contract's snapshot of an `llm_agent_snapshots` row. */
export function fromSnapshotRow(row: LlmAgentSnapshot): AgentSnapshotV1 {
  return { runId: row.runId, id: row.id, label: row.label, stepId: row.stepId, createdAt: fromDate(row.createdAt) };
}

/** Columns of an `llm_agent_approvals` row. */
export function toApprovalRow(approval: AgentApprovalV1): LlmAgentApproval {
  return {
    runId: approval.runId,
    stepId: approval.stepId,
    decision: approval.decision,
    decidedBy: approval.by,
    note: approval.note ?? null,
    decidedAt: toDate(approval.at, 'approval.at'),
  };
}

/** The contract's approval of an `llm_agent_approvals` row. */
export function fromApprovalRow(row: LlmAgentApproval): AgentApprovalV1 {
  return compact<AgentApprovalV1>({
    runId: row.runId,
    stepId: row.stepId,
    decision: row.decision as AgentApprovalV1['decision'],
    by: row.decidedBy,
    note: row.note,
    at: fromDate(row.decidedAt),
  });
}
