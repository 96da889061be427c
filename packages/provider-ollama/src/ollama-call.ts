import { Ollama } from 'ollama';
import { resolveOllamaHost, type OllamaProviderSettings } from './ollama-provider-settings.js';

/** Header names whose values never leave the process in diagnostics. */
const secretHeaders = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'cookie']);

/** What the last HTTP response of a call looked like (filled in as it arrives). */
export interface CapturedResponse {
  status?: number;
  headers?: Record<string, string>;
}

/** One provider call's view of the HTTP layer: the client to use and what it saw. */
export interface OllamaCall {
  /** A client bound to this call's signal and headers (or the injected client). */
  client: Ollama;
  /** Status and headers of the response, for errors (Retry-After) and diagnostics. */
  response: CapturedResponse;
  /** The server address, or undefined when an injected client hides it. */
  host: string | undefined;
  /** The headers sent beyond the client's defaults, with secrets redacted. */
  headers: Record<string, string> | undefined;
  /** True when the client is the host's, which cannot take our signal on non-streaming calls. */
  injected: boolean;
}

/**
 * Prepares the HTTP side of one call. The `ollama` client passes no AbortSignal to
 * non-streaming requests and drops response headers on errors, so unless the host
 * injected its own client, each call gets a light client whose fetch carries the
 * call's signal and records the response status and headers.
 */
export function openOllamaCall(
  settings: OllamaProviderSettings,
  options: { signal?: AbortSignal; headers?: Record<string, string> } = {},
): OllamaCall {
  const response: CapturedResponse = {};
  if (settings.client) {
    return { client: settings.client, response, host: undefined, headers: undefined, injected: true };
  }
  const host = resolveOllamaHost(settings);
  const headers = { ...settings.headers, ...options.headers };
  const baseFetch = settings.fetch ?? globalThis.fetch;
  const fetchForCall: typeof fetch = async (input, init) => {
    const signal = combineSignals(init?.signal ?? undefined, options.signal);
    const answer = await baseFetch(input, { ...init, ...(signal ? { signal } : {}) });
    response.status = answer.status;
    const received: Record<string, string> = {};
    answer.headers.forEach((value, name) => void (received[name] = value));
    response.headers = received;
    return answer;
  };
  const client = new Ollama({ host, headers, fetch: fetchForCall });
  return { client, response, host, headers: redactHeaders(headers), injected: false };
}

function combineSignals(first: AbortSignal | undefined, second: AbortSignal | undefined): AbortSignal | undefined {
  if (!first) return second;
  if (!second) return first;
  return AbortSignal.any([first, second]);
}

/** A copy of `headers` with secret values replaced, safe for diagnostics. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> | undefined {
  const entries = Object.entries(headers);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([name, value]) => [name, secretHeaders.has(name.toLowerCase()) ? '[redacted]' : value]));
}

/**
 * Rejects with the signal's reason as soon as it aborts. Used only for an injected
 * client, whose non-streaming requests cannot take a signal: the call ends at once,
 * the HTTP request ends when the server answers.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
