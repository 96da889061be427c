import type { ProviderV1Message } from './provider-v1-message.js';
import type { ProviderV1Settings } from './provider-v1-settings.js';
import type { ProviderV1Tool, ProviderV1ToolChoice } from './provider-v1-tool.js';

/** What the output should look like: free text, or JSON (optionally matching a schema). */
export type ProviderV1ResponseFormat =
  | { type: 'text' }
  | {
      type: 'json';
      /** JSON Schema the output must match; providers pass it to structured-output APIs. */
      schema?: Record<string, unknown>;
      /** Name of the schema, for APIs that need one. */
      name?: string;
    };

/** One call to a provider, built by core. */
export interface ProviderV1Request {
  /** Model id without the provider prefix, e.g. `llama3.2:3b`. */
  model: string;
  /** The conversation, already rendered. */
  messages: ProviderV1Message[];
  /** Generation settings. */
  settings: ProviderV1Settings;
  /** Requested output format; text when absent. */
  responseFormat?: ProviderV1ResponseFormat;
  /** Tools the model may call. */
  tools?: ProviderV1Tool[];
  /** How the model may use the tools. */
  toolChoice?: ProviderV1ToolChoice;
  /** Aborts the HTTP request when signalled; providers must pass it to their client. */
  signal?: AbortSignal;
  /** Extra HTTP headers for this call. */
  headers?: Record<string, string>;
  /** Provider-specific options, keyed by provider id (`providerOptions.ollama.keep_alive`). */
  providerOptions?: Record<string, Record<string, unknown>>;
}
