import type Anthropic from '@anthropic-ai/sdk';
import type { ClientOptions } from '@anthropic-ai/sdk';

/** Settings of {@link createAnthropic}; every field is optional. */
export interface AnthropicProviderSettings {
  /**
   * Base URL of the API, without `/v1`. Default: `ANTHROPIC_BASE_URL`, else
   * `https://api.anthropic.com` (the client library's own default).
   */
  baseURL?: string;
  /**
   * API key. Default: the `ANTHROPIC_API_KEY` environment variable, read when a call is
   * made (not at import), so the default `anthropic` instance works once it is set.
   */
  apiKey?: string;
  /**
   * Headers sent with every request. `anthropic-version` chooses the API version:
   * the client library sends `2026-10-21`, which refuses `temperature`, `top_p` and
   * `top_k`; set `'anthropic-version': '2023-06-01'` to have those settings sent.
   */
  headers?: Record<string, string>;
  /** A `fetch` implementation for the client library (proxies, tests, edge runtimes). */
  fetch?: ClientOptions['fetch'];
  /**
   * An `Anthropic` client to use instead of creating one; `baseURL`, `apiKey`, `headers`
   * and `fetch` are then ignored. Its retries are turned off per request, as core retries.
   */
  client?: Anthropic;
  /** `max_tokens` when a request sets no `maxOutputTokens` (the API requires one). Default `4096`. */
  defaultMaxOutputTokens?: number;
}

/** The `anthropic-version` whose requests may carry sampling parameters. */
export const legacyApiVersion = '2023-06-01';
