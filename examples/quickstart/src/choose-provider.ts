import type { ProviderV1 } from '@llm-actions/core';
import { createAnthropic } from '@llm-actions/provider-anthropic';
import { createOllama } from '@llm-actions/provider-ollama';
import { createOpenAI } from '@llm-actions/provider-openai';
import { createOllamaFake } from '@llm-actions/testing';

/** The provider the quickstart uses, and how to describe it. */
export interface ProviderChoice {
  provider: ProviderV1;
  /** The model reference to run the action with. */
  model: string;
  /** One line for the output: which model answers, and whether replies are simulated. */
  description: string;
  close(): Promise<void>;
}

const simulatedSummary =
  'A review queue shows every AI-generated field as a suggestion with a diff against the current text. ' +
  'Editors apply or reject each one with a single click, so nothing reaches a record unreviewed.';

/** The models an Ollama server has, or undefined when nothing answers quickly. */
async function ollamaModels(host: string): Promise<string[] | undefined> {
  try {
    const models = await createOllama({ baseURL: host }).listModels!({ signal: AbortSignal.timeout(1_500) });
    return models.map((model) => model.id);
  } catch {
    return undefined;
  }
}

/**
 * Picks the provider, in this order: Ollama at OLLAMA_HOST (default
 * http://127.0.0.1:11434) when it answers and has a model; OpenAI when OPENAI_API_KEY is
 * set; Anthropic when ANTHROPIC_API_KEY is set; otherwise a local Ollama protocol fake,
 * whose replies are simulated.
 */
export async function chooseProvider(): Promise<ProviderChoice> {
  const host = process.env.OLLAMA_HOST || 'http://127.0.0.1:11434';
  const models = await ollamaModels(host);
  const none = async () => undefined;
  if (models && models.length > 0) {
    const model = models.includes('llama3.2:3b') ? 'llama3.2:3b' : models[0]!;
    return { provider: createOllama({ baseURL: host }), model: `ollama/${model}`, description: `Ollama at ${host}, model ${model}`, close: none };
  }
  if (process.env.OPENAI_API_KEY) {
    return { provider: createOpenAI(), model: 'openai/gpt-4o-mini', description: 'OpenAI (OPENAI_API_KEY is set), model gpt-4o-mini', close: none };
  }
  if (process.env.ANTHROPIC_API_KEY) {
    return {
      provider: createAnthropic(),
      model: 'anthropic/claude-haiku-4-5',
      description: 'Anthropic (ANTHROPIC_API_KEY is set), model claude-haiku-4-5',
      close: none,
    };
  }
  const fake = await createOllamaFake();
  fake.setDefaultReply({ chunks: simulatedSummary.match(/\S+\s*/g) ?? [simulatedSummary], chunkDelayMs: 5 });
  return {
    provider: createOllama({ baseURL: fake.baseURL }),
    model: 'ollama/llama3.2:3b',
    description:
      `Ollama protocol fake at ${fake.baseURL}: the replies are SIMULATED. ` +
      `No Ollama answered at ${host} and neither OPENAI_API_KEY nor ANTHROPIC_API_KEY is set.`,
    close: () => fake.close(),
  };
}
