import { ProviderError, type ProviderV1RawExchange, type ProviderV1Result, type ProviderV1ToolCall, type ProviderV1Usage, type ProviderV1Warning } from '@llm-actions/core';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';

/**
 * Maps OpenAI's usage: prompt and completion tokens, cached prompt tokens as cache reads,
 * `cache_write_tokens` as cache writes, and reasoning tokens. Absent counts stay absent.
 */
export function mapOpenAIUsage(usage: CompletionUsage | null | undefined): ProviderV1Usage {
  if (!usage) return {};
  const promptDetails = usage.prompt_tokens_details as { cached_tokens?: number; cache_write_tokens?: number } | undefined;
  const counts: ProviderV1Usage = {
    inputTokens: usage.prompt_tokens,
    outputTokens: usage.completion_tokens,
    cacheReadTokens: promptDetails?.cached_tokens,
    cacheWriteTokens: promptDetails?.cache_write_tokens,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens,
  };
  return Object.fromEntries(Object.entries(counts).filter(([, value]) => typeof value === 'number'));
}

/**
 * Parses one tool call. Arguments that are not valid JSON are kept as the raw string, with
 * a warning, so that core's input validation reports them instead of the provider throwing.
 */
export function mapOpenAIToolCall(
  call: { id?: string | undefined; name: string; arguments: string },
  index: number,
  warnings: ProviderV1Warning[],
): ProviderV1ToolCall {
  // Some compatible servers send no id; a stable one still pairs the call with its result.
  const id = call.id || `call_${index}`;
  if (call.arguments.trim() === '') return { id, name: call.name, input: {} };
  try {
    return { id, name: call.name, input: JSON.parse(call.arguments) };
  } catch {
    warnings.push({ type: 'other', message: `The arguments of tool call ${id} (${call.name}) are not valid JSON; they are passed on as a string.` });
    return { id, name: call.name, input: call.arguments };
  }
}

/** A refusal (structured outputs) is reported as a content-filter finish with the model's words as a warning. */
export function refusalWarning(refusal: string): ProviderV1Warning {
  return { type: 'other', message: `The model refused: ${refusal}` };
}

/** Maps a non-streamed `chat.completion` into core's result. */
export function mapOpenAICompletion(
  completion: ChatCompletion,
  context: { provider: string; request: ProviderV1RawExchange['request']; response: { status: number; headers: Record<string, string> }; warnings: ProviderV1Warning[] },
): ProviderV1Result {
  // A server that is not OpenAI-compatible may answer 200 with HTML or another JSON shape.
  const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
  if (choice?.message === undefined) {
    const message = `[llm-actions/provider-openai] ${context.provider} answered without a chat completion choice. Check that baseURL points at an OpenAI-compatible /v1 endpoint.`;
    throw new ProviderError({ provider: context.provider, kind: 'server', retryable: false, message, responseBody: completion });
  }
  const warnings = [...context.warnings];
  const toolCalls = (choice.message.tool_calls ?? []).flatMap((call, index) =>
    call.type === 'function' ? [mapOpenAIToolCall({ id: call.id, ...call.function }, index, warnings)] : [],
  );
  const text = choice.message.content ?? '';
  let finishReason = mapOpenAIFinishReason(choice.finish_reason);
  if (choice.message.refusal) {
    finishReason = { ...finishReason, unified: 'content-filter' };
    warnings.push(refusalWarning(choice.message.refusal));
  }
  return {
    text,
    toolCalls,
    finishReason,
    usage: mapOpenAIUsage(completion.usage),
    warnings,
    request: context.request,
    response: { id: completion.id, modelId: completion.model, ...context.response, body: completion },
  };
}
