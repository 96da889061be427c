import type { FakeSuccessReply } from '@llm-actions/testing';
import type { AcmeErrorBody, AcmeGenerateResponse, AcmeStopReason, AcmeStreamEvent, AcmeToolCall, AcmeUsage } from './acme-api.js';

/** True when a scripted reply is an HTTP error rather than a model answer. */

/** Acme's error code per status, used when a scripted error names none. */
const errorCodes: Record<number, string> = {
  400: 'invalid_request',
  401: 'invalid_api_key',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  409: 'conflict',
  429: 'rate_limited',
  500: 'internal',
  503: 'overloaded',
};

/** The body of an Acme error response for a status. */
export function acmeErrorBody(status: number, message?: string, code?: string): AcmeErrorBody {
  return { error: { code: code ?? errorCodes[status] ?? `http_${status}`, message: message ?? `The request failed with status ${status}.` } };
}

/** The stream pieces of a reply: its `chunks`, or its text cut after words into at most three pieces. */
export function replyChunks(reply: FakeSuccessReply): string[] {
  if (reply.chunks) return reply.chunks;
  const words = (reply.text ?? '').match(/\S+\s*|\s+/g) ?? [];
  const size = Math.max(1, Math.ceil(words.length / 3));
  const chunks: string[] = [];
  for (let index = 0; index < words.length; index += size) chunks.push(words.slice(index, index + size).join(''));
  return chunks;
}

function replyText(reply: FakeSuccessReply): string {
  return reply.text ?? reply.chunks?.join('') ?? '';
}

function stopReason(reply: FakeSuccessReply): AcmeStopReason {
  if (reply.finishReason === 'length') return 'max_tokens';
  if (reply.finishReason === 'tool-calls' || (reply.finishReason === undefined && (reply.toolCalls?.length ?? 0) > 0)) return 'tool_use';
  return 'end';
}

function usage(reply: FakeSuccessReply): AcmeUsage {
  const given = reply.usage;
  if (!given) return { prompt_tokens: 12, output_tokens: Math.max(1, Math.ceil(replyText(reply).length / 4)) };
  return {
    prompt_tokens: given.inputTokens,
    output_tokens: given.outputTokens,
    ...(given.cacheReadTokens === undefined ? {} : { cached_prompt_tokens: given.cacheReadTokens }),
  };
}

/** The tool calls of a reply, each with an id (Acme always sends one). */
export function toolCalls(reply: FakeSuccessReply): AcmeToolCall[] {
  return (reply.toolCalls ?? []).map((call, index) => ({ id: call.id ?? `call_${index}_${Date.now().toString(36)}`, name: call.name, arguments: call.input }));
}

/** The answer of a non-streamed `POST /generate`. */
export function acmeResponse(id: string, model: string, reply: FakeSuccessReply): AcmeGenerateResponse {
  const calls = toolCalls(reply);
  return { id, model, output: replyText(reply), ...(calls.length > 0 ? { tool_calls: calls } : {}), stop_reason: stopReason(reply), usage: usage(reply) };
}

/** The events of a streamed answer before `done`: text deltas, then each tool call whole. */
export function acmeStreamEvents(reply: FakeSuccessReply): AcmeStreamEvent[] {
  return [
    ...replyChunks(reply).map((text): AcmeStreamEvent => ({ type: 'delta', text })),
    ...toolCalls(reply).map((tool_call): AcmeStreamEvent => ({ type: 'tool_call', tool_call })),
  ];
}

/** The closing `done` event of a streamed answer. */
export function acmeDoneEvent(id: string, model: string, reply: FakeSuccessReply): AcmeStreamEvent {
  return { type: 'done', id, model, stop_reason: stopReason(reply), usage: usage(reply) };
}
