import { ProviderError, kindFromStatus, retryAfterFromHeaders } from '@llm-actions/core';
import type { CapturedResponse } from './ollama-call.js';

const prefix = '[llm-actions/provider-ollama]';
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
const endedEarly = 'Did not receive done or success response in stream.';

/** What the mapper knows about the failed call. */
export interface OllamaErrorContext {
  /** The model asked for, named in not-found messages. */
  model?: string;
  /** The server address, named in network messages. */
  host?: string;
  /** The call's signal: once aborted, any failure is a cancellation. */
  signal?: AbortSignal;
  /** Status and headers of the failed response, when the fetch layer saw them. */
  response?: CapturedResponse;
  /** True while reading a stream, where a plain `Error` is the server's `{"error"}` line. */
  inStream?: boolean;
}

/**
 * Turns what the `ollama` client threw into a {@link ProviderError}: `ResponseError`
 * statuses become kinds (404 for a model names it), socket failures become `network`,
 * aborts become `cancelled`, and an error line in a stream becomes a retryable `server`
 * error (core still never retries once a stream emitted output).
 */
export function mapOllamaError(error: unknown, context: OllamaErrorContext = {}): ProviderError {
  if (ProviderError.isInstance(error)) return error;
  if (context.signal?.aborted || nameOf(error) === 'AbortError') {
    return new ProviderError({ provider: 'ollama', kind: 'cancelled', retryable: false, message: `${prefix} The request was aborted.`, cause: error });
  }
  if (isResponseError(error)) return fromStatus(error.status_code, error.error, error, context);
  const code = networkCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code !== undefined || (error instanceof TypeError && /fetch failed|terminated|socket|network/i.test(message)) || message === endedEarly) {
    const what = message === endedEarly ? 'The stream ended before Ollama said it was done' : `Could not talk to the Ollama server at ${context.host ?? 'its address'} (${code ?? message})`;
    return new ProviderError({ provider: 'ollama', kind: 'network', message: `${prefix} ${what}. Check that \`ollama serve\` is running and reachable.`, cause: error });
  }
  if (context.inStream && error instanceof Error && error.constructor === Error) {
    return new ProviderError({ provider: 'ollama', kind: 'server', retryable: true, message: `${prefix} Ollama reported an error mid-stream: ${message}`, responseBody: { error: message }, cause: error });
  }
  if (error instanceof SyntaxError) {
    return new ProviderError({ provider: 'ollama', kind: 'server', status: context.response?.status, retryable: true, message: `${prefix} Ollama sent a response that is not valid JSON: ${message}`, cause: error });
  }
  return new ProviderError({ provider: 'ollama', kind: 'network', message: `${prefix} The call to Ollama failed: ${message}`, cause: error });
}

function fromStatus(status: number, serverMessage: string, cause: unknown, context: OllamaErrorContext): ProviderError {
  const kind = kindFromStatus(status);
  const { retryAfterMs } = retryAfterFromHeaders(context.response?.headers);
  let message = `${prefix} Ollama answered ${status}: ${serverMessage}`;
  if (status === 404 && /model .*not found/i.test(serverMessage)) {
    const model = context.model ?? /model ['"]?([^'"\s]+)/.exec(serverMessage)?.[1] ?? 'the model';
    message = `${prefix} Model "${model}" was not found on the Ollama server${context.host ? ` at ${context.host}` : ''}. Pull it with \`ollama pull ${model}\` or pick one from listModels().`;
  } else if (status === 404) {
    message = `${prefix} Ollama answered 404 (${serverMessage}). Check that the base URL is the server root, e.g. http://127.0.0.1:11434, without /api or /v1.`;
  } else if (kind === 'auth') {
    message = `${prefix} Ollama (or a proxy in front of it) refused the credentials (${status}: ${serverMessage}). Check the headers passed to createOllama().`;
  }
  return new ProviderError({ provider: 'ollama', kind, status, message, retryAfterMs, responseBody: { error: serverMessage }, cause });
}

function isResponseError(error: unknown): error is Error & { error: string; status_code: number } {
  return error instanceof Error && error.name === 'ResponseError' && typeof (error as { status_code?: unknown }).status_code === 'number';
}

function nameOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : undefined;
}

function networkCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && networkCodes.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
