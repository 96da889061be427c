import { ProviderError, type ProviderV1, type ProviderV1ModelInfo, type ProviderV1Request, type ProviderV1Result, type ProviderV1StreamResult } from '@llm-actions/core';
import OpenAI from 'openai';
import { buildOpenAIRequest } from './build-openai-request.js';
import { mapOpenAIError, type OpenAIErrorContext } from './map-openai-error.js';
import { mapOpenAICompletion } from './map-openai-response.js';
import type { OpenAIProviderSettings } from './openai-provider-settings.js';
import { mapOpenAIStream } from './openai-stream.js';
import { safeHeaders } from './safe-headers.js';

/** A provider for the OpenAI Chat Completions API; listing models and streaming are always available. */
export interface OpenAIProvider extends ProviderV1 {
  /** The models of `GET /models`, with `ownedBy` and `created` as details. */
  listModels(options?: { signal?: AbortSignal }): Promise<ProviderV1ModelInfo[]>;
  /** One streamed generation; usage arrives with the finish part (`stream_options.include_usage`). */
  doStream(request: ProviderV1Request): Promise<ProviderV1StreamResult>;
}

// Core owns retries and timeouts: the client gets no retries and the longest timer Node allows.
const callOptions = { maxRetries: 0, timeout: 2 ** 31 - 1 } as const;

/**
 * Creates a provider for OpenAI, or for any server that speaks the OpenAI Chat Completions
 * API (give it a `name` and a `baseURL`). The client is created at the first call, so a missing
 * key is reported then, as a `ProviderError` of kind `auth`, not at import.
 *
 * @example
 * ```ts
 * import { createOpenAI } from '@llm-actions/provider-openai';
 *
 * const openai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });
 * const groq = createOpenAI({ name: 'groq', baseURL: 'https://api.groq.com/openai/v1', apiKey: process.env.GROQ_API_KEY });
 * ```
 */
export function createOpenAI(settings: OpenAIProviderSettings = {}): OpenAIProvider {
  const provider = settings.name ?? 'openai';
  const requestOptions = {
    provider,
    maxTokensParameter: settings.maxTokensParameter ?? 'max_completion_tokens',
    strictJsonSchema: settings.strictJsonSchema ?? false,
  };
  let client = settings.client;
  const getClient = (): OpenAI => (client ??= createClient(settings, provider));
  const errorContext = (request?: { model?: string; signal?: AbortSignal }): OpenAIErrorContext => ({
    provider,
    model: request?.model,
    signal: request?.signal,
    baseURL: client?.baseURL ?? settings.baseURL,
    apiKey: client?.apiKey ?? settings.apiKey,
  });
  const perCall = (request: ProviderV1Request) => ({ ...callOptions, signal: request.signal, headers: request.headers });
  const rawRequest = (openai: OpenAI, request: ProviderV1Request, body: unknown) => ({
    url: `${openai.baseURL.replace(/\/+$/, '')}/chat/completions`,
    body,
    headers: safeHeaders({ ...settings.headers, ...request.headers }),
  });

  return {
    specificationVersion: 'v1',
    id: provider,
    async listModels(options = {}) {
      try {
        const page = await getClient().models.list({ ...callOptions, signal: options.signal });
        return page.data.map((model) => ({ id: model.id, details: { ownedBy: model.owned_by, created: model.created } }));
      } catch (error) {
        throw mapOpenAIError(error, errorContext(options));
      }
    },
    async doGenerate(request): Promise<ProviderV1Result> {
      const { body, warnings } = buildOpenAIRequest(request, requestOptions);
      let exchange;
      try {
        exchange = await getClient().chat.completions.create(body, perCall(request)).withResponse();
      } catch (error) {
        throw mapOpenAIError(error, errorContext(request));
      }
      const response = { status: exchange.response.status, headers: safeHeaders(exchange.response.headers) };
      return mapOpenAICompletion(exchange.data, { provider, request: rawRequest(getClient(), request, body), response, warnings });
    },
    async doStream(request): Promise<ProviderV1StreamResult> {
      const { body: baseBody, warnings } = buildOpenAIRequest(request, requestOptions);
      const body = { ...baseBody, stream: true as const, ...(settings.streamUsage === false ? {} : { stream_options: { include_usage: true } }) };
      let exchange;
      try {
        exchange = await getClient().chat.completions.create(body, perCall(request)).withResponse();
      } catch (error) {
        throw mapOpenAIError(error, errorContext(request));
      }
      const response = { status: exchange.response.status, headers: safeHeaders(exchange.response.headers) };
      const stream = mapOpenAIStream(exchange.data, { ...errorContext(request), response, warnings });
      return { stream, warnings, request: rawRequest(getClient(), request, body) };
    },
  };
}

function createClient(settings: OpenAIProviderSettings, provider: string): OpenAI {
  const isOpenAI = settings.baseURL === undefined;
  const apiKey = settings.apiKey ?? (isOpenAI ? readEnvironment('OPENAI_API_KEY') : undefined);
  if (!apiKey) {
    const message = isOpenAI
      ? `[llm-actions/provider-openai] No API key for provider "${provider}": set the OPENAI_API_KEY environment variable, or pass createOpenAI({ apiKey }).`
      : `[llm-actions/provider-openai] No API key for provider "${provider}" at ${settings.baseURL}: pass createOpenAI({ apiKey }). OPENAI_API_KEY is only read for OpenAI itself (no baseURL), so that it is never sent to another server; a server that needs no key accepts any value, e.g. 'none'.`;
    throw new ProviderError({ provider, kind: 'auth', retryable: false, message });
  }
  return new OpenAI({
    apiKey,
    baseURL: settings.baseURL,
    // Without a baseURL the client may read OPENAI_ORG_ID / OPENAI_PROJECT_ID; other servers get neither.
    organization: settings.organization ?? (isOpenAI ? undefined : null),
    project: settings.project ?? (isOpenAI ? undefined : null),
    defaultHeaders: settings.headers,
    fetch: settings.fetch,
    ...callOptions,
  });
}

function readEnvironment(name: string): string | undefined {
  return typeof process === 'undefined' ? undefined : process.env[name];
}

/** The default provider: OpenAI, with the key from `OPENAI_API_KEY` (read at the first call). */
export const openai: OpenAIProvider = createOpenAI();
