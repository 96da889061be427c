import type { StoreV1 } from '@llm-actions/core';
import { expect, it } from 'vitest';
import { makeAgentRun, makeAgentStep, makeApproval, makeJournalEntry, makeSkill, makeSnapshot } from './agent-fixtures.js';
import { agentRecordTests } from './agent-record-conformance.js';
import { agentRunTests, agentsOf, type AgentConformanceTest } from './agent-run-conformance.js';
import { settleAll } from './expect-store-error.js';
import { skillsSubject, skillTests } from './skill-conformance.js';
import type { StoreConformanceContext } from './store-conformance-context.js';
import { describeVersionedRepository } from './versioned-conformance.js';

const durableTests: AgentConformanceTest[] = [
  {
    title: 'durable: agent runs, their records and skills survive reopening',
    async run(context) {
      const agents = agentsOf(context);
      const run = makeAgentRun();
      await agents.createRun(run);
      const step = makeAgentStep(run.id, 0);
      await agents.putStep(step);
      const entry = await agents.appendJournal(makeJournalEntry(run.id, step.id));
      const snapshot = makeSnapshot(run.id);
      await agents.createSnapshot(snapshot);
      const approval = makeApproval(run.id, step.id);
      await agents.createApproval(approval);
      const skill = await context.store.skills!.create(makeSkill());
      const reopened = await context.reopen();
      expect(await reopened.agents!.getRun(run.id)).toStrictEqual(run);
      expect(await reopened.agents!.listSteps(run.id)).toStrictEqual([step]);
      expect(await reopened.agents!.listJournal(run.id)).toStrictEqual([entry]);
      expect(await reopened.agents!.listSnapshots(run.id)).toStrictEqual([snapshot]);
      expect(await reopened.agents!.listApprovals(run.id)).toStrictEqual([approval]);
      expect(await reopened.skills!.get(skill.id)).toStrictEqual(skill);
    },
  },
];

const multiProcessTests: AgentConformanceTest[] = [
  {
    title: 'multi-process: compare-and-set on revision and journal numbering hold across two instances',
    async run(context) {
      const agents = agentsOf(context);
      const other = (await context.reopen()).agents!;
      const run = makeAgentRun({ status: 'awaiting-approval' });
      await agents.createRun(run);
      const claims = await settleAll([agents.updateRun(run.id, { status: 'running' }, { expectedRevision: 1 }), other.updateRun(run.id, { status: 'running' }, { expectedRevision: 1 })]);
      expect(claims.values).toHaveLength(1);
      const appended = await Promise.all(Array.from({ length: 6 }, (_, index) => (index % 2 === 0 ? agents : other).appendJournal(makeJournalEntry(run.id, `step-${index}`))));
      expect(appended.map((entry) => entry.seq).sort((left, right) => left - right)).toEqual([1, 2, 3, 4, 5, 6]);
    },
  },
];

/**
 * Registers the agent and skill tests: run when the store supports `agents`, otherwise
 * registered as skipped with the store's reason, printed once. Durable and multi-process
 * agent tests also need those capabilities.
 */
export function describeAgentConformance(context: StoreConformanceContext, storeName: string, capabilities: StoreV1['capabilities']): void {
  const status = capabilities.agents;
  const tests = [...agentRunTests, ...agentRecordTests, ...skillTests];
  if (status?.supported !== true) {
    const reason = status?.supported === false ? status.reason : 'the store does not declare the "agents" capability';
    console.info(`[llm-actions/testing] ${storeName}: skipping the "agents" tests — ${reason}`);
    for (const test of [...tests, ...durableTests, ...multiProcessTests]) it.skip(`agents: ${test.title} — skipped: ${reason}`, () => test.run(context));
    it.skip(`agents: skills pass the versioned repository tests — skipped: ${reason}`, () => undefined);
    return;
  }
  it('agents: a store that supports agents has store.agents and store.skills', () => {
    expect(typeof context.store.agents?.createRun).toBe('function');
    expect(typeof context.store.skills?.create).toBe('function');
  });
  for (const test of tests) it(`agents: ${test.title}`, () => test.run(context));
  describeVersionedRepository(context, skillsSubject);
  for (const [capability, list] of [['durable', durableTests], ['multi-process', multiProcessTests]] as const) {
    const supported = capabilities[capability]?.supported === true;
    for (const test of list) (supported ? it : it.skip)(`agents: ${test.title}${supported ? '' : ' — skipped: the store does not support it'}`, () => test.run(context));
  }
}
