import { isFakeErrorReply, sendJson, startFakeServer, type FakeErrorReply, type FakeExchange, type FakeSuccessReply, type ProtocolFake } from '@llm-actions/testing';
import type { AcmeGenerateBody, AcmeModelList } from './acme-api.js';
import { acmeDoneEvent, acmeErrorBody, acmeResponse, acmeStreamEvents } from './acme-fake-render.js';

/** Models an Acme fake knows until `setModels` is called. */
export const acmeFakeDefaultModels = ['acme-text-small', 'acme-text-large'];

let responseCount = 0;

/**
 * Starts a local server on 127.0.0.1 (random port) that speaks the Acme Text API
 * (see `acme-api.ts`): `POST /v1/generate` as JSON or as an NDJSON stream, and
 * `GET /v1/models`, with Acme's error bodies. It implements `ProtocolFake` from
 * `@llm-actions/testing`, so `runProviderConformance` can script it: replies, HTTP
 * errors with headers, delays, and stream faults (dropped connection, broken line,
 * in-stream error). Requests without `Authorization: Bearer ...` get a 401.
 *
 * @example
 * ```ts
 * const fake = await createAcmeFake();
 * fake.enqueue({ error: { status: 429, headers: { 'retry-after': '1' } } }, { text: 'Hello!' });
 * const acme = createAcme({ baseURL: fake.baseURL, apiKey: 'test-key' });
 * // ... run, then:
 * await fake.close();
 * ```
 */
export function createAcmeFake(): Promise<ProtocolFake> {
  return startFakeServer({
    api: 'acme',
    basePath: '/v1',
    defaultModels: acmeFakeDefaultModels,
    defaultReply: { text: 'Hello from the Acme fake.' },
    handle: routeAcmeRequest,
  });
}

async function routeAcmeRequest(call: FakeExchange): Promise<void> {
  const { method, path, headers } = call.recorded;
  if (!/^Bearer \S+/.test(headers.authorization ?? '')) {
    return sendJson(call.response, 401, acmeErrorBody(401, 'Send the API key as "Authorization: Bearer <key>".'));
  }
  if (method === 'POST' && path === '/v1/generate') return answerGenerate(call);
  if (method === 'GET' && path === '/v1/models') {
    const list: AcmeModelList = { models: call.models().map((id) => ({ id, name: id.replace(/-/g, ' '), context_length: 32_768 })) };
    return sendJson(call.response, 200, list);
  }
  sendJson(call.response, 404, acmeErrorBody(404, `There is no route ${method} ${path}.`));
}

async function answerGenerate(call: FakeExchange): Promise<void> {
  const body = call.recorded.body as Partial<AcmeGenerateBody> | undefined;
  if (typeof body?.model !== 'string' || !Array.isArray(body.messages)) {
    return sendJson(call.response, 400, acmeErrorBody(400, 'The body needs "model" and "messages".'));
  }
  // An unknown model is refused before a scripted reply is used, as the real API would.
  if (!call.models().includes(body.model)) {
    return sendJson(call.response, 404, acmeErrorBody(404, `Model '${body.model}' does not exist.`, 'model_not_found'));
  }
  const reply = call.nextReply();
  await call.wait(reply.delayMs);
  if (call.isClosed()) return;
  if (isFakeErrorReply(reply)) return sendScriptedError(call, reply);
  const id = `gen_${(responseCount += 1).toString().padStart(4, '0')}`;
  if (body.stream === true) return streamAnswer(call, id, body.model, reply);
  sendJson(call.response, 200, acmeResponse(id, body.model, reply));
}

function sendScriptedError(call: FakeExchange, reply: FakeErrorReply): void {
  const { status, message, type, headers = {}, body } = reply.error;
  if (typeof body === 'string') {
    call.response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    return void call.response.end(body);
  }
  sendJson(call.response, status, body ?? acmeErrorBody(status, message, type), headers);
}

async function streamAnswer(call: FakeExchange, id: string, model: string, reply: FakeSuccessReply): Promise<void> {
  const { response } = call;
  response.writeHead(200, { 'content-type': 'application/x-ndjson' });
  const events = acmeStreamEvents(reply);
  // Index `n` is the moment after `n` events were written: where scripted faults strike.
  for (let index = 0; index <= events.length; index += 1) {
    if (index > 0) await call.wait(reply.chunkDelayMs);
    if (call.isClosed()) return;
    if (reply.dropAfterChunks === index) return call.dropConnection();
    if (reply.malformedAfterChunks === index) response.write('{"type":"delta","text":\n');
    if (reply.streamErrorAfterChunks?.after === index) {
      const event = { type: 'error', error: { code: 'internal', message: reply.streamErrorAfterChunks.message } };
      return void response.end(`${JSON.stringify(event)}\n`);
    }
    const event = events[index];
    if (event !== undefined) response.write(`${JSON.stringify(event)}\n`);
  }
  response.end(`${JSON.stringify(acmeDoneEvent(id, model, reply))}\n`);
}
