import type { FakeErrorReply, FakeReply, FakeSuccessReply, FakeUsage } from './protocol-fake.js';

/** True when the reply is an HTTP error rather than a model answer. */
export function isFakeErrorReply(reply: FakeReply): reply is FakeErrorReply {
  return 'error' in reply && typeof reply.error === 'object' && reply.error !== null;
}

/** The full text of a success reply: its `text`, or its chunks joined. */
export function replyText(reply: FakeSuccessReply): string {
  return reply.text ?? reply.chunks?.join('') ?? '';
}

/**
 * The stream pieces of a success reply: its explicit `chunks`, or its text split
 * after whitespace into at most four pieces, so that streams really arrive in parts.
 */
export function replyChunks(reply: FakeSuccessReply): string[] {
  if (reply.chunks) return reply.chunks;
  const text = replyText(reply);
  if (text === '') return [];
  const words = text.match(/\S+\s*|\s+/g) ?? [text];
  const size = Math.ceil(words.length / 4);
  const chunks: string[] = [];
  for (let index = 0; index < words.length; index += size) chunks.push(words.slice(index, index + size).join(''));
  return chunks;
}

/** The unified finish reason of a success reply: as given, else `tool-calls` when it calls tools, else `stop`. */
export function replyFinishReason(reply: FakeSuccessReply): 'stop' | 'length' | 'tool-calls' {
  return reply.finishReason ?? (reply.toolCalls && reply.toolCalls.length > 0 ? 'tool-calls' : 'stop');
}

/** The usage of a success reply: as given, else a stable estimate from the text (about four characters a token). */
export function replyUsage(reply: FakeSuccessReply): FakeUsage {
  return reply.usage ?? { inputTokens: 12, outputTokens: Math.max(1, Math.ceil(replyText(reply).length / 4)) };
}

/** A short random id in the style the APIs use for tool calls, e.g. `call_k3j9x2ab`. */
export function fakeId(prefix: string): string {
  return `${prefix}${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}`;
}
