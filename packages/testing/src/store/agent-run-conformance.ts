import type { AgentRepositoryV1, AgentRunV1 } from '@llm-actions/core';
import { expect } from 'vitest';
import { makeAgentRun, makeFullAgentRun } from './agent-fixtures.js';
import { expectStoreError, settleAll } from './expect-store-error.js';
import { at } from './fixtures.js';
import type { StoreConformanceContext } from './store-conformance-context.js';

/** One agent test: a title and its body. */
export interface AgentConformanceTest {
  title: string;
  run(context: StoreConformanceContext): Promise<void>;
}

/** The store's agent repository (the suite only runs when `agents` is supported). */
export function agentsOf(context: StoreConformanceContext): AgentRepositoryV1 {
  const agents = context.store.agents;
  expect(agents, 'a store that supports "agents" must have store.agents').toBeDefined();
  return agents as AgentRepositoryV1;
}

const ids = (runs: AgentRunV1[]) => runs.map((run) => run.id);

/** Tests of agent run records: round trips, compare-and-set on revision, listing. */
export const agentRunTests: AgentConformanceTest[] = [
  {
    title: 'createRun and getRun round-trip every field (JSON state, unicode); an existing id fails with STORE_CONFLICT',
    async run(context) {
      const agents = agentsOf(context);
      const run = makeFullAgentRun();
      await agents.createRun(run);
      expect(await agents.getRun(run.id)).toStrictEqual(run);
      expect(await agents.getRun('never-created')).toBeUndefined();
      await expectStoreError(() => agents.createRun(makeAgentRun({ id: run.id })), 'STORE_CONFLICT');
      const copy = (await agents.getRun(run.id)) as AgentRunV1;
      (copy.state.messages as unknown[]).length = 0;
      expect(await agents.getRun(run.id)).toStrictEqual(run);
    },
  },
  {
    title: 'updateRun is compare-and-set on revision: it adds 1, a stale revision fails with STORE_CONFLICT and details',
    async run(context) {
      const agents = agentsOf(context);
      const run = makeAgentRun();
      await agents.createRun(run);
      const state = { schemaVersion: 1, step: 2, list: ['a', { b: null }] };
      const updated = await agents.updateRun(run.id, { status: 'awaiting-approval', state, updatedAt: at(5) }, { expectedRevision: 1 });
      expect(updated).toStrictEqual({ ...run, status: 'awaiting-approval', state, revision: 2, updatedAt: at(5) });
      expect(await agents.getRun(run.id)).toStrictEqual(updated);
      const error = await expectStoreError(() => agents.updateRun(run.id, { status: 'running' }, { expectedRevision: 1 }), 'STORE_CONFLICT');
      expect(error.details).toMatchObject({ expectedRevision: 1, actualRevision: 2, actualStatus: 'awaiting-approval' });
      expect(await agents.getRun(run.id)).toStrictEqual(updated);
      await expectStoreError(() => agents.updateRun('never-created', { status: 'running' }, { expectedRevision: 1 }), 'NOT_FOUND');
    },
  },
  {
    title: 'updateRun sets and removes reason (a key given as undefined removes it) and keeps fields it is not given',
    async run(context) {
      const agents = agentsOf(context);
      const run = makeFullAgentRun({ status: 'failed' });
      await agents.createRun(run);
      const cleared = await agents.updateRun(run.id, { status: 'running', reason: undefined, updatedAt: at(9) }, { expectedRevision: 1 });
      expect(cleared).not.toHaveProperty('reason');
      expect(cleared).toMatchObject({ user: run.user, subject: run.subject, goal: run.goal, state: run.state, createdAt: run.createdAt });
      const reason = { code: 'AGENT_BUDGET_EXHAUSTED', message: 'steps', details: { budget: 'steps', used: 3, limit: 3 } };
      expect((await agents.updateRun(run.id, { status: 'budget-exhausted', reason }, { expectedRevision: 2 })).reason).toStrictEqual(reason);
    },
  },
  {
    title: 'of concurrent updateRun calls at one revision exactly one wins (two resumes of one run)',
    async run(context) {
      const agents = agentsOf(context);
      for (let round = 0; round < 5; round += 1) {
        const run = makeAgentRun({ status: 'awaiting-approval' });
        await agents.createRun(run);
        const { values, errors } = await settleAll([
          agents.updateRun(run.id, { status: 'running', updatedAt: at(1) }, { expectedRevision: 1 }),
          agents.updateRun(run.id, { status: 'running', updatedAt: at(2) }, { expectedRevision: 1 }),
        ]);
        expect(values).toHaveLength(1);
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({ code: 'STORE_CONFLICT' });
        expect(await agents.getRun(run.id)).toMatchObject({ revision: 2, updatedAt: values[0]!.updatedAt });
      }
    },
  },
  {
    title: 'listRuns is newest first, filters by agent, status and user, and pages',
    async run(context) {
      const agents = agentsOf(context);
      const fixtures = [
        makeAgentRun({ id: 'a1', agentId: 'filler', status: 'succeeded', user: 'ana', createdAt: at(10) }),
        makeAgentRun({ id: 'a2', agentId: 'filler', status: 'awaiting-approval', user: 'ben', createdAt: at(20) }),
        makeAgentRun({ id: 'a3', agentId: 'tagger', status: 'awaiting-approval', user: 'ana', createdAt: at(30) }),
        makeAgentRun({ id: 'a4', agentId: 'tagger', status: 'failed', createdAt: at(30) }),
      ];
      for (const run of fixtures) await agents.createRun(run);
      const cases: Array<[Parameters<AgentRepositoryV1['listRuns']>[0], string[]]> = [
        [{}, ['a4', 'a3', 'a2', 'a1']],
        [{ agentId: 'filler' }, ['a2', 'a1']],
        [{ status: 'awaiting-approval' }, ['a3', 'a2']],
        [{ status: ['failed', 'succeeded'] }, ['a4', 'a1']],
        [{ user: 'ana' }, ['a3', 'a1']],
        [{ agentId: 'tagger', user: 'ana' }, ['a3']],
        [{ agentId: 'none' }, []],
      ];
      for (const [query, expected] of cases) expect(ids((await agents.listRuns(query)).items), JSON.stringify(query)).toEqual(expected);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await agents.listRuns({ limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...ids(page.items));
        cursor = page.nextCursor;
        expect(seen.length, 'pagination does not end').toBeLessThanOrEqual(10);
      } while (cursor !== undefined);
      expect(seen).toEqual(['a4', 'a3', 'a2', 'a1']);
      await expectStoreError(() => agents.listRuns({ limit: 0 }), 'INVALID_INPUT');
    },
  },
];
