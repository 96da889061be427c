import { actionSchema, promptSchema, skillRecordSchema, type ActionRecord, type Prompt, type SkillRecordV1, type StoreV1 } from '@llm-actions/core';
import { createAgentRepository } from './agent-repository.js';
import { createBindingRepository } from './binding-repository.js';
import { createProposalRepository } from './proposal-repository.js';
import { createRunRepository } from './run-repository.js';
import { createVersionedRepository } from './versioned-repository.js';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /**
   * Current time. The store reads it only to set a run's `updatedAt` when an update's
   * patch does not. Defaults to `() => new Date()`.
   */
  clock?: () => Date;
  /**
   * Check every record and patch against the core zod schemas before storing it, failing
   * with `INVALID_INPUT`. Defaults to `true`; turn it off only to bulk-load trusted data fast.
   */
  validate?: boolean;
}

/**
 * A store that keeps everything in this process's memory, for tests, scripts and prototypes.
 * Data is lost when the process ends, and separate instances share nothing.
 *
 * @example
 * ```ts
 * import { createMemoryStore } from '@llm-actions/store-memory';
 *
 * const store = createMemoryStore();
 * const prompt = await store.prompts.create({ id: 'tone', template: 'Be brief.', createdAt: new Date().toISOString() });
 * await store.prompts.setLabel('tone', 'production', prompt.version, { at: new Date().toISOString() });
 * ```
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): StoreV1 {
  const validate = options.validate ?? true;
  const now = options.clock ?? (() => new Date());
  return {
    specificationVersion: 'v1',
    name: 'memory',
    capabilities: {
      durable: { supported: false, reason: 'the memory store keeps data in process memory; it is gone when the process ends' },
      'multi-process': { supported: false, reason: 'the memory store lives inside one process; other processes cannot see it' },
      agents: { supported: true },
    },
    prompts: createVersionedRepository<Prompt>({ kind: 'prompt', schema: validate ? promptSchema : null }),
    actions: createVersionedRepository<ActionRecord>({ kind: 'action', schema: validate ? actionSchema : null }),
    bindings: createBindingRepository({ validate }),
    runs: createRunRepository({ validate, now }),
    proposals: createProposalRepository({ validate }),
    agents: createAgentRepository({ validate }),
    skills: createVersionedRepository<SkillRecordV1>({ kind: 'skill', schema: validate ? skillRecordSchema : null }),
    async close() {
      // Nothing to release: the data goes away with the last reference to the store.
    },
  };
}
