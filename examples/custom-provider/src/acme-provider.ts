import { ProviderError, type ProviderV1, type ProviderV1ModelInfo, type ProviderV1Request, type ProviderV1StreamResult } from '@llm-actions/core';
import type { AcmeGenerateResponse, AcmeModelList } from './acme-api.js';
import { buildAcmeRequest } from './build-acme-request.js';
import { readAcmeStream } from './acme-stream.js';
import { acmeErrorFromException, acmeErrorFromResponse, messagePrefix, type AcmeErrorContext } from './map-acme-error.js';
import { mapAcmeResponse } from './map-acme-response.js';

/** Settings of {@link createAcme}. */
export interface AcmeProviderSettings {
  /** Base URL of the API including its version path, e.g. `https://api.acme.example/v1`. */
  baseURL: string;
  /**
   * API key, sent as `Authorization: Bearer <key>`. Falls back to the `ACME_API_KEY`
   * environment variable, read at call time. Never copied into results, errors or diagnostics.
   */
  apiKey?: string;
  /** Extra HTTP headers sent with every request (per-request headers win). */
  headers?: Record<string, string>;
  /** The fetch implementation, e.g. for a proxy or an edge runtime. Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
}

/** The Acme provider: streaming and model listing are always available. */
export interface AcmeProvider extends ProviderV1 {
  readonly id: 'acme';
  listModels(options?: { signal?: AbortSignal }): Promise<ProviderV1ModelInfo[]>;
  doStream(request: ProviderV1Request): Promise<ProviderV1StreamResult>;
}

/**
 * Creates a provider for the Acme Text API on plain `fetch`. It does not retry and sets
 * no timeout: core owns both, and aborts the request through `request.signal`.
 *
 * @example
 * ```ts
 * import { createLlmActions } from '@llm-actions/core';
 * import { createAcme } from '@llm-actions/example-custom-provider';
 *
 * const acme = createAcme({ baseURL: 'https://api.acme.example/v1', apiKey: process.env.ACME_API_KEY });
 * const llm = createLlmActions({ providers: [acme], store });
 * // actions then name models as 'acme/acme-text-small'
 * ```
 */
export function createAcme(settings: AcmeProviderSettings): AcmeProvider {
  const baseURL = settings.baseURL.replace(/\/+$/, '');
  const fetchFunction = settings.fetch ?? globalThis.fetch;

  // One HTTP call: builds headers, maps thrown errors and non-2xx answers to ProviderErrors.
  const send = async (path: string, init: { method: string; body?: unknown; headers?: Record<string, string> }, context: AcmeErrorContext) => {
    const apiKey = settings.apiKey ?? (typeof process === 'undefined' ? undefined : process.env.ACME_API_KEY);
    if (!apiKey) {
      const message = `${messagePrefix} No API key for the Acme Text API: pass createAcme({ apiKey }) or set ACME_API_KEY.`;
      throw new ProviderError({ provider: 'acme', kind: 'auth', retryable: false, message });
    }
    const headers = { ...settings.headers, ...init.headers, authorization: `Bearer ${apiKey}` };
    let response: Response;
    try {
      response = await fetchFunction(`${baseURL}${path}`, {
        method: init.method,
        headers: init.body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        signal: context.signal,
      });
    } catch (error) {
      throw acmeErrorFromException(error, context);
    }
    if (!response.ok) throw await acmeErrorFromResponse(response, context);
    return response;
  };

  const prepare = (request: ProviderV1Request, stream: boolean) => {
    const { body, warnings } = buildAcmeRequest(request, stream);
    const headers = { ...request.headers, ...(stream ? { accept: 'application/x-ndjson' } : {}) };
    // The raw request for diagnostics: never the authorization header.
    const rawRequest = { url: `${baseURL}/generate`, body, headers: withoutSecrets({ ...settings.headers, ...headers }) };
    const context: AcmeErrorContext = { model: request.model, baseURL, signal: request.signal };
    return { body, warnings, headers, rawRequest, context };
  };

  return {
    specificationVersion: 'v1',
    id: 'acme',

    async listModels(options = {}) {
      const context: AcmeErrorContext = { baseURL, signal: options.signal };
      const list = await readJson<AcmeModelList>(await send('/models', { method: 'GET' }, context), context);
      return list.models.map((model) => ({ id: model.id, name: model.name, details: { contextLength: model.context_length } }));
    },

    async doGenerate(request) {
      const { body, warnings, headers, rawRequest, context } = prepare(request, false);
      const response = await send('/generate', { method: 'POST', body, headers }, context);
      const answer = await readJson<AcmeGenerateResponse>(response, context);
      return mapAcmeResponse(answer, { warnings, request: rawRequest, status: response.status, headers: withoutSecrets(response.headers) });
    },

    async doStream(request) {
      const { body, warnings, headers, rawRequest, context } = prepare(request, true);
      const response = await send('/generate', { method: 'POST', body, headers }, context);
      if (!response.body) throw acmeErrorFromException(new Error('the streamed response has no body'), context);
      const stream = readAcmeStream(response.body, { ...context, response: { status: response.status, headers: withoutSecrets(response.headers) } });
      return { stream, warnings, request: rawRequest };
    },
  };
}

/** Reads a JSON body; an abort or a cut connection while reading is mapped like any other failure. */
async function readJson<T>(response: Response, context: AcmeErrorContext): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch (error) {
    throw acmeErrorFromException(error, context);
  }
}

const secretHeader = /authorization|api-key|cookie|token|secret/i;

/** A plain record of headers without any that may carry credentials, for diagnostics. */
function withoutSecrets(headers: Headers | Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  const keep = (value: string, name: string): void => {
    if (!secretHeader.test(name)) result[name.toLowerCase()] = value;
  };
  if (headers instanceof Headers) headers.forEach(keep);
  else for (const [name, value] of Object.entries(headers)) keep(value, name);
  return result;
}
