import type { Ollama } from 'ollama';

/** The address the `ollama` CLI and server use when nothing else is configured. */
export const defaultOllamaHost = 'http://127.0.0.1:11434';

/** Settings of {@link createOllama}. Every field is optional. */
export interface OllamaProviderSettings {
  /**
   * Address of the Ollama server, e.g. `http://gpu-box:11434`. Defaults to the
   * `OLLAMA_HOST` environment variable (read at call time), else `http://127.0.0.1:11434`.
   */
  baseURL?: string;
  /** Alias of `baseURL`, under the name the `ollama` client uses. `baseURL` wins when both are set. */
  host?: string;
  /** Headers sent with every request, e.g. for an authenticating proxy in front of Ollama. */
  headers?: Record<string, string>;
  /** The fetch implementation; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /**
   * An `Ollama` client to use instead of building one per call. Its own host and headers
   * apply; `baseURL`, `headers` and `fetch` are ignored. Limits of the `ollama` client
   * then show: non-streaming calls cannot be aborted on the wire (the call still rejects
   * at once) and a `Retry-After` header cannot be read.
   */
  client?: Ollama;
  /** Makes ids for tool calls that the server sent without one. Default: `call_` and 8 random characters. */
  generateId?: () => string;
}

/** The Ollama server address for these settings, reading `OLLAMA_HOST` only when needed. */
export function resolveOllamaHost(settings: OllamaProviderSettings): string {
  const fromEnvironment = typeof process === 'undefined' ? undefined : process.env.OLLAMA_HOST;
  return settings.baseURL ?? settings.host ?? (fromEnvironment || defaultOllamaHost);
}

/** The default tool call id, in the style of the Ollama server (`call_` + 8 characters). */
export function generateToolCallId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = 'call_';
  for (let index = 0; index < 8; index += 1) id += alphabet[Math.floor(Math.random() * alphabet.length)];
  return id;
}
