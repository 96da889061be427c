import {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@anthropic-ai/sdk';
import { isRetryableStatus, kindFromStatus, ProviderError, type ProviderErrorKind } from '@llm-actions/core';
import { messagePrefix, providerId } from './anthropic-client.js';

/** What the error message may mention. */
export interface AnthropicErrorContext {
  /** The model of the call, named in not-found messages. */
  model?: string;
  signal?: AbortSignal;
  /** The API key in use, scrubbed from any message that might echo it. */
  apiKey?: string;
}

/** The HTTP status each documented error type stands for, for errors that arrive inside a stream. */
const statusOfType: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/** Maps anything the client library throws to a {@link ProviderError}; the original is kept as `cause`. */
export function toProviderError(error: unknown, context: AnthropicErrorContext): ProviderError {
  if (ProviderError.isInstance(error)) return error;
  const create = (kind: ProviderErrorKind, message: string, extra: Partial<ConstructorParameters<typeof ProviderError>[0]> = {}) =>
    new ProviderError({ provider: providerId, kind, message: scrub(`${messagePrefix} ${message}`, context.apiKey), cause: error, ...extra });
  if (error instanceof APIUserAbortError || context.signal?.aborted || (error as Error | undefined)?.name === 'AbortError') {
    return create('cancelled', 'The request was aborted.', { retryable: false });
  }
  if (error instanceof APIConnectionTimeoutError) return create('timeout', 'The request timed out.', { retryable: true });
  if (error instanceof APIConnectionError) {
    return create('network', `Could not reach the Anthropic API: ${causeMessage(error)}.`, { retryable: true });
  }
  if (error instanceof APIError) return fromApiError(error, context, create);
  if (error instanceof SyntaxError) {
    return create('server', `The API sent a response that is not valid JSON: ${error.message}`, { retryable: true });
  }
  if (error instanceof AnthropicError) return create('bad-request', error.message, { retryable: false });
  // Anything else comes from the transport, e.g. a connection reset mid-stream (undici's "terminated").
  return create('network', `The connection failed: ${causeMessage(error)}.`, { retryable: true });
}

type Create = (kind: ProviderErrorKind, message: string, extra?: Partial<ConstructorParameters<typeof ProviderError>[0]>) => ProviderError;

function fromApiError(error: APIError, context: AnthropicErrorContext, create: Create): ProviderError {
  const type = error.type ?? 'error';
  const detail = error.apiMessage ?? error.message;
  const responseBody = error.error;
  if (error.status === undefined) {
    // An `event: error` inside a stream: no HTTP status, so the type decides.
    const equivalent = statusOfType[type] ?? 500;
    return create(kindFromStatus(equivalent), `The stream failed with ${type}: ${detail}`, {
      retryable: isRetryableStatus(equivalent),
      responseBody,
    });
  }
  const status = error.status;
  const shouldRetry = error.headers?.get('x-should-retry');
  const common = {
    status,
    responseBody,
    retryable: shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : isRetryableStatus(status),
    retryAfterMs: retryAfterMs(error.headers),
  };
  const summary = `${status} ${type}: ${detail}`;
  if (status === 404 && context.model !== undefined) {
    return create('not-found', `Model "${context.model}" was not found (${summary}). Check the model id; listModels() shows the models your key can use.`, common);
  }
  if (status === 401 || status === 403) {
    return create('auth', `The API refused the credentials (${summary}). Check ANTHROPIC_API_KEY or the apiKey option.`, common);
  }
  return create(kindFromStatus(status), `The API answered ${summary}`, common);
}

/** The delay the server asked for: `retry-after-ms`, else `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
  const milliseconds = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const retryAfter = headers?.get('retry-after');
  if (!retryAfter) return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function causeMessage(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const message = error instanceof Error ? error.message : String(error);
  return cause instanceof Error && cause.message !== message ? `${message} (${cause.message})` : message;
}

function scrub(message: string, apiKey: string | undefined): string {
  return apiKey ? message.split(apiKey).join('[redacted]') : message;
}
