import {
  anthropicErrorBody,
  anthropicRequestId,
  sendAnthropicError,
  sendScriptedAnthropicError,
} from './anthropic-fake-errors.js';
import { formatServerSentEvent, renderAnthropicMessage, renderAnthropicStream } from './anthropic-fake-render.js';
import { validateMessagesBody, type AnthropicMessagesBody } from './anthropic-fake-validate.js';
import type { FakeSuccessReply } from './protocol-fake.js';
import { isFakeErrorReply } from './shared-fake-replies.js';
import { sendJson, type FakeExchange } from './shared-fake-server.js';

/**
 * Answers `POST /v1/messages`: validates the body as the API would, refuses unknown
 * models with 404 `not_found_error`, then renders the next scripted reply as a
 * `Message` (JSON) or as SSE when the body says `"stream": true`.
 */
export async function answerAnthropicMessages(exchange: FakeExchange): Promise<void> {
  const { body, headers } = exchange.recorded;
  const invalid = validateMessagesBody(body, headers['anthropic-version'] ?? '');
  if (invalid !== undefined) return sendAnthropicError(exchange.response, 400, 'invalid_request_error', invalid);
  const request = body as AnthropicMessagesBody;
  // An unknown model is refused before any scripted reply is used, as the real API does.
  if (!exchange.models().includes(request.model)) {
    return sendAnthropicError(exchange.response, 404, 'not_found_error', `model: ${request.model}`);
  }
  const reply = exchange.nextReply();
  await exchange.wait(reply.delayMs);
  if (exchange.isClosed()) return;
  if (isFakeErrorReply(reply)) return sendScriptedAnthropicError(exchange.response, reply);
  if (request.stream !== true) {
    return sendJson(exchange.response, 200, renderAnthropicMessage(request.model, reply), { 'request-id': anthropicRequestId() });
  }
  return streamMessage(exchange, request.model, reply);
}

/** Writes the reply's events, applying the scripted delays and faults between chunks. */
async function streamMessage(exchange: FakeExchange, model: string, reply: FakeSuccessReply): Promise<void> {
  const { response } = exchange;
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'request-id': anthropicRequestId(),
  });
  let written = 0;
  for (const [position, event] of renderAnthropicStream(model, reply).entries()) {
    if (event.chunk && written > 0) await exchange.wait(reply.chunkDelayMs);
    if (exchange.isClosed()) return;
    response.write(formatServerSentEvent(event.event, event.data));
    if (event.chunk) written += 1;
    // Faults apply once `message_start` is out (after 0 chunks) and after each chunk.
    if ((position === 0 || event.chunk) && injectFault(exchange, reply, written)) return;
  }
  response.end();
}

/** Applies the fault scripted for the point after `written` chunks; true when the stream is over. */
function injectFault(exchange: FakeExchange, reply: FakeSuccessReply, written: number): boolean {
  const { response } = exchange;
  if (reply.dropAfterChunks === written) {
    exchange.dropConnection();
    return true;
  }
  if (reply.malformedAfterChunks === written) {
    // A known event name with data that is not JSON: the SDK rethrows the parse error.
    response.end('event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":\n\n');
    return true;
  }
  if (reply.streamErrorAfterChunks?.after === written) {
    const body = anthropicErrorBody('overloaded_error', reply.streamErrorAfterChunks.message);
    response.end(formatServerSentEvent('error', { type: body.type, error: body.error }));
    return true;
  }
  return false;
}
