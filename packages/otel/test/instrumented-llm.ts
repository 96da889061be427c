import { createLlmActions, defineAction, type LlmActionsError } from '@llm-actions/core';
import { mockProvider, type MockProviderOptions } from '@llm-actions/core/testing';
import { createMemoryStore } from '@llm-actions/store-memory';
import { instrumentLlmActions, type InstrumentLlmActionsOptions } from '../src/index.js';
import type { Tracing } from './tracing.js';

const summarize = defineAction({
  id: 'summarize', name: 'Summarize', sources: ['idea_seed'], destination: 'summary',
  prompts: { system: 'Write plainly.', instructions: 'Summarize: {{ input }}' }, model: 'mock/mock-model',
});
const titled = defineAction({
  id: 'title', name: 'Title', sources: ['idea_seed'], destination: 'title', prompts: { instructions: 'Title for {{ input }} as JSON' },
  model: 'mock/mock-model', output: { format: 'json', schema: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] } },
});

/** The subject every scenario runs on. */
export const idea = { type: 'idea', id: '42', fields: { idea_seed: 'A review queue for AI drafts' } };

/** An `LlmActions` instance on `mockProvider` and the memory store, with the bridge installed. */
export async function instrumented(tracing: Tracing | undefined, responses: MockProviderOptions['responses'], options: InstrumentLlmActionsOptions = {}) {
  const llm = createLlmActions({
    providers: [mockProvider({ responses })], store: createMemoryStore(), apply: () => undefined,
    retry: { initialDelayMs: 10, maxDelayMs: 10, factor: 1 }, prices: { 'mock/*': { input: 1, output: 2 } },
  });
  await llm.actions.save(summarize);
  await llm.actions.save(titled);
  const uninstrument = instrumentLlmActions(llm, { ...(tracing ? { tracer: tracing.tracer } : {}), ...options });
  return { llm, uninstrument };
}

/** The error a promise rejects with, or undefined. */
export const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as LlmActionsError);
