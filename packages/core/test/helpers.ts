import { createMemoryStore } from '@llm-actions/store-memory';
import { afterEach } from 'vitest';
import { LlmActionsError, createLlmActions, defineAction, type LlmActionsOptions, type StoreV1, type Subject } from '../src/index.js';
import { mockProvider, type MockProviderOptions } from '../src/testing/index.js';

/** The seeds' first flow: a summary generated from an idea. */
export const summarize = defineAction({
  id: 'summarize-idea',
  name: 'Generate Summary from idea_seed',
  sources: ['idea_seed'],
  destination: 'summary',
  prompts: {
    system: 'You write short, plain summaries.',
    instructions: 'Summarize this idea in one sentence:\n{{ input }}',
  },
  model: 'mock/small',
  settings: { temperature: 0.2 },
});

export const idea: Subject = { type: 'idea', id: 'idea-1', fields: { idea_seed: 'A CMS that drafts summaries for editors.', summary: 'Old summary' } };

/**
 * The store the runner tests use: memory by default; SQLite through store-prisma when
 * LLM_ACTIONS_TEST_STORE=sqlite (the `core-on-sqlite` vitest project runs them so).
 */
async function createTestStore(): Promise<StoreV1> {
  if (process.env.LLM_ACTIONS_TEST_STORE !== 'sqlite') return createMemoryStore();
  const { createSqliteStore } = await import('@llm-actions/store-prisma');
  const store = await createSqliteStore({ file: ':memory:' });
  openStores.push(store);
  return store;
}

const openStores: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(openStores.splice(0).map((store) => store.close()));
});

/** An instance over a fresh store and a scripted provider, with fast retries. */
export async function setup(providerOptions: MockProviderOptions = {}, options: Partial<LlmActionsOptions> = {}) {
  const provider = mockProvider(providerOptions);
  const store = await createTestStore();
  const llm = createLlmActions({
    providers: [provider],
    store,
    retry: { maxRetries: 2, initialDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
  return { llm, provider, store };
}

/** The LlmActionsError a promise rejects with; fails the test if it resolves or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<LlmActionsError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!LlmActionsError.isInstance(error)) throw new Error(`expected an LlmActionsError, got ${String(error)}`);
  return error;
}
