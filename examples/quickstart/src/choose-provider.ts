import type { ProviderV1 } from '@llm-actions/core';
import { mockProvider } from '@llm-actions/core/testing';

/** The provider the quickstart uses, and how to describe it. */
export interface ProviderChoice {
  provider: ProviderV1;
  /** The model reference to run the action with. */
  model: string;
  description: string;
  close(): Promise<void>;
}

/** Picks the provider: a scripted mock until real provider packages are wired in. */
export async function chooseProvider(): Promise<ProviderChoice> {
  const reply =
    'A review queue shows every AI-generated field as a suggestion with a diff against the current text. ' +
    'Editors apply or reject each one with a single click, so nothing reaches a record unreviewed.';
  return {
    provider: mockProvider({ id: 'ollama', responses: [{ chunks: reply.match(/\S+\s*/g) ?? [reply] }] }),
    model: 'ollama/llama3.2:3b',
    description: 'mockProvider from @llm-actions/core/testing — SIMULATED replies, no model is called',
    close: async () => undefined,
  };
}
