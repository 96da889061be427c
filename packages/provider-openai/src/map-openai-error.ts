import { ProviderError, kindFromStatus, retryAfterFromHeaders, type ProviderErrorKind } from '@llm-actions/core';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

/** What an error message needs to say where it came from, and what it must not reveal. */
export interface OpenAIErrorContext {
  provider: string;
  model?: string;
  baseURL?: string;
  signal?: AbortSignal;
  apiKey?: string;
}

const prefix = '[llm-actions/provider-openai]';
const contentFilterCodes = new Set(['content_filter', 'content_policy_violation']);

/**
 * Turns whatever the `openai` client threw into a {@link ProviderError}: HTTP errors by status
 * (404 names the model; `x-should-retry` and `retry-after-ms` / `retry-after` honoured), aborts
 * as `cancelled`, connection failures as `network`, a malformed stream as `server`. API keys,
 * even the masked one OpenAI echoes in a 401, are removed from the message, body and cause.
 */
export function mapOpenAIError(error: unknown, context: OpenAIErrorContext): ProviderError {
  if (ProviderError.isInstance(error)) return error;
  const { provider } = context;
  const cause = scrub(error, context.apiKey);
  if (error instanceof APIUserAbortError || context.signal?.aborted) {
    return new ProviderError({ provider, kind: 'cancelled', retryable: false, message: `${prefix} The call to ${provider} was cancelled.`, cause });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new ProviderError({ provider, kind: 'timeout', message: `${prefix} The connection to ${provider} timed out.`, cause });
  }
  if (error instanceof APIConnectionError) {
    const message = `${prefix} Could not reach ${provider}${context.baseURL ? ` at ${context.baseURL}` : ''} (${detailOf(error)}). Check that the server is running and baseURL is right.`;
    return new ProviderError({ provider, kind: 'network', message, cause });
  }
  if (error instanceof TypeError) {
    // fetch reports a connection that breaks while the body is read as a TypeError (`terminated`).
    return new ProviderError({ provider, kind: 'network', message: `${prefix} The connection to ${provider} broke off (${detailOf(error)}).`, cause });
  }
  if (error instanceof SyntaxError) {
    return new ProviderError({ provider, kind: 'server', retryable: true, message: `${prefix} ${provider} sent a malformed stream chunk.`, cause });
  }
  if (!(error instanceof APIError)) {
    const message = `${prefix} Unexpected failure calling ${provider}: ${error instanceof Error ? error.message : String(error)}`;
    return new ProviderError({ provider, kind: 'server', retryable: false, message, cause });
  }
  const body = error.error as { message?: unknown; code?: unknown } | undefined;
  const apiMessage = redact(typeof body?.message === 'string' ? body.message : error.message, context.apiKey);
  const code = typeof body?.code === 'string' ? body.code : undefined;
  const status = error.status;
  const kind: ProviderErrorKind =
    code !== undefined && contentFilterCodes.has(code) ? 'content-filter' : status === undefined ? 'server' : kindFromStatus(status);
  const shouldRetry = error.headers?.get('x-should-retry');
  // An error event inside a stream has no status; the API sends those for transient server faults.
  const retryable = kind === 'content-filter' ? false : shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : status === undefined ? true : undefined;
  return new ProviderError({
    provider,
    kind,
    status,
    retryable,
    retryAfterMs: retryAfterFromHeaders(error.headers).retryAfterMs,
    message: `${prefix} ${describe(kind, status, apiMessage, context)}`,
    responseBody: body === undefined ? undefined : JSON.parse(redact(JSON.stringify(body), context.apiKey)),
    cause,
  });
}

function describe(kind: ProviderErrorKind, status: number | undefined, apiMessage: string, context: OpenAIErrorContext): string {
  const { provider, model } = context;
  const answered = `${provider} answered ${status ?? 'in the stream'}: ${apiMessage}`;
  if (kind === 'not-found' && model !== undefined && /model/i.test(apiMessage)) {
    return `Model "${model}" was not found on ${provider}: ${apiMessage} Check the model id, or list the models with listModels().`;
  }
  if (kind === 'not-found') return `${answered} Check baseURL${context.baseURL ? ` (${context.baseURL})` : ''}.`;
  if (kind === 'auth') return `${answered} Check the API key (the apiKey setting or OPENAI_API_KEY) and its permissions.`;
  if (kind === 'content-filter') return `${provider} refused the request under its content policy: ${apiMessage}`;
  return answered;
}

function detailOf(error: Error): string {
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

function redact(text: string, apiKey: string | undefined): string {
  let result = apiKey ? text.split(apiKey).join('[redacted]') : text;
  result = result.replace(/(Incorrect API key provided: )[^\s.]+(\.[^\s.]+)*/g, '$1[redacted]');
  return result.replace(/\bsk-[\w*-]{4,}/g, 'sk-[redacted]');
}

/** Removes keys from the client's error in place, since it is kept as the cause. */
function scrub(error: unknown, apiKey: string | undefined): unknown {
  if (!(error instanceof Error)) return error;
  const message = redact(error.message, apiKey);
  // Some errors (DOMException) have a read-only message; those never carry a key.
  if (message !== error.message) Object.defineProperty(error, 'message', { value: message, configurable: true, writable: true });
  if (error instanceof APIError && typeof error.error === 'object' && error.error !== null) {
    const body = error.error as { message?: unknown };
    if (typeof body.message === 'string') body.message = redact(body.message, apiKey);
  }
  return error;
}
