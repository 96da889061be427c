import { checkAnthropicHeaders, sendAnthropicError } from './anthropic-fake-errors.js';
import { answerAnthropicMessages } from './anthropic-fake-messages.js';
import type { ProtocolFake } from './protocol-fake.js';
import { sendJson, startFakeServer, type FakeExchange } from './shared-fake-server.js';

/** Models an Anthropic fake knows until `setModels` is called. */
export const anthropicFakeDefaultModels = ['claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-1'];

/**
 * Starts a local HTTP server on 127.0.0.1 (random port) that speaks the Anthropic Messages
 * API as `@anthropic-ai/sdk` sees it (`reference/wire/anthropic.md`): `POST /v1/messages`
 * as JSON, or as SSE when `"stream": true` (`message_start`, `content_block_*` with
 * `text_delta` / `input_json_delta`, `ping`, `message_delta`, `message_stop`, and
 * `event: error` mid-stream), `GET /v1/models` (paginated) and `GET /v1/models/{id}`.
 *
 * Like the API it answers 401 `authentication_error` without a credential (`x-api-key`, or
 * `Authorization: Bearer` as SDK 1.x sends it), 400 `invalid_request_error` without
 * `anthropic-version` or a JSON content type, or for a malformed body, and 404
 * `not_found_error` (`model: <id>`) for an unknown model; these checks use no scripted reply.
 * Scripted `usage.inputTokens` counts all prompt tokens; the fake reports cache reads and
 * writes in their own fields and the rest as `input_tokens`, as the API does.
 *
 * @example
 * ```ts
 * const fake = await createAnthropicFake();
 * fake.enqueue({ text: 'Hello!' }, { error: { status: 529 } });
 * const client = new Anthropic({ baseURL: fake.baseURL, apiKey: 'test', maxRetries: 0 });
 * const message = await client.messages.create({
 *   model: 'claude-haiku-4-5', max_tokens: 256, messages: [{ role: 'user', content: 'Hi' }],
 * });
 * await fake.close();
 * ```
 */
export function createAnthropicFake(): Promise<ProtocolFake> {
  return startFakeServer({
    api: 'anthropic',
    defaultModels: anthropicFakeDefaultModels,
    defaultReply: { text: 'Hello from the Anthropic fake.' },
    handle: routeAnthropicRequest,
  });
}

async function routeAnthropicRequest(exchange: FakeExchange): Promise<void> {
  const { method, path, headers } = exchange.recorded;
  if (!path.startsWith('/v1/')) return sendAnthropicError(exchange.response, 404, 'not_found_error', 'Not Found');
  if (!checkAnthropicHeaders(exchange.response, method, headers)) return;
  if (method === 'POST' && path === '/v1/messages') return answerAnthropicMessages(exchange);
  if (method === 'GET' && path === '/v1/models') return sendJson(exchange.response, 200, modelPage(exchange));
  const modelId = method === 'GET' ? /^\/v1\/models\/([^/]+)$/.exec(path)?.[1] : undefined;
  if (modelId !== undefined) {
    const id = decodeURIComponent(modelId);
    if (!exchange.models().includes(id)) return sendAnthropicError(exchange.response, 404, 'not_found_error', `model: ${id}`);
    return sendJson(exchange.response, 200, modelInfo(id));
  }
  sendAnthropicError(exchange.response, 404, 'not_found_error', 'Not Found');
}

function modelInfo(id: string): Record<string, unknown> {
  const words = id.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return { type: 'model', id, display_name: words.join(' '), created_at: '2025-09-29T00:00:00Z' };
}

/** One page of `GET /v1/models`, honouring `limit`, `after_id` and `before_id` as the SDK's paginator sends them. */
function modelPage(exchange: FakeExchange): Record<string, unknown> {
  const query = new URL(exchange.request.url ?? '/', 'http://127.0.0.1').searchParams;
  const limit = Math.min(Math.max(Number(query.get('limit') ?? 20) || 20, 1), 1000);
  const models = exchange.models();
  const afterId = query.get('after_id');
  const beforeId = query.get('before_id');
  let start = 0;
  let end = models.length;
  if (afterId !== null) start = models.indexOf(afterId) + 1;
  if (beforeId !== null) end = Math.max(models.indexOf(beforeId), 0);
  if (beforeId !== null && afterId === null) start = Math.max(end - limit, 0);
  const page = models.slice(start, Math.min(end, start + limit));
  return {
    data: page.map(modelInfo),
    has_more: beforeId !== null && afterId === null ? start > 0 : start + page.length < end,
    first_id: page[0] ?? null,
    last_id: page.at(-1) ?? null,
  };
}
