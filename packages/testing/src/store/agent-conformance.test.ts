import { agentApprovalSchema, agentJournalAppendSchema, agentRunSchema, agentSnapshotSchema, agentStepSchema, skillRecordSchema, type StoreV1 } from '@llm-actions/core';
import { createMemoryStore } from '@llm-actions/store-memory';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeAgentConformance } from './agent-conformance.js';
import { makeAgentRun, makeAgentStep, makeApproval, makeFullAgentRun, makeJournalEntry, makeSkill, makeSnapshot } from './agent-fixtures.js';
import type { StoreConformanceContext } from './store-conformance-context.js';

// The durable and multi-process agent tests, on memory stores that pretend to be connections
// to one database: every "instance" is a view of one shared memory store.
const shared = new WeakMap<StoreV1, StoreV1>();
const capabilities = { durable: { supported: true }, 'multi-process': { supported: true }, agents: { supported: true } } as const;

function view(data: StoreV1): StoreV1 {
  const instance: StoreV1 = { ...data, capabilities };
  shared.set(instance, data);
  return instance;
}

describe('agent conformance: memory as a shared database', () => {
  let current: StoreV1 | undefined;
  const context: StoreConformanceContext = {
    get store() {
      return current as StoreV1;
    },
    reopen: async () => view(shared.get(current as StoreV1) as StoreV1),
  };
  beforeEach(() => {
    current = view(createMemoryStore());
  });
  describeAgentConformance(context, 'memory (shared)', capabilities);
});

describe('agent conformance fixtures', () => {
  it('are valid records of the core schemas', () => {
    const run = makeAgentRun();
    expect(agentRunSchema.safeParse(run).success).toBe(true);
    expect(agentRunSchema.safeParse(makeFullAgentRun()).success).toBe(true);
    expect(agentStepSchema.safeParse(makeAgentStep(run.id, 0)).success).toBe(true);
    expect(agentJournalAppendSchema.safeParse(makeJournalEntry(run.id, 'step-1')).success).toBe(true);
    expect(agentSnapshotSchema.safeParse(makeSnapshot(run.id)).success).toBe(true);
    expect(agentApprovalSchema.safeParse(makeApproval(run.id, 'step-1')).success).toBe(true);
    expect(skillRecordSchema.safeParse({ ...makeSkill(), version: 1 }).success).toBe(true);
  });
});
