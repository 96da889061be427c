import type { Message } from '@anthropic-ai/sdk/resources/messages';
import type { ProviderV1FinishReason, ProviderV1ToolCall, ProviderV1Usage } from '@llm-actions/core';
import { jsonAnswerText, type JsonMode } from './anthropic-json-mode.js';

/** Usage fields as they appear on the wire; any of them may be missing or null. */
export interface AnthropicUsageFields {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  output_tokens_details?: { thinking_tokens?: number | null } | null;
}

/**
 * Maps the API's usage. Anthropic's `input_tokens` counts only uncached prompt tokens,
 * while the contract's `inputTokens` counts all of them, so cache reads and writes are added.
 */
export function toUsage(usage: AnthropicUsageFields): ProviderV1Usage {
  const result: ProviderV1Usage = {};
  const cacheRead = usage.cache_read_input_tokens ?? undefined;
  const cacheWrite = usage.cache_creation_input_tokens ?? undefined;
  if (usage.input_tokens != null) result.inputTokens = usage.input_tokens + (cacheRead ?? 0) + (cacheWrite ?? 0);
  if (usage.output_tokens != null) result.outputTokens = usage.output_tokens;
  if (cacheRead !== undefined) result.cacheReadTokens = cacheRead;
  if (cacheWrite !== undefined) result.cacheWriteTokens = cacheWrite;
  const thinking = usage.output_tokens_details?.thinking_tokens;
  if (thinking != null) result.reasoningTokens = thinking;
  return result;
}

/** Merges a `message_delta` usage (cumulative counts) over the one from `message_start`. */
export function mergeUsage(start: AnthropicUsageFields, delta: AnthropicUsageFields): AnthropicUsageFields {
  const merged: AnthropicUsageFields = { ...start };
  for (const [name, value] of Object.entries(delta) as Array<[keyof AnthropicUsageFields, never]>) {
    if (value != null) merged[name] = value;
  }
  return merged;
}

const unifiedReasons: Record<string, ProviderV1FinishReason['unified']> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool-calls',
  refusal: 'content-filter',
};

/** Maps `stop_reason`; a call of the JSON answer tool is a normal stop, not a tool call. */
export function toFinishReason(stopReason: string | null | undefined, answeredWithJson: boolean): ProviderV1FinishReason {
  if (stopReason == null) return { unified: 'other' };
  const unified = stopReason === 'tool_use' && answeredWithJson ? 'stop' : (unifiedReasons[stopReason] ?? 'other');
  return { unified, raw: stopReason };
}

/** Text, tool calls and finish reason of a complete `Message`. */
export function readMessage(message: Message, jsonMode: JsonMode | undefined): {
  text: string;
  toolCalls: ProviderV1ToolCall[];
  finishReason: ProviderV1FinishReason;
} {
  let text = '';
  let answer: string | undefined;
  const toolCalls: ProviderV1ToolCall[] = [];
  for (const block of message.content) {
    if (block.type === 'text') text += block.text;
    else if (block.type === 'tool_use' && jsonMode && block.name === jsonMode.toolName) answer = jsonAnswerText(jsonMode, block.input);
    else if (block.type === 'tool_use') toolCalls.push({ id: block.id, name: block.name, input: block.input });
  }
  // With JSON emulation the answer tool's input is the text; any prose around it is dropped.
  return {
    text: answer ?? text,
    toolCalls,
    finishReason: toFinishReason(message.stop_reason, answer !== undefined),
  };
}
