import { cloneRecord } from './clone-record.js';
import {
  agentApprovalSchema,
  agentJournalAppendSchema,
  agentSnapshotSchema,
  agentStepSchema,
  type AgentApprovalV1,
  type AgentJournalEntryV1,
  type AgentRunV1,
  type AgentSnapshotV1,
  type AgentStepV1,
} from '@llm-actions/core';
import { assertText, assertValid, storeError } from './store-error.js';

/** Everything stored for one agent run. */
export interface AgentRunRecords {
  run: AgentRunV1;
  steps: Map<string, AgentStepV1>;
  journal: AgentJournalEntryV1[];
  snapshots: AgentSnapshotV1[];
  approvals: Map<string, AgentApprovalV1>;
}

function byTimeThenId<TRecord>(time: (record: TRecord) => string, id: (record: TRecord) => string) {
  return (left: TRecord, right: TRecord): number => {
    const [leftTime, rightTime] = [Date.parse(time(left)), Date.parse(time(right))];
    if (leftTime !== rightTime) return leftTime - rightTime;
    return id(left) < id(right) ? -1 : id(left) > id(right) ? 1 : 0;
  };
}

/**
 * The per-run records of the memory agent repository: steps, journal, snapshots and
 * approvals. Each method checks and writes synchronously, so appends and decisions are atomic.
 */
export function agentRunRecordMethods(settings: { validate: boolean }, find: (runId: unknown, what: string) => AgentRunRecords) {
  const check = (schema: Parameters<typeof assertValid>[0], value: unknown, what: string, id: unknown) => {
    if (settings.validate) assertValid(schema, value, what);
    else assertText(id, `${what} id`);
  };
  return {
    async putStep(step: AgentStepV1): Promise<void> {
      check(agentStepSchema, step, `agent step ${JSON.stringify(step?.id)}`, step?.id);
      const records = find(step.runId, 'step');
      const existing = records.steps.get(step.id);
      if (existing !== undefined && existing.index !== step.index) {
        throw storeError('INVALID_INPUT', `agent step "${step.id}" has index ${existing.index}; a step keeps its index when it is replaced.`, { id: step.id, index: step.index });
      }
      records.steps.set(step.id, cloneRecord(step));
    },

    async listSteps(runId: string): Promise<AgentStepV1[]> {
      const records = find(runId, 'steps');
      return cloneRecord([...records.steps.values()].sort((left, right) => left.index - right.index));
    },

    async appendJournal(entry: Omit<AgentJournalEntryV1, 'seq'>): Promise<AgentJournalEntryV1> {
      check(agentJournalAppendSchema, entry, 'agent journal entry', entry?.stepId);
      if ('seq' in (entry as object)) throw storeError('INVALID_INPUT', 'journal entries get their seq from the store; leave it out.', { runId: entry.runId });
      const records = find(entry.runId, 'journal entry');
      const stored = { ...cloneRecord(entry), seq: records.journal.length + 1 } as AgentJournalEntryV1;
      records.journal.push(stored);
      return cloneRecord(stored);
    },

    async listJournal(runId: string): Promise<AgentJournalEntryV1[]> {
      return cloneRecord(find(runId, 'journal').journal);
    },

    async createSnapshot(snapshot: AgentSnapshotV1): Promise<void> {
      check(agentSnapshotSchema, snapshot, `agent snapshot ${JSON.stringify(snapshot?.id)}`, snapshot?.id);
      const records = find(snapshot.runId, 'snapshot');
      if (records.snapshots.some((existing) => existing.id === snapshot.id)) {
        throw storeError('STORE_CONFLICT', `agent run "${snapshot.runId}" already has snapshot "${snapshot.id}".`, { runId: snapshot.runId, id: snapshot.id });
      }
      records.snapshots.push(cloneRecord(snapshot));
      records.snapshots.sort(byTimeThenId((item) => item.createdAt, (item) => item.id));
    },

    async listSnapshots(runId: string): Promise<AgentSnapshotV1[]> {
      return cloneRecord(find(runId, 'snapshots').snapshots);
    },

    async createApproval(approval: AgentApprovalV1): Promise<void> {
      check(agentApprovalSchema, approval, 'agent approval', approval?.stepId);
      const records = find(approval.runId, 'approval');
      const existing = records.approvals.get(approval.stepId);
      if (existing !== undefined) {
        throw storeError('STORE_CONFLICT', `step "${approval.stepId}" of agent run "${approval.runId}" was already ${existing.decision} by ${existing.by}; a decision cannot change.`, {
          runId: approval.runId,
          stepId: approval.stepId,
          decision: existing.decision,
          by: existing.by,
        });
      }
      records.approvals.set(approval.stepId, cloneRecord(approval));
    },

    async listApprovals(runId: string): Promise<AgentApprovalV1[]> {
      const approvals = [...find(runId, 'approvals').approvals.values()];
      return cloneRecord(approvals.sort(byTimeThenId((item) => item.at, (item) => item.stepId)));
    },
  };
}
