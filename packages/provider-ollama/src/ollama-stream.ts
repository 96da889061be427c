import type { ProviderV1StreamPart } from '@llm-actions/core';
import type { AbortableAsyncIterator, ChatResponse } from 'ollama';
import { convertFromOllamaToolCalls, type OllamaToolCall } from './convert-to-ollama-messages.js';
import { mapOllamaError, type OllamaErrorContext } from './map-ollama-error.js';
import { mapOllamaFinishReason, mapOllamaUsage } from './map-ollama-finish-reason.js';
import type { CapturedResponse } from './ollama-call.js';

/** What {@link mapOllamaStream} needs besides the client's iterator. */
export interface OllamaStreamContext extends OllamaErrorContext {
  response: CapturedResponse;
  generateId: () => string;
}

/**
 * Turns the client's NDJSON iterator into contract stream parts: a `text-delta` per
 * non-empty content piece, a `tool-call` per call (Ollama sends each call whole), and
 * one `finish` from the `done: true` object. Aborting the signal, or leaving the loop
 * early, aborts the client's request so the HTTP connection closes.
 */
export async function* mapOllamaStream(
  iterator: AbortableAsyncIterator<ChatResponse>,
  context: OllamaStreamContext,
): AsyncGenerator<ProviderV1StreamPart> {
  const onAbort = (): void => iterator.abort();
  context.signal?.addEventListener('abort', onAbort, { once: true });
  let finished = false;
  let calledTools = false;
  try {
    if (context.signal?.aborted) iterator.abort();
    for await (const chunk of iterator) {
      const content = chunk.message?.content ?? '';
      if (content !== '') yield { type: 'text-delta', delta: content };
      const calls = convertFromOllamaToolCalls(chunk.message?.tool_calls as OllamaToolCall[] | undefined, context.generateId);
      for (const toolCall of calls) {
        calledTools = true;
        yield { type: 'tool-call', toolCall };
      }
      if (chunk.done) {
        finished = true;
        yield {
          type: 'finish',
          finishReason: mapOllamaFinishReason(chunk.done_reason, calledTools),
          usage: mapOllamaUsage(chunk),
          response: { modelId: chunk.model, status: context.response.status, headers: context.response.headers, body: chunk },
        };
      }
    }
  } catch (error) {
    throw mapOllamaError(error, { ...context, inStream: true });
  } finally {
    context.signal?.removeEventListener('abort', onAbort);
    // A consumer that stops early must not leave the connection open.
    if (!finished) iterator.abort();
  }
}
