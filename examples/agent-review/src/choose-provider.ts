import type { ProviderV1 } from '@llm-actions/core';
import { createOllama } from '@llm-actions/provider-ollama';
import { createOpenAI } from '@llm-actions/provider-openai';
import { createOllamaFake } from '@llm-actions/testing';
import { scriptedReplies } from './script.js';

/** The provider the example uses, and how to describe it. */
export interface ProviderChoice {
  provider: ProviderV1;
  /** The model reference of the agent and the action. */
  model: string;
  description: string;
  /** Model calls made so far, when they can be counted (the fake's request log), else 0. */
  requests(): number;
  close(): Promise<void>;
}

/**
 * Ollama at OLLAMA_HOST when that is set (AGENT_REVIEW_MODEL picks the model, default
 * llama3.2:3b); OpenAI when OPENAI_API_KEY is set (OPENAI_BASE_URL for compatible servers);
 * otherwise a local Ollama protocol fake that answers the scripted tool calls: SIMULATED.
 */
export async function chooseProvider(): Promise<ProviderChoice> {
  const none = async () => undefined;
  let calls = 0;
  const counted = (provider: ProviderV1): ProviderV1 => ({
    ...provider,
    specificationVersion: 'v1',
    id: provider.id,
    doGenerate: (request) => {
      calls += 1;
      return provider.doGenerate(request);
    },
    ...(provider.doStream ? { doStream: (request) => ((calls += 1), provider.doStream!(request)) } : {}),
  });
  const requests = () => calls;
  const model = process.env.AGENT_REVIEW_MODEL || undefined;
  if (process.env.OLLAMA_HOST) {
    const id = model ?? 'llama3.2:3b';
    return { provider: counted(createOllama({ baseURL: process.env.OLLAMA_HOST })), model: `ollama/${id}`, description: `Ollama at ${process.env.OLLAMA_HOST}, model ${id}`, requests, close: none };
  }
  if (process.env.OPENAI_API_KEY) {
    const id = model ?? 'gpt-4o-mini';
    return { provider: counted(createOpenAI()), model: `openai/${id}`, description: `OpenAI (OPENAI_API_KEY is set), model ${id}`, requests, close: none };
  }
  const fake = await createOllamaFake();
  fake.enqueue(...scriptedReplies);
  return {
    provider: counted(createOllama({ baseURL: fake.baseURL })),
    model: 'ollama/llama3.2:3b',
    requests,
    description: `Ollama protocol fake at ${fake.baseURL} with scripted tool calls: the replies are SIMULATED. Set OLLAMA_HOST or OPENAI_API_KEY for a real model.`,
    close: () => fake.close(),
  };
}
