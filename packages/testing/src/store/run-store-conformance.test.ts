import { actionSchema, bindingSchema, promptSchema, proposalSchema, runSchema, type StoreV1 } from '@llm-actions/core';
import { createMemoryStore } from '@llm-actions/store-memory';
import { describe, expect, it } from 'vitest';
import { makeAction, makeBinding, makeFullRun, makeLargeEvents, makePrompt, makeProposal, makeRun } from './fixtures.js';
import { runStoreConformance } from './index.js';

// The memory store's capability tests are skipped, so this suite also runs against memory
// stores that pretend to be durable and multi-process: every "instance" is a view of one
// shared memory store, as connections to one database would be.
const shared = new WeakMap<StoreV1, StoreV1>();

function view(data: StoreV1): StoreV1 {
  const instance: StoreV1 = { ...data, capabilities: { durable: { supported: true }, 'multi-process': { supported: true } } };
  shared.set(instance, data);
  return instance;
}

runStoreConformance({
  name: 'memory as a shared database',
  createStore: () => view(createMemoryStore()),
  reopen: async (store) => view(shared.get(store) as StoreV1),
  capabilities: { durable: { supported: true }, 'multi-process': { supported: true } },
});

describe('store conformance fixtures', () => {
  it('are valid records of the core schemas, so stores that validate accept them', () => {
    expect(runSchema.safeParse(makeRun()).success).toBe(true);
    expect(runSchema.safeParse(makeFullRun()).success).toBe(true);
    expect(runSchema.safeParse({ ...makeFullRun(), events: makeLargeEvents('run-large') }).success).toBe(true);
    expect(promptSchema.safeParse({ ...makePrompt(), version: 1 }).success).toBe(true);
    expect(actionSchema.safeParse({ ...makeAction(), version: 1 }).success).toBe(true);
    expect(bindingSchema.safeParse(makeBinding()).success).toBe(true);
    expect(proposalSchema.safeParse(makeProposal()).success).toBe(true);
  });

  it('use no lone surrogates or NUL characters, which some databases refuse', () => {
    const text = JSON.stringify([makeFullRun(), makeLargeEvents('run-large'), makeProposal()]);
    // JSON.stringify escapes exactly the lone surrogates as \udXXX.
    expect(text).not.toMatch(/\\u[dD][89a-fA-F][0-9a-fA-F]{2}/);
    expect(text).not.toContain('\\u0000');
  });
});
