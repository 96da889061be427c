import type { ProviderV1Request, ProviderV1Settings } from '@llm-actions/core';

/** A tool result as found in a recorded request body. */
export interface WireToolResult {
  /** The call id it answers, when the API carries one. */
  id?: string;
  /** The tool name, when the API carries one. */
  name?: string;
  /** The result text. */
  content: string;
}

/**
 * What the provider conformance suite must know about an API to check recorded
 * requests in the API's own field names: where model calls go, where each setting
 * lands, and how to read the system prompt, tools and tool results. Built in for
 * `ollama`, `openai` and `anthropic` (picked by `fake.api`); pass your own for other APIs.
 */
export interface ConformanceWire {
  /** Path of the model-call endpoint as the fake records it, e.g. `/api/chat`. */
  modelCallPath: string;
  /** A model the fake knows, used when the options name none. */
  defaultModel: string;
  /**
   * Where each setting lands in the request body, as dotted paths (alternatives allowed,
   * e.g. `max_completion_tokens` or `max_tokens`), or `null` when the API has no such
   * field: the provider must then return an `unsupported-setting` warning for it.
   */
  settings: Record<keyof Required<ProviderV1Settings>, string[] | null>;
  /** Further request features the API cannot honour, with the setting the warning must name. */
  unsupported: Array<{ setting: string; request: Partial<ProviderV1Request> }>;
  /** Which cache counters the API reports in its usage. */
  cacheTokens: { read: boolean; write: boolean };
  /** Error statuses besides 500 and 503 that mean "overloaded, retry" (Anthropic's 529). */
  extraRetryableStatuses: number[];
  /** The system prompt text of a request body ('' when none). */
  readSystem(body: unknown): string;
  /** Names of the tools offered in a request body. */
  readToolNames(body: unknown): string[];
  /** Tool results sent back in a request body. */
  readToolResults(body: unknown): WireToolResult[];
}

/** A tool the conformance cases offer. */
export const weatherTool = {
  name: 'get_weather',
  description: 'Get the current weather in a city',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
};

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const messagesOf = (body: unknown): Json[] => list((body as Json | undefined)?.messages);

/** Text of a content that is a string or a list of text parts. */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  return list(content)
    .map((part) => (typeof part.text === 'string' ? part.text : ''))
    .join('');
}

/** Ollama's native `/api/chat`: settings in `options`, tool results as `role: tool` with `tool_name`. */
export const ollamaWire: ConformanceWire = {
  modelCallPath: '/api/chat',
  defaultModel: 'llama3.2:3b',
  settings: {
    temperature: ['options.temperature'],
    maxOutputTokens: ['options.num_predict'],
    topP: ['options.top_p'],
    topK: ['options.top_k'],
    stop: ['options.stop'],
    seed: ['options.seed'],
  },
  unsupported: [{ setting: 'toolChoice', request: { tools: [weatherTool], toolChoice: 'required' } }],
  cacheTokens: { read: false, write: false },
  extraRetryableStatuses: [],
  readSystem: (body) => messagesOf(body).filter((message) => message.role === 'system').map((message) => textOf(message.content)).join('\n'),
  readToolNames: (body) => list((body as Json).tools).map((tool) => String((tool.function as Json | undefined)?.name)),
  readToolResults: (body) =>
    messagesOf(body)
      .filter((message) => message.role === 'tool')
      .map((message) => ({ id: message.tool_call_id as string | undefined, name: message.tool_name as string | undefined, content: textOf(message.content) })),
};

/** OpenAI Chat Completions: settings at the top level, no `top_k`, tool results as `role: tool`. */
export const openAIWire: ConformanceWire = {
  modelCallPath: '/v1/chat/completions',
  defaultModel: 'gpt-4o-mini',
  settings: {
    temperature: ['temperature'],
    maxOutputTokens: ['max_completion_tokens', 'max_tokens'],
    topP: ['top_p'],
    topK: null,
    stop: ['stop'],
    seed: ['seed'],
  },
  unsupported: [],
  cacheTokens: { read: true, write: false },
  extraRetryableStatuses: [],
  readSystem: (body) =>
    messagesOf(body)
      .filter((message) => message.role === 'system' || message.role === 'developer')
      .map((message) => textOf(message.content))
      .join('\n'),
  readToolNames: (body) => list((body as Json).tools).map((tool) => String((tool.function as Json | undefined)?.name ?? tool.name)),
  readToolResults: (body) =>
    messagesOf(body)
      .filter((message) => message.role === 'tool')
      .map((message) => ({ id: message.tool_call_id as string | undefined, content: textOf(message.content) })),
};

/** Anthropic Messages: `system` at the top, `stop_sequences`, no seed, results as `tool_result` blocks. */
export const anthropicWire: ConformanceWire = {
  modelCallPath: '/v1/messages',
  defaultModel: 'claude-haiku-4-5',
  settings: {
    temperature: ['temperature'],
    maxOutputTokens: ['max_tokens'],
    topP: ['top_p'],
    topK: ['top_k'],
    stop: ['stop_sequences'],
    seed: null,
  },
  unsupported: [],
  cacheTokens: { read: true, write: true },
  extraRetryableStatuses: [529],
  readSystem: (body) => textOf((body as Json).system),
  readToolNames: (body) => list((body as Json).tools).map((tool) => String(tool.name)),
  readToolResults: (body) =>
    messagesOf(body).flatMap((message) =>
      list(message.content)
        .filter((block) => block.type === 'tool_result')
        .map((block) => ({ id: block.tool_use_id as string | undefined, content: textOf(block.content) })),
    ),
};

/** The built-in wires, by `ProtocolFake.api`. */
export const conformanceWires: Record<string, ConformanceWire> = { ollama: ollamaWire, openai: openAIWire, anthropic: anthropicWire };
