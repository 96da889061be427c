import { completionBody, openAIErrorBody, scriptedErrorBody } from './openai-fake-bodies.js';
import { writeOpenAIStream } from './openai-fake-stream.js';
import { validateChatRequest } from './openai-fake-validate.js';
import type { ProtocolFake } from './protocol-fake.js';
import { fakeId, isFakeErrorReply } from './shared-fake-replies.js';
import { sendJson, startFakeServer, type FakeExchange } from './shared-fake-server.js';

/** Models the OpenAI fake knows until `setModels` is called; the first is the usual test model. */
export const openAIFakeDefaultModels = ['gpt-4o-mini', 'gpt-4.1', 'o4-mini'];

/**
 * Starts a local HTTP server on 127.0.0.1 (random port) that speaks the OpenAI Chat Completions
 * wire format as the `openai` client sees it: `POST /v1/chat/completions` (JSON, or SSE when
 * `stream: true`, with the usage chunk when `stream_options.include_usage` is set),
 * `GET /v1/models` and `GET /v1/models/{id}`. Errors use OpenAI's body
 * `{"error":{"message","type","param","code"}}`: 401 without `Authorization: Bearer <key>` (any
 * key is accepted; script `{ error: { status: 401 } }` for a bad one), 404 `model_not_found` for
 * unknown models, and the API's 400 for bodies it would reject. Replies and faults are
 * scripted with `enqueue`; every request is recorded.
 *
 * @example
 * ```ts
 * const fake = await createOpenAIFake();
 * fake.enqueue({ text: 'Hi there' }, { error: { status: 429, headers: { 'retry-after-ms': '10' } } });
 * const client = new OpenAI({ baseURL: fake.baseURL, apiKey: 'test', maxRetries: 0 });
 * await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
 * await fake.close();
 * ```
 */
export function createOpenAIFake(): Promise<ProtocolFake> {
  return startFakeServer({
    api: 'openai',
    basePath: '/v1',
    defaultModels: openAIFakeDefaultModels,
    defaultReply: { text: 'Hello from the OpenAI fake.' },
    handle: routeOpenAIRequest,
  });
}

async function routeOpenAIRequest(exchange: FakeExchange): Promise<void> {
  const { recorded, response } = exchange;
  const { method, path } = recorded;
  const apiKey = /^Bearer\s+(\S+)$/i.exec(recorded.headers.authorization ?? '')?.[1];
  if (apiKey === undefined) {
    const message = "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
    return sendJson(response, 401, openAIErrorBody(message));
  }
  if (method === 'GET' && path === '/v1/models') {
    return sendJson(response, 200, { object: 'list', data: exchange.models().map(modelBody) });
  }
  const modelId = /^\/v1\/models\/(.+)$/.exec(path)?.[1];
  if (method === 'GET' && modelId !== undefined) {
    const id = decodeURIComponent(modelId);
    if (exchange.models().includes(id)) return sendJson(response, 200, modelBody(id));
    return sendJson(response, 404, openAIErrorBody(`The model '${id}' does not exist`, 'invalid_request_error', 'model_not_found', 'model'));
  }
  if (method === 'POST' && path === '/v1/chat/completions') return answerChatCompletion(exchange, apiKey);
  return sendJson(response, 404, openAIErrorBody(`Invalid URL (${method} ${path})`));
}

async function answerChatCompletion(exchange: FakeExchange, apiKey: string): Promise<void> {
  const { recorded, response } = exchange;
  const invalid = validateChatRequest(recorded.body);
  if (invalid) return sendJson(response, 400, invalid);
  const body = recorded.body as { model: string; stream?: boolean; stream_options?: { include_usage?: boolean } };
  // An unknown model is refused before any scripted reply is used, as the real API would.
  if (!exchange.models().includes(body.model)) {
    const message = `The model \`${body.model}\` does not exist or you do not have access to it.`;
    return sendJson(response, 404, openAIErrorBody(message, 'invalid_request_error', 'model_not_found'));
  }
  const reply = exchange.nextReply();
  await exchange.wait(reply.delayMs);
  if (exchange.isClosed()) return;
  const requestId = fakeId('req_');
  if (isFakeErrorReply(reply)) {
    const errorBody = scriptedErrorBody(reply, { model: body.model, apiKey });
    const headers = { 'x-request-id': requestId, ...reply.error.headers };
    if (typeof errorBody !== 'string') return sendJson(response, reply.error.status, errorBody, headers);
    response.writeHead(reply.error.status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    return void response.end(errorBody);
  }
  const context = { id: fakeId('chatcmpl-'), model: body.model, created: Math.floor(Date.now() / 1000), requestId };
  if (body.stream !== true) return sendJson(response, 200, completionBody(reply, context), { 'x-request-id': requestId });
  await writeOpenAIStream(exchange, reply, { ...context, includeUsage: body.stream_options?.include_usage === true });
}

function modelBody(id: string) {
  return { id, object: 'model', created: 1686935002, owned_by: /^(gpt|o\d)/.test(id) ? 'openai' : 'system' };
}
