/**
 * Renders a scripted reply as the Anthropic Messages API does: the `Message` JSON of a
 * plain call (wire reference §2) or the SSE events of a streamed one (§3).
 */
import type { FakeSuccessReply, FakeUsage } from './protocol-fake.js';
import { fakeId, replyChunks, replyFinishReason, replyText, replyUsage } from './shared-fake-replies.js';

/** One server-sent event; `chunk` marks the event that completes a chunk, for fault injection. */
export interface AnthropicStreamEvent {
  event: string;
  data: Record<string, unknown>;
  chunk?: true;
}

const stopReasons = { stop: 'end_turn', length: 'max_tokens', 'tool-calls': 'tool_use' } as const;

type ToolUseBlock = { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

/** The reply's tool calls as `tool_use` blocks, with ids in the API's `toolu_` style when none is scripted. */
function toolUseBlocks(reply: FakeSuccessReply): ToolUseBlock[] {
  return (reply.toolCalls ?? []).map((call) => ({ type: 'tool_use', id: call.id ?? fakeId('toolu_fake_'), name: call.name, input: call.input }));
}

/**
 * Usage in the API's fields. `input_tokens` counts uncached prompt tokens only, so it is the
 * scripted `inputTokens` (all prompt tokens, as in the provider contract) minus cache reads and writes.
 */
function usageFields(usage: FakeUsage): Record<string, number> {
  const cacheRead = usage.cacheReadTokens ?? 0;
  const cacheWrite = usage.cacheWriteTokens ?? 0;
  return {
    input_tokens: Math.max(0, usage.inputTokens - cacheRead - cacheWrite),
    cache_creation_input_tokens: cacheWrite,
    cache_read_input_tokens: cacheRead,
    output_tokens: usage.outputTokens,
  };
}

function messageShell(model: string): Record<string, unknown> {
  return { id: fakeId('msg_fake_'), type: 'message', role: 'assistant', model, content: [] as unknown[] };
}

/** The complete `Message` a non-streamed `POST /v1/messages` answers with. */
export function renderAnthropicMessage(model: string, reply: FakeSuccessReply): Record<string, unknown> {
  const text = replyText(reply);
  const tools = toolUseBlocks(reply);
  // A reply always has at least one block; a text block is left out only when tools carry the answer.
  const content = [...(text !== '' || tools.length === 0 ? [{ type: 'text', text }] : []), ...tools];
  return {
    ...messageShell(model),
    content,
    stop_reason: stopReasons[replyFinishReason(reply)],
    stop_sequence: null,
    usage: { ...usageFields(replyUsage(reply)), service_tier: 'standard' },
  };
}

/**
 * The events of a streamed reply, in the recorded order: `message_start`, per block
 * `content_block_start` / `content_block_delta`s / `content_block_stop` (with a `ping`
 * after the first start), `message_delta` with the stop reason and cumulative
 * `output_tokens`, `message_stop`. Each text delta is a chunk; each tool call is one chunk.
 */
export function renderAnthropicStream(model: string, reply: FakeSuccessReply): AnthropicStreamEvent[] {
  const usage = usageFields(replyUsage(reply));
  const message = { ...messageShell(model), stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } };
  const events: AnthropicStreamEvent[] = [{ event: 'message_start', data: { type: 'message_start', message } }];
  const chunks = replyChunks(reply);
  const tools = toolUseBlocks(reply);
  const blocks: Array<{ start: Record<string, unknown>; deltas: Array<Record<string, unknown>> }> = [];
  if (chunks.length > 0 || tools.length === 0) {
    blocks.push({ start: { type: 'text', text: '' }, deltas: chunks.map((text) => ({ type: 'text_delta', text })) });
  }
  for (const tool of tools) {
    const json = JSON.stringify(tool.input);
    const half = Math.ceil(json.length / 2);
    // The API starts a tool_use block with an empty input and streams its JSON in fragments.
    const fragments = ['', json.slice(0, half), json.slice(half)];
    blocks.push({ start: { ...tool, input: {} }, deltas: fragments.map((partial_json) => ({ type: 'input_json_delta', partial_json })) });
  }
  for (const [index, block] of blocks.entries()) {
    events.push({ event: 'content_block_start', data: { type: 'content_block_start', index, content_block: block.start } });
    if (index === 0) events.push({ event: 'ping', data: { type: 'ping' } });
    const toolBlock = block.start.type === 'tool_use';
    for (const [position, delta] of block.deltas.entries()) {
      const completesChunk = !toolBlock || position === block.deltas.length - 1;
      events.push({ event: 'content_block_delta', data: { type: 'content_block_delta', index, delta }, ...(completesChunk ? { chunk: true } : {}) });
    }
    events.push({ event: 'content_block_stop', data: { type: 'content_block_stop', index } });
  }
  const stopReason = stopReasons[replyFinishReason(reply)];
  events.push({
    event: 'message_delta',
    data: { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: usage.output_tokens } },
  });
  events.push({ event: 'message_stop', data: { type: 'message_stop' } });
  return events;
}

/** One event in SSE framing: an `event:` line (the SDK dispatches on it) and a `data:` line. */
export function formatServerSentEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
