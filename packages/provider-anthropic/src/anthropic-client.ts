import Anthropic from '@anthropic-ai/sdk';
import { ProviderError } from '@llm-actions/core';
import type { AnthropicProviderSettings } from './anthropic-settings.js';

/** Provider id, also the key of `providerOptions` and the prefix of model references. */
export const providerId = 'anthropic';

/** Prefix of every message this package writes. */
export const messagePrefix = '[llm-actions/provider-anthropic]';

/** Header names whose values are secrets; they never reach diagnostics. */
const secretHeader = /^(x-api-key|authorization|proxy-authorization|cookie)$|key|token|secret/i;

/** The client the provider calls, plus the API key it uses (to scrub it from messages). */
export interface ResolvedClient {
  client: Anthropic;
  apiKey: string | undefined;
}

/**
 * Returns a function that yields the client for each call: the injected one, or one created
 * on first use from the settings, with the client's own retries off (core owns retries).
 * Creating it lazily keeps the default instance importable without an API key.
 */
export function clientResolver(settings: AnthropicProviderSettings): () => ResolvedClient {
  const created = new Map<string, Anthropic>();
  return () => {
    if (settings.client) return { client: settings.client, apiKey: undefined };
    const apiKey = settings.apiKey ?? globalThis.process?.env?.ANTHROPIC_API_KEY;
    if (!apiKey) {
      throw new ProviderError({
        provider: providerId,
        kind: 'auth',
        retryable: false,
        message: `${messagePrefix} No API key: set the ANTHROPIC_API_KEY environment variable or pass apiKey to createAnthropic({ apiKey }).`,
      });
    }
    let client = created.get(apiKey);
    if (!client) {
      client = new Anthropic({
        apiKey,
        maxRetries: 0,
        ...(settings.baseURL === undefined ? {} : { baseURL: settings.baseURL }),
        ...(settings.headers === undefined ? {} : { defaultHeaders: settings.headers }),
        ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
      });
      created.set(apiKey, client);
    }
    return { client, apiKey };
  };
}

/** Copies headers without the secret ones, for the raw exchange kept in diagnostics. */
export function withoutSecrets(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !secretHeader.test(name)));
}

/** A URL for diagnostics, without user info. */
export function endpointUrl(client: Anthropic, path: string): string {
  try {
    const url = new URL(`${client.baseURL.replace(/\/+$/, '')}${path}`);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return path;
  }
}

/** A `Headers` object as a plain record. */
export function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}
