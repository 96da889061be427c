import type { ProviderV1FinishReason } from '@llm-actions/core';

const unifiedReasons: Record<string, ProviderV1FinishReason['unified']> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool-calls',
  // The deprecated single function call of older models and servers.
  function_call: 'tool-calls',
  content_filter: 'content-filter',
};

/**
 * Maps OpenAI's `finish_reason` (`stop`, `length`, `tool_calls`, `content_filter`) to the
 * unified value, keeping the raw word. Unknown values, from compatible servers, become `other`.
 */
export function mapOpenAIFinishReason(raw: string | null | undefined): ProviderV1FinishReason {
  if (typeof raw !== 'string') return { unified: 'other' };
  return { unified: unifiedReasons[raw] ?? 'other', raw };
}
