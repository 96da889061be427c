import type { AgentJournalEntryV1 } from '@llm-actions/core';
import { expect } from 'vitest';
import { makeAgentRun, makeAgentStep, makeApproval, makeJournalEntry, makeSnapshot } from './agent-fixtures.js';
import { agentsOf, type AgentConformanceTest } from './agent-run-conformance.js';
import { expectStoreError, settleAll } from './expect-store-error.js';
import { at, unicodeText } from './fixtures.js';
import type { StoreConformanceContext } from './store-conformance-context.js';

async function createdRun(context: StoreConformanceContext): Promise<string> {
  const run = makeAgentRun();
  await agentsOf(context).createRun(run);
  return run.id;
}

/** Tests of the records that belong to an agent run: steps, journal, snapshots, approvals. */
export const agentRecordTests: AgentConformanceTest[] = [
  {
    title: 'putStep inserts and replaces steps; listSteps orders them by index; JSON payloads round-trip',
    async run(context) {
      const agents = agentsOf(context);
      const runId = await createdRun(context);
      const model = makeAgentStep(runId, 0, {
        kind: 'model',
        status: 'succeeded',
        toolName: undefined,
        toolCallId: undefined,
        input: { messagesDigest: 'a'.repeat(64), tools: ['fill_summary'] },
        output: { text: unicodeText, toolCalls: [{ id: 'call_1', name: 'fill_summary', input: { subjectId: 'p1' } }], finishReason: { unified: 'tool-calls' }, usage: { inputTokens: 5 } },
        modelRunId: 'run-1',
        snapshotId: 'snap-1',
      });
      delete model.toolName;
      delete model.toolCallId;
      const second = makeAgentStep(runId, 2);
      const first = makeAgentStep(runId, 1, { snapshotId: 'snap-1' });
      for (const step of [second, model, first]) await agents.putStep(step);
      expect(await agents.listSteps(runId)).toStrictEqual([model, first, second]);
      const decided = { ...first, status: 'awaiting-approval' as const, decision: 'approval' as const, preview: { diff: [{ op: 'insert', text: 'x' }], before: null }, updatedAt: at(7) };
      await agents.putStep(decided);
      const failed = { ...second, status: 'failed' as const, error: { code: 'TOOL_FAILED', message: 'disk full', details: { toolName: 'fill_summary' } } };
      await agents.putStep(failed);
      expect(await agents.listSteps(runId)).toStrictEqual([model, decided, failed]);
      expect(await agents.listSteps(await createdRun(context))).toEqual([]);
      await expectStoreError(() => agents.putStep(makeAgentStep('never-created', 0)), 'NOT_FOUND');
    },
  },
  {
    title: 'appendJournal assigns seq 1, 2, 3 per run, also to concurrent appends; entries round-trip in order',
    async run(context) {
      const agents = agentsOf(context);
      const runId = await createdRun(context);
      const otherId = await createdRun(context);
      const first = makeJournalEntry(runId, 'step-1');
      const appended = await agents.appendJournal(first);
      expect(appended).toStrictEqual({ ...first, seq: 1 });
      const read = makeJournalEntry(runId, 'step-2', { mode: 'read', inverse: undefined, approval: undefined, snapshotId: undefined, result: [{ id: 'p1' }] });
      for (const key of ['inverse', 'approval', 'snapshotId'] as const) delete read[key];
      const concurrent = await Promise.all(Array.from({ length: 8 }, (_, index) => agents.appendJournal({ ...read, stepId: `step-${index + 2}` })));
      expect(concurrent.map((entry) => entry.seq).sort((left, right) => left - right)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
      const undo = makeJournalEntry(runId, 'step-1', { kind: 'undo', undoes: 1, inverse: undefined, approval: undefined, result: { restored: 'summary' }, by: 'editor' });
      delete undo.inverse;
      delete undo.approval;
      expect((await agents.appendJournal(undo)).seq).toBe(10);
      expect((await agents.appendJournal(makeJournalEntry(otherId, 'step-1'))).seq).toBe(1);
      const journal = await agents.listJournal(runId);
      expect(journal.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(journal[0]).toStrictEqual(appended);
      expect(journal[9]).toStrictEqual({ ...undo, seq: 10 });
      const noInverse = { ...makeJournalEntry(runId, 'step-11'), inverse: null } satisfies Omit<AgentJournalEntryV1, 'seq'>;
      expect((await agents.appendJournal(noInverse)).inverse).toBeNull();
      await expectStoreError(() => agents.appendJournal(makeJournalEntry('never-created', 'step-1')), 'NOT_FOUND');
    },
  },
  {
    title: 'snapshots are listed by creation; a repeated id fails with STORE_CONFLICT',
    async run(context) {
      const agents = agentsOf(context);
      const runId = await createdRun(context);
      const later = makeSnapshot(runId, { id: 'snap-b', label: 'turn 2 🌊', createdAt: at(20) });
      const earlier = makeSnapshot(runId, { id: 'snap-a', createdAt: at(10) });
      await agents.createSnapshot(later);
      await agents.createSnapshot(earlier);
      expect(await agents.listSnapshots(runId)).toStrictEqual([earlier, later]);
      await expectStoreError(() => agents.createSnapshot({ ...earlier, label: 'again' }), 'STORE_CONFLICT');
      await expectStoreError(() => agents.createSnapshot(makeSnapshot('never-created')), 'NOT_FOUND');
    },
  },
  {
    title: 'one decision per step: a second fails with STORE_CONFLICT (details.decision); of a concurrent approve and reject one wins',
    async run(context) {
      const agents = agentsOf(context);
      const runId = await createdRun(context);
      const approval = makeApproval(runId, 'step-1');
      await agents.createApproval(approval);
      const error = await expectStoreError(() => agents.createApproval(makeApproval(runId, 'step-1', { decision: 'rejected', by: 'ben' })), 'STORE_CONFLICT');
      expect(error.details.decision).toBe('approved');
      const { values, errors } = await settleAll([
        agents.createApproval(makeApproval(runId, 'step-2', { at: at(4) })),
        agents.createApproval(makeApproval(runId, 'step-2', { decision: 'rejected', at: at(4) })),
      ]);
      expect(values).toHaveLength(1);
      expect(errors).toHaveLength(1);
      const rejected = makeApproval(runId, 'step-0', { decision: 'rejected', at: at(1) });
      delete rejected.note;
      await agents.createApproval(rejected);
      const listed = await agents.listApprovals(runId);
      expect(listed.map((item) => item.stepId)).toEqual(['step-0', 'step-1', 'step-2']);
      expect(listed[0]).toStrictEqual(rejected);
      expect(listed[1]).toStrictEqual(approval);
      await expectStoreError(() => agents.createApproval(makeApproval('never-created', 'step-1')), 'NOT_FOUND');
    },
  },
];
