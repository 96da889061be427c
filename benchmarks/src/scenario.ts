import { createLlmActions, defineAction, type LlmActions, type ProviderV1, type ProviderV1Request, type ProviderV1StreamPart, type StoreV1 } from '@llm-actions/core';
import { createMemoryStore } from '@llm-actions/store-memory';

/**
 * The one prompt and reply every library gets in the overhead benchmarks: a system
 * message, an instruction with the record's text interpolated, and a fixed answer.
 */
export const scenario = {
  system: 'You write concise, factual summaries for an editorial team.',
  instruction: 'Summarize in two sentences:\n',
  input:
    'A review queue where editors approve AI drafts before they are published, with a diff of every change, a full history of runs and the exact prompt that produced each draft.',
  output: 'Editors approve AI drafts in a review queue before publishing. Every change shows as a diff, and every run is kept with its prompt.',
  /** Streamed replies arrive in pieces of this many characters. */
  chunkSize: 8,
} as const;

/** The user message all libraries send. */
export const userMessage = `${scenario.instruction}${scenario.input}`;

/** The reply split into streamed pieces. */
export const outputChunks: string[] = scenario.output.match(new RegExp(`.{1,${scenario.chunkSize}}`, 'gs')) ?? [];

/** The action our SDK runs: the same system prompt and instruction, as a template. */
export const summaryAction = defineAction({
  id: 'bench-summary',
  name: 'Benchmark summary',
  sources: ['idea_seed'],
  destination: 'summary',
  prompts: { system: scenario.system, instructions: `${scenario.instruction}{{ input }}` },
  model: 'bench/zero-latency',
});

/** A record to run the action on; `index` varies the id (and text) for batches. */
export function benchSubject(index = 0) {
  return { type: 'idea', id: String(index), fields: { idea_seed: index === 0 ? scenario.input : `${scenario.input} (#${index})` } };
}

/**
 * A provider with zero latency that answers `scenario.output`, building a fresh result per
 * call as a real adapter does, and nothing else: the floor our runner's overhead is measured
 * from. (`mockProvider` also deep-clones and records every request, which costs time itself.)
 */
export function zeroLatencyProvider(id = 'bench'): ProviderV1 & Required<Pick<ProviderV1, 'doStream'>> {
  const usage = () => ({ inputTokens: 42, outputTokens: 27 });
  return {
    specificationVersion: 'v1',
    id,
    async doGenerate(request) {
      return {
        text: scenario.output,
        toolCalls: [],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: usage(),
        warnings: [],
        response: { id: 'bench-response', modelId: request.model },
      };
    },
    async doStream() {
      async function* parts(): AsyncGenerator<ProviderV1StreamPart> {
        for (const delta of outputChunks) yield { type: 'text-delta', delta };
        yield { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: usage() };
      }
      return { stream: parts(), warnings: [] };
    },
  };
}

/** The request the runner sends for the scenario, for calling the provider directly. */
export function scenarioRequest(): ProviderV1Request {
  return {
    model: 'zero-latency',
    messages: [
      { role: 'system', content: scenario.system },
      { role: 'user', content: userMessage },
    ],
    settings: {},
    responseFormat: { type: 'text' },
    signal: new AbortController().signal,
  };
}

/** Our SDK as a user sets it up: memory store, default diagnostics, one provider. */
export function createBenchLlm(provider: ProviderV1 = zeroLatencyProvider(), store: StoreV1 = createMemoryStore()): LlmActions {
  return createLlmActions({ providers: [provider], store });
}
