import type { Run, StoreV1, StoreV1Capability } from '@llm-actions/core';
import { expect, it } from 'vitest';
import { settleAll } from './expect-store-error.js';
import { at, makeAction, makeBinding, makeFullRun, makePrompt, makeProposal, makeRun } from './fixtures.js';
import type { StoreConformanceContext } from './store-conformance-context.js';

/** One test that only stores with a capability run. */
interface CapabilityTest {
  title: string;
  run(context: StoreConformanceContext): Promise<void>;
}

async function survivesReopening(context: StoreConformanceContext): Promise<void> {
  const { store } = context;
  const prompt = await store.prompts.create(makePrompt());
  await store.prompts.setLabel(prompt.id, 'production', 1, { by: 'ana', at: at(5) });
  const action = await store.actions.create(makeAction());
  const binding = await store.bindings.create(makeBinding());
  const run = makeFullRun();
  await store.runs.create(run);
  const proposal = makeProposal({ runId: run.id });
  await store.proposals.create(proposal);

  const reopened = await context.reopen();
  expect(await reopened.prompts.get(prompt.id, { label: 'production' })).toEqual(prompt);
  expect(await reopened.prompts.labelHistory(prompt.id)).toEqual([{ label: 'production', to: 1, by: 'ana', at: at(5) }]);
  expect(await reopened.actions.get(action.id)).toEqual(action);
  expect(await reopened.bindings.get(binding.subjectType, binding.field)).toEqual(binding);
  expect(await reopened.runs.get(run.id)).toStrictEqual(run);
  expect((await reopened.runs.list()).items.map((item) => item.id)).toEqual([run.id]);
  expect(await reopened.proposals.get(proposal.id)).toEqual(proposal);
}

async function compareAndSetAcrossInstances(context: StoreConformanceContext): Promise<void> {
  const { store } = context;
  const other = await context.reopen();
  for (let round = 0; round < 5; round += 1) {
    const run = makeRun();
    await store.runs.create(run);
    const { values, errors } = await settleAll<Run>([
      store.runs.update(run.id, { status: 'succeeded' }, { expectedStatus: 'running' }),
      other.runs.update(run.id, { status: 'failed' }, { expectedStatus: 'running' }),
    ]);
    expect(values).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect((await other.runs.get(run.id))?.status).toBe(values[0]?.status);
  }
}

async function versionsAcrossInstances(context: StoreConformanceContext): Promise<void> {
  const { store } = context;
  const other = await context.reopen();
  const created = await Promise.all(
    Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? store : other).prompts.create(makePrompt({ createdAt: at(index) }))),
  );
  const numbers = created.map((prompt) => prompt.version).sort((left, right) => left - right);
  expect(numbers).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
}

/** The tests of each optional capability (`agents` has its own suite: agent-conformance.ts). */
export const capabilityTests: Record<Exclude<StoreV1Capability, 'agents'>, CapabilityTest[]> = {
  durable: [{ title: 'data survives reopening', run: survivesReopening }],
  'multi-process': [
    { title: 'compare-and-set holds across two instances on the same data', run: compareAndSetAcrossInstances },
    { title: 'concurrent creates on two instances get distinct, consecutive versions', run: versionsAcrossInstances },
  ],
};

/**
 * Registers each capability's tests: run when the store supports it, otherwise registered as
 * skipped with the store's reason in the title, and the reason printed once.
 */
export function describeCapabilities(
  context: StoreConformanceContext,
  storeName: string,
  capabilities: StoreV1['capabilities'],
): void {
  for (const capability of Object.keys(capabilityTests) as Array<keyof typeof capabilityTests>) {
    const status = capabilities[capability];
    const tests = capabilityTests[capability];
    if (status?.supported === true) {
      for (const test of tests) it(`${capability}: ${test.title}`, () => test.run(context));
      continue;
    }
    const reason = status?.supported === false ? status.reason : 'the store does not declare this capability';
    console.info(`[llm-actions/testing] ${storeName}: skipping the "${capability}" tests — ${reason}`);
    for (const test of tests) it.skip(`${capability}: ${test.title} — skipped: ${reason}`, () => test.run(context));
  }
}

/** Asserts that a store declares the contract version, a name and every capability. */
export function expectStoreShape(store: StoreV1): void {
  expect(store.specificationVersion).toBe('v1');
  expect(typeof store.name === 'string' && store.name.length > 0).toBe(true);
  for (const capability of Object.keys(capabilityTests) as Array<keyof typeof capabilityTests>) {
    const status = store.capabilities[capability];
    expect(typeof status?.supported, `capability ${capability} must be declared`).toBe('boolean');
    if (status?.supported === false) expect(status.reason.length, `capability ${capability} needs a reason`).toBeGreaterThan(0);
  }
}
