import type Anthropic from '@anthropic-ai/sdk';
import type { ProviderV1, ProviderV1ModelInfo, ProviderV1Request, ProviderV1Result, ProviderV1StreamResult } from '@llm-actions/core';
import { clientResolver, endpointUrl, headerRecord, providerId, withoutSecrets, type ResolvedClient } from './anthropic-client.js';
import { toProviderError } from './anthropic-error.js';
import { buildAnthropicRequest, type AnthropicRequestPlan } from './anthropic-request.js';
import { readMessage, toUsage } from './anthropic-response.js';
import type { AnthropicProviderSettings } from './anthropic-settings.js';
import { toStreamParts } from './anthropic-stream.js';

const defaultMaxOutputTokens = 4096;

type RequestOptions = NonNullable<Parameters<Anthropic['messages']['create']>[1]>;

/**
 * Creates an Anthropic provider (contract v1, id `anthropic`) on the official
 * `@anthropic-ai/sdk` client, with the client's own retries off: core retries.
 * The client is created on the first call, so a missing API key fails that call
 * (with a message that says to set `ANTHROPIC_API_KEY`), not the import.
 *
 * @example
 * ```ts
 * import { createAnthropic } from '@llm-actions/provider-anthropic';
 *
 * const anthropic = createAnthropic({ apiKey: process.env.MY_ANTHROPIC_KEY, defaultMaxOutputTokens: 1024 });
 * const result = await anthropic.doGenerate({
 *   model: 'claude-haiku-4-5',
 *   messages: [{ role: 'user', content: 'Say hello' }],
 *   settings: {},
 * });
 * ```
 */
export function createAnthropic(settings: AnthropicProviderSettings = {}): ProviderV1 {
  const resolveClient = clientResolver(settings);

  function prepare(request: ProviderV1Request): { resolved: ResolvedClient; plan: AnthropicRequestPlan; options: RequestOptions } {
    const resolved = resolveClient();
    const headers = { ...settings.headers, ...request.headers };
    const apiVersion = Object.entries(headers).find(([name]) => name.toLowerCase() === 'anthropic-version')?.[1];
    const plan = buildAnthropicRequest(request, { defaultMaxOutputTokens: settings.defaultMaxOutputTokens ?? defaultMaxOutputTokens, apiVersion });
    // maxRetries per request, so that an injected client does not retry either.
    const options: RequestOptions = { maxRetries: 0, signal: request.signal, ...(request.headers ? { headers: request.headers } : {}) };
    return { resolved, plan, options };
  }

  function rawRequest(resolved: ResolvedClient, plan: AnthropicRequestPlan, request: ProviderV1Request, stream: boolean) {
    const headers = withoutSecrets({ ...settings.headers, ...request.headers });
    return {
      url: endpointUrl(resolved.client, '/v1/messages'),
      body: stream ? { ...plan.body, stream: true } : plan.body,
      ...(headers && Object.keys(headers).length > 0 ? { headers } : {}),
    };
  }

  return {
    specificationVersion: 'v1',
    id: providerId,

    async listModels(options = {}): Promise<ProviderV1ModelInfo[]> {
      let resolved: ResolvedClient | undefined;
      try {
        resolved = resolveClient();
        const models: ProviderV1ModelInfo[] = [];
        for await (const info of resolved.client.models.list({ limit: 100 }, { maxRetries: 0, signal: options.signal })) {
          const { id, display_name: name, ...details } = info;
          models.push({ id, name, details });
        }
        return models;
      } catch (error) {
        throw toProviderError(error, { signal: options.signal, apiKey: resolved?.apiKey });
      }
    },

    async doGenerate(request): Promise<ProviderV1Result> {
      let resolved: ResolvedClient | undefined;
      try {
        const prepared = prepare(request);
        resolved = prepared.resolved;
        const { plan } = prepared;
        const { data, response } = await resolved.client.messages.create({ ...plan.body, stream: false }, prepared.options).withResponse();
        return {
          ...readMessage(data, plan.jsonMode),
          usage: toUsage(data.usage),
          warnings: plan.warnings,
          request: rawRequest(resolved, plan, request, false),
          response: { id: data.id, modelId: data.model, status: response.status, headers: headerRecord(response.headers), body: data },
        };
      } catch (error) {
        throw toProviderError(error, { model: request.model, signal: request.signal, apiKey: resolved?.apiKey });
      }
    },

    async doStream(request): Promise<ProviderV1StreamResult> {
      let resolved: ResolvedClient | undefined;
      try {
        const prepared = prepare(request);
        resolved = prepared.resolved;
        const { plan } = prepared;
        const { data: events, response } = await resolved.client.messages.create({ ...plan.body, stream: true }, prepared.options).withResponse();
        const context = { jsonMode: plan.jsonMode, response, model: request.model, signal: request.signal, apiKey: resolved.apiKey };
        return { stream: toStreamParts(events, context), warnings: plan.warnings, request: rawRequest(resolved, plan, request, true) };
      } catch (error) {
        throw toProviderError(error, { model: request.model, signal: request.signal, apiKey: resolved?.apiKey });
      }
    },
  };
}

/**
 * The default Anthropic provider: API key from `ANTHROPIC_API_KEY`, read at call time.
 *
 * @example
 * ```ts
 * import { anthropic } from '@llm-actions/provider-anthropic';
 * const llm = createLlmActions({ providers: [anthropic], store });
 * ```
 */
export const anthropic: ProviderV1 = createAnthropic();
