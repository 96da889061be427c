import type { ActionRecord, Prompt, StoreV1 } from '@llm-actions/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeAgentConformance } from './agent-conformance.js';
import { describeBindingRepository } from './binding-conformance.js';
import { describeCapabilities, expectStoreShape } from './capability-conformance.js';
import { makeAction, makePrompt } from './fixtures.js';
import { describeProposalRepository } from './proposal-conformance.js';
import { describeRunList } from './run-list-conformance.js';
import { describeRunRecords } from './run-record-conformance.js';
import { describeRunUsage } from './run-usage-conformance.js';
import type { StoreConformanceContext } from './store-conformance-context.js';
import { describeVersionedRepository } from './versioned-conformance.js';
import { describeVariants } from './variant-conformance.js';

/** Options of {@link runStoreConformance}. */
export interface StoreConformanceOptions {
  /** Name shown in the suite title, e.g. `memory` or `prisma-sqlite`. */
  name: string;
  /**
   * Returns a new, empty store. Called before every test, and once while tests are
   * collected to read `capabilities` (unless given below), so anything it needs (a
   * database server) must be ready at import time, e.g. through top-level await or globalSetup.
   */
  createStore: () => Promise<StoreV1> | StoreV1;
  /**
   * Opens another instance on the same data as `store` (same file or database), as a
   * restarted or second process would, while `store` stays open. Needed by the `durable`
   * and `multi-process` tests when the store supports them.
   */
  reopen?: (store: StoreV1) => Promise<StoreV1>;
  /**
   * Tears down one instance after each test (for every instance from `createStore` and
   * `reopen`, newest first): close it and remove its data. Default: `store.close?.()`.
   */
  cleanup?: (store: StoreV1) => Promise<void> | void;
  /** The store's capabilities, to skip the probe store; checked against the real ones. */
  capabilities?: StoreV1['capabilities'];
}

async function tearDown(options: StoreConformanceOptions, store: StoreV1): Promise<void> {
  if (options.cleanup !== undefined) await options.cleanup(store);
  else await store.close?.();
}

async function readCapabilities(options: StoreConformanceOptions): Promise<StoreV1['capabilities']> {
  if (options.capabilities !== undefined) return options.capabilities;
  const probe = await options.createStore();
  try {
    return structuredClone(probe.capabilities);
  } finally {
    await tearDown(options, probe);
  }
}

/**
 * Registers the store contract v1 conformance suite with vitest: every store runs it, so
 * that all stores behave alike. Each test gets a fresh store from `createStore`. Tests of
 * capabilities the store does not support are registered as skipped, with the reason.
 *
 * @example
 * ```ts
 * import { runStoreConformance } from '@llm-actions/testing';
 * import { createMemoryStore } from '@llm-actions/store-memory';
 *
 * runStoreConformance({ name: 'memory', createStore: () => createMemoryStore() });
 * ```
 */
export function runStoreConformance(options: StoreConformanceOptions): void {
  describe(`store conformance: ${options.name}`, async () => {
    const capabilities = await readCapabilities(options);
    const instances: StoreV1[] = [];
    let current: StoreV1 | undefined;

    const context: StoreConformanceContext = {
      get store(): StoreV1 {
        if (current === undefined) throw new Error('[llm-actions/testing] the store is only available inside a test.');
        return current;
      },
      async reopen(): Promise<StoreV1> {
        if (options.reopen === undefined) {
          throw new Error(
            `[llm-actions/testing] store "${options.name}" declares a capability that needs a second instance; pass reopen(store) to runStoreConformance.`,
          );
        }
        const reopened = await options.reopen(context.store);
        if (reopened !== context.store) instances.push(reopened);
        return reopened;
      },
    };

    beforeEach(async () => {
      current = await options.createStore();
      instances.push(current);
    });

    afterEach(async () => {
      current = undefined;
      for (const store of instances.splice(0).reverse()) await tearDown(options, store);
    });

    it('declares specificationVersion v1, a name and every capability (with a reason when unsupported)', () => {
      expectStoreShape(context.store);
      expect(context.store.capabilities).toEqual(capabilities);
    });

    describeVersionedRepository<Prompt>(context, {
      name: 'prompts',
      repository: ({ store }) => store.prompts,
      make: (overrides) => makePrompt(overrides),
      mutate: (prompt) => {
        prompt.template = 'mutated';
      },
    });
    describeVersionedRepository<ActionRecord>(context, {
      name: 'actions',
      repository: ({ store }) => store.actions,
      make: (overrides) => makeAction(overrides),
      mutate: (action) => {
        action.sources.push('mutated');
        action.prompts.instructions = 'mutated';
      },
    });
    describeBindingRepository(context);
    describeRunRecords(context);
    describeRunList(context);
    describeRunUsage(context);
    describeVariants(context);
    describeProposalRepository(context);
    describeCapabilities(context, options.name, capabilities);
    describeAgentConformance(context, options.name, capabilities);
  });
}
