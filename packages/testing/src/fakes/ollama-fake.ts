import { answerOllamaChat } from './ollama-fake-chat.js';
import { isKnownOllamaModel, ollamaModelList, ollamaShowResponse, readModelName } from './ollama-fake-models.js';
import type { ProtocolFake } from './protocol-fake.js';
import { sendJson, startFakeServer, type FakeExchange } from './shared-fake-server.js';

/** Models an Ollama fake knows until `setModels` is called. */
export const ollamaFakeDefaultModels = ['llama3.2:3b', 'qwen2.5:0.5b', 'gemma3:1b'];

/**
 * Starts a local HTTP server on 127.0.0.1 (random port) that speaks the Ollama native API
 * as the `ollama` client sees it: `POST /api/chat` (JSON, or NDJSON when `stream` is not
 * `false`), `GET /api/tags`, `POST /api/show` and `GET /api/version`, with Ollama's error
 * bodies (`{"error":"model 'x' not found"}`) and mid-stream `{"error": ...}` lines.
 * Replies and faults are scripted with `enqueue`; every request is recorded.
 *
 * Tool calls carry an `id` only when the scripted reply gives one (older servers send none).
 *
 * @example
 * ```ts
 * const fake = await createOllamaFake();
 * fake.enqueue({ text: 'Hello!' }, { error: { status: 503 } });
 * const client = new Ollama({ host: fake.baseURL });
 * const reply = await client.chat({ model: 'llama3.2:3b', messages: [{ role: 'user', content: 'Hi' }] });
 * await fake.close();
 * ```
 */
export function createOllamaFake(): Promise<ProtocolFake> {
  return startFakeServer({
    api: 'ollama',
    defaultModels: ollamaFakeDefaultModels,
    defaultReply: { text: 'Hello from the Ollama fake.' },
    handle: routeOllamaRequest,
  });
}

async function routeOllamaRequest(exchange: FakeExchange): Promise<void> {
  const { method, path, body } = exchange.recorded;
  if (method === 'POST' && path === '/api/chat') return answerOllamaChat(exchange);
  if (method === 'GET' && path === '/api/tags') return sendJson(exchange.response, 200, ollamaModelList(exchange.models()));
  if (method === 'GET' && path === '/api/version') return sendJson(exchange.response, 200, { version: '0.12.6' });
  if (method === 'POST' && path === '/api/show') {
    const model = readModelName(body);
    if (model === undefined) return sendJson(exchange.response, 400, { error: 'model is required' });
    if (!isKnownOllamaModel(exchange.models(), model)) return sendJson(exchange.response, 404, { error: `model '${model}' not found` });
    return sendJson(exchange.response, 200, ollamaShowResponse(model));
  }
  // Gin's answer to an unknown route.
  exchange.response.writeHead(404, { 'content-type': 'text/plain' });
  exchange.response.end('404 page not found');
}
