import type OpenAI from 'openai';

/**
 * Settings of {@link createOpenAI}. Everything is optional: with none, the provider talks to
 * OpenAI with the key in `OPENAI_API_KEY`.
 */
export interface OpenAIProviderSettings {
  /**
   * Provider id: the prefix of model references, and the key of `providerOptions`. Register an
   * OpenAI-compatible server under its own name, e.g. `groq` for `groq/llama-3.3-70b-versatile`.
   * @defaultValue `'openai'`
   */
  name?: string;
  /**
   * Base URL of the API, including the version path, e.g. `http://localhost:8000/v1`.
   * @defaultValue `OPENAI_BASE_URL`, else `https://api.openai.com/v1`
   */
  baseURL?: string;
  /**
   * API key, sent as `Authorization: Bearer <key>`. Without `baseURL`, it falls back to the
   * `OPENAI_API_KEY` environment variable, read at the first call. With a `baseURL` there is no
   * fallback, so that an OpenAI key is never sent to another server; servers that need no key
   * accept any value, e.g. `'none'`. Never copied into results, errors or diagnostics.
   */
  apiKey?: string;
  /** OpenAI organization id, sent as `OpenAI-Organization`. @defaultValue `OPENAI_ORG_ID` (OpenAI only) */
  organization?: string;
  /** OpenAI project id, sent as `OpenAI-Project`. @defaultValue `OPENAI_PROJECT_ID` (OpenAI only) */
  project?: string;
  /** Extra HTTP headers sent with every request. */
  headers?: Record<string, string>;
  /** The fetch implementation, e.g. to add a proxy or to intercept requests in tests. @defaultValue `globalThis.fetch` */
  fetch?: typeof globalThis.fetch;
  /**
   * A configured `openai` client to use instead of creating one; `baseURL`, `apiKey`,
   * `organization`, `project`, `headers` and `fetch` are then ignored. Its retries and timeout
   * are turned off per call, since core owns both.
   */
  client?: OpenAI;
  /**
   * The body field that carries `maxOutputTokens`. OpenAI replaced `max_tokens` by
   * `max_completion_tokens` (the only one its reasoning models accept); choose `max_tokens`
   * for compatible servers that only know the older field.
   * @defaultValue `'max_completion_tokens'`
   */
  maxTokensParameter?: 'max_completion_tokens' | 'max_tokens';
  /**
   * Sends JSON schemas with `strict: true`, so that the API guarantees the output matches.
   * Strict mode accepts only a subset of JSON Schema (every property required,
   * `additionalProperties: false`) and answers 400 otherwise; core validates the output either way.
   * @defaultValue `false`
   */
  strictJsonSchema?: boolean;
  /**
   * Asks for token usage at the end of streams (`stream_options.include_usage`). Turn it off
   * for compatible servers that reject `stream_options`.
   * @defaultValue `true`
   */
  streamUsage?: boolean;
}
