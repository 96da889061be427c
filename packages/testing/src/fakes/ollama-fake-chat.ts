import { isKnownOllamaModel, readModelName } from './ollama-fake-models.js';
import type { FakeErrorReply, FakeSuccessReply } from './protocol-fake.js';
import { isFakeErrorReply, replyChunks, replyFinishReason, replyText, replyUsage } from './shared-fake-replies.js';
import { sendJson, type FakeExchange } from './shared-fake-server.js';

/** Ollama's error text per status, as its server words them. */
const defaultErrorMessages: Record<number, string> = {
  400: 'invalid request',
  401: 'unauthorized',
  403: 'forbidden',
  429: 'too many requests',
  500: 'the model failed to generate a response',
  502: 'bad gateway',
  503: 'server busy, please try again.  maximum pending requests exceeded',
};

/** Answers `POST /api/chat` with the next scripted reply, as JSON or as an NDJSON stream. */
export async function answerOllamaChat(exchange: FakeExchange): Promise<void> {
  const { body } = exchange.recorded;
  if (body === undefined) return sendJson(exchange.response, 400, { error: 'missing request body' });
  const model = readModelName(body);
  if (model === undefined) return sendJson(exchange.response, 400, { error: 'model is required' });
  // An unknown model is refused before any scripted reply is used, as a real server would.
  if (!isKnownOllamaModel(exchange.models(), model)) {
    return sendJson(exchange.response, 404, { error: `model '${model}' not found` });
  }
  const reply = exchange.nextReply();
  await exchange.wait(reply.delayMs);
  if (exchange.isClosed()) return;
  if (isFakeErrorReply(reply)) return sendError(exchange, reply);
  // The server streams unless the request says `"stream": false`.
  const stream = (body as { stream?: unknown }).stream !== false;
  if (!stream) return sendJson(exchange.response, 200, { ...chatChunk(model, messageOf(reply, replyText(reply))), ...finalFields(reply) });
  return streamChat(exchange, model, reply);
}

function sendError(exchange: FakeExchange, reply: FakeErrorReply): void {
  const { status, message, headers = {}, body } = reply.error;
  const errorBody = body ?? { error: message ?? defaultErrorMessages[status] ?? `error ${status}` };
  if (typeof errorBody === 'string') {
    exchange.response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    exchange.response.end(errorBody);
    return;
  }
  sendJson(exchange.response, status, errorBody, headers);
}

async function streamChat(exchange: FakeExchange, model: string, reply: FakeSuccessReply): Promise<void> {
  const { response } = exchange;
  response.writeHead(200, { 'content-type': 'application/x-ndjson' });
  // Text pieces first, then each tool call whole in its own object, as the server sends them.
  const lines = [
    ...replyChunks(reply).map((chunk) => chatChunk(model, { role: 'assistant', content: chunk })),
    ...(reply.toolCalls ?? []).map((call, index) =>
      chatChunk(model, { role: 'assistant', content: '', tool_calls: [renderToolCall(call, index)] }),
    ),
  ];
  for (let index = 0; index <= lines.length; index += 1) {
    if (index > 0) await exchange.wait(reply.chunkDelayMs);
    if (exchange.isClosed()) return;
    if (reply.dropAfterChunks === index) return exchange.dropConnection();
    if (reply.malformedAfterChunks === index) response.write(`{"model":"${model}","message":{"role":\n`);
    if (reply.streamErrorAfterChunks?.after === index) {
      response.end(`${JSON.stringify({ error: reply.streamErrorAfterChunks.message })}\n`);
      return;
    }
    const line = lines[index];
    if (line !== undefined) response.write(`${JSON.stringify(line)}\n`);
  }
  response.end(`${JSON.stringify({ ...chatChunk(model, { role: 'assistant', content: '' }), ...finalFields(reply) })}\n`);
}

function chatChunk(model: string, message: Record<string, unknown>): Record<string, unknown> {
  return { model, created_at: new Date().toISOString(), message, done: false };
}

function messageOf(reply: FakeSuccessReply, content: string): Record<string, unknown> {
  const toolCalls = reply.toolCalls ?? [];
  return { role: 'assistant', content, ...(toolCalls.length > 0 ? { tool_calls: toolCalls.map(renderToolCall) } : {}) };
}

function renderToolCall(call: NonNullable<FakeSuccessReply['toolCalls']>[number], index: number): Record<string, unknown> {
  return { ...(call.id === undefined ? {} : { id: call.id }), function: { index, name: call.name, arguments: call.input } };
}

/** The fields of the object with `done: true`: reason, durations (ns) and token counts. */
function finalFields(reply: FakeSuccessReply): Record<string, unknown> {
  const usage = replyUsage(reply);
  // Ollama has no `tool-calls` reason: a reply that calls tools still ends with `stop`.
  const doneReason = replyFinishReason(reply) === 'length' ? 'length' : 'stop';
  return {
    done: true,
    done_reason: doneReason,
    total_duration: 174560334,
    load_duration: 101397084,
    prompt_eval_count: usage.inputTokens,
    prompt_eval_duration: 13074791,
    eval_count: usage.outputTokens,
    eval_duration: 52479709,
  };
}
