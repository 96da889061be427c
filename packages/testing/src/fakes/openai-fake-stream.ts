import { finishReasonOf, openAIErrorBody, toolCallsOf, usageBody } from './openai-fake-bodies.js';
import type { FakeSuccessReply } from './protocol-fake.js';
import { replyChunks, replyUsage } from './shared-fake-replies.js';
import type { FakeExchange } from './shared-fake-server.js';

/** What a streamed reply needs besides the reply itself. */
export interface OpenAIStreamContext {
  id: string;
  model: string;
  created: number;
  requestId: string;
  /** `stream_options.include_usage` was set: send the usage chunk, and `usage: null` on the others. */
  includeUsage: boolean;
}

/**
 * Writes a `chat.completion.chunk` SSE stream the way the API does: a role preamble, content
 * deltas, tool-call deltas (index, id and name first, then argument fragments), a chunk with the
 * finish reason, the usage chunk with empty `choices` when asked for, then `data: [DONE]`.
 * Fault positions count the chunks after the preamble.
 */
export async function writeOpenAIStream(exchange: FakeExchange, reply: FakeSuccessReply, context: OpenAIStreamContext): Promise<void> {
  const envelope = (choices: unknown[], usage: unknown = null) => ({
    id: context.id,
    object: 'chat.completion.chunk',
    created: context.created,
    model: context.model,
    system_fingerprint: 'fp_fake',
    choices,
    ...(context.includeUsage ? { usage } : {}),
  });
  const choice = (delta: Record<string, unknown>, finishReason: string | null = null) => ({ index: 0, delta, logprobs: null, finish_reason: finishReason });
  const chunks: unknown[] = replyChunks(reply).map((piece) => envelope([choice({ content: piece })]));
  toolCallsOf(reply).forEach((call, index) => {
    const { name, arguments: json } = call.function;
    chunks.push(envelope([choice({ tool_calls: [{ index, id: call.id, type: 'function', function: { name, arguments: '' } }] })]));
    for (const fragment of splitInThree(json)) chunks.push(envelope([choice({ tool_calls: [{ index, function: { arguments: fragment } }] })]));
  });
  chunks.push(envelope([choice({}, finishReasonOf(reply))]));
  if (context.includeUsage) chunks.push(envelope([], usageBody(replyUsage(reply))));

  const { response } = exchange;
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': context.requestId });
  response.write(event(envelope([choice({ role: 'assistant', content: '', refusal: null })])));
  for (let index = 0; index <= chunks.length; index += 1) {
    if (index > 0) await exchange.wait(reply.chunkDelayMs);
    if (exchange.isClosed()) return;
    if (reply.dropAfterChunks === index) return exchange.dropConnection();
    if (reply.malformedAfterChunks === index) {
      response.end(`data: {"id":"${context.id}","object":"chat.completion.chunk","choices":[{"delta":\n\n`);
      return;
    }
    if (reply.streamErrorAfterChunks?.after === index) {
      response.end(event(openAIErrorBody(reply.streamErrorAfterChunks.message, 'server_error')));
      return;
    }
    const chunk = chunks[index];
    if (chunk !== undefined) response.write(event(chunk));
  }
  response.end('data: [DONE]\n\n');
}

function event(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

/** Argument JSON cut into up to three fragments, so that clients must join the deltas. */
function splitInThree(json: string): string[] {
  const third = Math.ceil(json.length / 3);
  return [json.slice(0, third), json.slice(third, third * 2), json.slice(third * 2)].filter((part) => part !== '');
}
