import type { ProviderV1 } from '../contracts/provider/v1/provider-v1.js';
import type { ProviderV1Request } from '../contracts/provider/v1/provider-v1-request.js';
import type { ProviderV1Result } from '../contracts/provider/v1/provider-v1-result.js';
import type { ProviderV1StreamPart } from '../contracts/provider/v1/provider-v1-stream-part.js';
import type { ProviderV1ToolCall } from '../contracts/provider/v1/provider-v1-tool.js';
import type { ProviderV1Usage } from '../contracts/provider/v1/provider-v1-usage.js';
import { ProviderError, type ProviderErrorKind } from '../errors/provider-error.js';
import { sleep } from '../runtime/abort.js';
import { retryAfterFromHeaders } from '../runtime/retry-after.js';

/** One scripted reply of a {@link mockProvider}. A plain string is a text reply. */
export type MockResponse =
  | string
  | {
      text?: string;
      /** Streamed in these pieces (their concatenation is the text). */
      chunks?: string[];
      toolCalls?: ProviderV1ToolCall[];
      usage?: ProviderV1Usage;
      finishReason?: 'stop' | 'length' | 'tool-calls' | 'content-filter';
      /** Wait before replying, in ms (abortable). */
      delayMs?: number;
      /** Wait between streamed chunks, in ms. */
      chunkDelayMs?: number;
      /** Streams only: fail after this many chunks were emitted. */
      failAfterChunks?: number;
    }
  | {
      /** Fail like an HTTP API would: retryable from the status, Retry-After read from headers. */
      error: { status?: number; kind?: ProviderErrorKind; message?: string; headers?: Record<string, string>; retryable?: boolean };
      delayMs?: number;
    };

/** Options of {@link mockProvider}. */
export interface MockProviderOptions {
  /** Provider id used in model references. Default `mock`. */
  id?: string;
  /** Replies used in order; a function decides per request. */
  responses?: MockResponse[] | ((request: ProviderV1Request, index: number) => MockResponse);
  /** Reply once the scripted ones are used up. Default: echo of the last user message. */
  fallback?: MockResponse;
  /** Models `listModels` reports. */
  models?: string[];
  /** Offer `doStream`. Default true. */
  streaming?: boolean;
}

/** A provider for tests and demos, with the requests it received. */
export interface MockProvider extends ProviderV1 {
  /** Requests received, in order, without their signals. */
  readonly requests: Array<Omit<ProviderV1Request, 'signal'>>;
}

type MockReply = Exclude<MockResponse, string | { error: unknown }>;

function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/**
 * A scripted provider that speaks contract v1: text, streamed chunks, tool calls,
 * delays and HTTP-like errors (with status and headers). No network involved.
 *
 * @example
 * ```ts
 * const provider = mockProvider({ responses: ['A short summary.', { error: { status: 429, headers: { 'retry-after': '1' } } }] });
 * ```
 */
export function mockProvider(options: MockProviderOptions = {}): MockProvider {
  const id = options.id ?? 'mock';
  const requests: MockProvider['requests'] = [];
  const next = (request: ProviderV1Request): MockResponse => {
    const index = requests.length - 1;
    if (typeof options.responses === 'function') return options.responses(request, index);
    const scripted = options.responses?.[index];
    if (scripted !== undefined) return scripted;
    if (options.fallback !== undefined) return options.fallback;
    const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
    return `Echo: ${lastUser?.content ?? ''}`;
  };
  const record = (request: ProviderV1Request): void => {
    const { signal: _signal, ...rest } = request;
    requests.push(structuredClone(rest));
  };
  const reply = async (request: ProviderV1Request): Promise<MockReply> => {
    const response = next(request);
    if (typeof response === 'object' && 'error' in response) {
      if (response.delayMs) await sleep(response.delayMs, request.signal);
      const { status, kind, message, headers = {}, retryable } = response.error;
      throw new ProviderError({
        provider: id,
        ...(status !== undefined ? { status } : {}),
        ...(kind !== undefined ? { kind } : {}),
        ...(retryable !== undefined ? { retryable } : {}),
        message: message ?? `Scripted ${status ?? kind ?? 'error'} from the mock provider`,
        ...retryAfterFromHeaders(headers),
      });
    }
    const scripted: MockReply = typeof response === 'string' ? { text: response } : response;
    if (scripted.delayMs) await sleep(scripted.delayMs, request.signal);
    return scripted;
  };
  const usageOf = (request: ProviderV1Request, text: string, scripted: MockReply): ProviderV1Usage =>
    scripted.usage ?? {
      inputTokens: estimateTokens(request.messages.map((message) => message.content).join('\n')),
      outputTokens: estimateTokens(text),
    };
  const finishOf = (scripted: MockReply) => {
    const unified = scripted.finishReason ?? (scripted.toolCalls?.length ? 'tool-calls' : 'stop');
    return { unified, raw: unified };
  };

  const provider: MockProvider = {
    specificationVersion: 'v1',
    id,
    requests,
    async listModels() {
      return (options.models ?? ['mock-model']).map((model) => ({ id: model }));
    },
    async doGenerate(request): Promise<ProviderV1Result> {
      record(request);
      const scripted = await reply(request);
      const text = scripted.text ?? scripted.chunks?.join('') ?? '';
      return {
        text,
        toolCalls: scripted.toolCalls ?? [],
        finishReason: finishOf(scripted),
        usage: usageOf(request, text, scripted),
        warnings: [],
        request: { body: { model: request.model, messages: request.messages, settings: request.settings } },
        response: { id: `mock-${requests.length}`, modelId: request.model },
      };
    },
  };
  if (options.streaming !== false) {
    provider.doStream = async (request) => {
      record(request);
      const scripted = await reply(request);
      const text = scripted.text ?? scripted.chunks?.join('') ?? '';
      const chunks = scripted.chunks ?? (text === '' ? [] : text.match(/.{1,8}/gs) ?? []);
      async function* parts(): AsyncGenerator<ProviderV1StreamPart> {
        for (const [index, chunk] of chunks.entries()) {
          if (scripted.failAfterChunks !== undefined && index >= scripted.failAfterChunks) {
            throw new ProviderError({ provider: id, kind: 'network', message: 'Scripted stream failure from the mock provider' });
          }
          if (scripted.chunkDelayMs && index > 0) await sleep(scripted.chunkDelayMs, request.signal);
          yield { type: 'text-delta', delta: chunk };
        }
        for (const toolCall of scripted.toolCalls ?? []) yield { type: 'tool-call', toolCall };
        yield { type: 'finish', finishReason: finishOf(scripted), usage: usageOf(request, text, scripted) };
      }
      return { stream: parts(), warnings: [] };
    };
  }
  return provider;
}
