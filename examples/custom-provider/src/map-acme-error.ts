import { ProviderError, kindFromStatus, retryAfterFromHeaders } from '@llm-actions/core';

/** The prefix of every message this provider writes, naming the package. */
export const messagePrefix = '[llm-actions/example-custom-provider]';

/** What the error mappers know about the failed call. Never holds the API key. */
export interface AcmeErrorContext {
  /** The model asked for, named in not-found messages. */
  model?: string;
  /** The API address, named in network messages. */
  baseURL: string;
  /** The call's signal: once it is aborted, any failure is a cancellation. */
  signal?: AbortSignal;
}

/**
 * Turns a non-2xx Acme response into a {@link ProviderError}. The kind and `retryable`
 * come from the status (core retries 408, 409, 429 and 5xx), `retryAfterMs` from the
 * `retry-after` header. The provider itself never retries.
 */
export async function acmeErrorFromResponse(response: Response, context: AcmeErrorContext): Promise<ProviderError> {
  const text = await response.text().catch(() => '');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Proxies in front of the API answer HTML or plain text; keep it as is.
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : undefined;
  const serverMessage = typeof error?.message === 'string' ? error.message : text.slice(0, 200) || response.statusText;
  const status = response.status;
  let message = `${messagePrefix} Acme answered ${status}${code ? ` ${code}` : ''}: ${serverMessage}`;
  if (status === 404 && code === 'model_not_found') {
    message = `${messagePrefix} Model "${context.model ?? '?'}" does not exist on the Acme Text API at ${context.baseURL}. Pick one from listModels().`;
  } else if (status === 404) {
    message = `${messagePrefix} Acme answered 404 (${serverMessage}). Check that baseURL includes the version path, e.g. https://api.acme.example/v1.`;
  } else if (status === 401 || status === 403) {
    message = `${messagePrefix} Acme refused the API key (${status}: ${serverMessage}). Check createAcme({ apiKey }) or ACME_API_KEY.`;
  }
  return new ProviderError({
    provider: 'acme',
    kind: kindFromStatus(status),
    status,
    message,
    ...retryAfterFromHeaders(response.headers),
    responseBody: body,
  });
}

/**
 * Turns what `fetch` or reading the body threw into a {@link ProviderError}: an abort
 * becomes `cancelled` (not retryable), a body that is not JSON a retryable `server`
 * error, anything else (refused connection, reset socket, cut stream) a `network` error.
 */
export function acmeErrorFromException(error: unknown, context: AcmeErrorContext): ProviderError {
  if (ProviderError.isInstance(error)) return error;
  const name = error instanceof Error ? error.name : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (context.signal?.aborted || name === 'AbortError') {
    return new ProviderError({ provider: 'acme', kind: 'cancelled', retryable: false, message: `${messagePrefix} The request was aborted.`, cause: error });
  }
  if (name === 'TimeoutError') {
    return new ProviderError({ provider: 'acme', kind: 'timeout', message: `${messagePrefix} The request timed out: ${message}`, cause: error });
  }
  if (error instanceof SyntaxError) {
    return new ProviderError({
      provider: 'acme',
      kind: 'server',
      retryable: true,
      message: `${messagePrefix} Acme sent a response that is not valid JSON: ${message}`,
      cause: error,
    });
  }
  const reason = innermostReason(error) ?? message;
  return new ProviderError({
    provider: 'acme',
    kind: 'network',
    message: `${messagePrefix} Could not talk to the Acme Text API at ${context.baseURL} (${reason}). Check baseURL and the network.`,
    cause: error,
  });
}

function innermostReason(error: unknown): string | undefined {
  // Node's fetch only says "fetch failed"; the socket error code (or the reason) sits on `cause`.
  let reason: string | undefined;
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (depth > 0 && current instanceof Error) reason = current.message;
    current = (current as { cause?: unknown }).cause;
  }
  return reason;
}
