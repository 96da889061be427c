import { ProviderError, type ProviderV1StreamPart, type ProviderV1Usage, type ProviderV1Warning } from '@llm-actions/core';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { mapOpenAIError, type OpenAIErrorContext } from './map-openai-error.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { mapOpenAIToolCall, mapOpenAIUsage, refusalWarning } from './map-openai-response.js';

/** What the stream mapping needs besides the chunks. */
export interface OpenAIStreamContext extends OpenAIErrorContext {
  /** Status and safe headers of the HTTP response that carries the stream. */
  response: { status: number; headers: Record<string, string> };
  /** Warnings found while reading the stream (bad tool-call JSON, refusals) are added here. */
  warnings: ProviderV1Warning[];
}

/**
 * Maps the client's chunk stream to core's stream parts: a `text-delta` per content delta,
 * a `tool-call` per call once its argument deltas are complete, then one `finish` part with the
 * usage from the final chunk (`stream_options.include_usage`). A stream that ends without a
 * finish reason (dropped connection, abort) throws a `ProviderError`. Returning early closes
 * the HTTP request, because the client aborts it when its iterator is returned.
 */
export async function* mapOpenAIStream(chunks: AsyncIterable<ChatCompletionChunk>, context: OpenAIStreamContext): AsyncGenerator<ProviderV1StreamPart> {
  const toolCalls = new Map<number, { id?: string; name: string; arguments: string }>();
  let finishReason: string | undefined;
  let usage: ProviderV1Usage = {};
  let id: string | undefined;
  let modelId: string | undefined;
  let refusal = '';
  try {
    for await (const chunk of chunks) {
      id ??= chunk.id;
      modelId ??= chunk.model;
      if (chunk.usage) usage = mapOpenAIUsage(chunk.usage);
      const choice = chunk.choices?.[0];
      if (choice === undefined) continue;
      if (choice.delta?.content) yield { type: 'text-delta', delta: choice.delta.content };
      if (choice.delta?.refusal) refusal += choice.delta.refusal;
      for (const delta of choice.delta?.tool_calls ?? []) {
        // Some compatible servers leave out `index`; a new id then starts a new call.
        const index = delta.index ?? (delta.id || toolCalls.size === 0 ? toolCalls.size : toolCalls.size - 1);
        const call = toolCalls.get(index) ?? { name: '', arguments: '' };
        if (delta.id) call.id = delta.id;
        // The name comes whole in the first delta; servers that repeat it must not double it.
        if (delta.function?.name && call.name === '') call.name = delta.function.name;
        call.arguments += delta.function?.arguments ?? '';
        toolCalls.set(index, call);
      }
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
  } catch (error) {
    throw mapOpenAIError(error, context);
  }
  // The client ends its iterator quietly when the request is aborted, so the signal is checked here.
  if (context.signal?.aborted) throw mapOpenAIError(context.signal.reason, context);
  if (finishReason === undefined) {
    const message = `[llm-actions/provider-openai] The stream from ${context.provider} ended before the reply was complete.`;
    throw new ProviderError({ provider: context.provider, kind: 'network', message });
  }
  const sorted = [...toolCalls.entries()].sort(([left], [right]) => left - right);
  for (const [index, call] of sorted) yield { type: 'tool-call', toolCall: mapOpenAIToolCall(call, index, context.warnings) };
  let unified = mapOpenAIFinishReason(finishReason);
  if (refusal !== '') {
    unified = { ...unified, unified: 'content-filter' };
    context.warnings.push(refusalWarning(refusal));
  }
  yield { type: 'finish', finishReason: unified, usage, response: { id, modelId, ...context.response } };
}
