import { ProviderError, type ProviderV1RawExchange, type ProviderV1StreamPart } from '@llm-actions/core';
import type { AcmeStreamEvent } from './acme-api.js';
import { acmeErrorFromException, messagePrefix, type AcmeErrorContext } from './map-acme-error.js';
import { mapAcmeFinishReason, mapAcmeToolCall, mapAcmeUsage } from './map-acme-response.js';

/** What the stream mapper needs besides the body. */
export interface AcmeStreamContext extends AcmeErrorContext {
  /** Status and headers of the response, attached to the finish part for diagnostics. */
  response: NonNullable<ProviderV1RawExchange['response']>;
}

/**
 * Reads Acme's NDJSON stream and yields contract stream parts: `text-delta` per
 * `delta` event, `tool-call` per `tool_call` event, and exactly one `finish` at `done`.
 * Failures are thrown as `ProviderError`s: an `error` event, a line that is not JSON,
 * a connection that drops, or a stream that ends without `done`. Aborting the request's
 * signal rejects the pending read at once, which also closes the connection.
 */
export async function* readAcmeStream(body: ReadableStream<Uint8Array>, context: AcmeStreamContext): AsyncGenerator<ProviderV1StreamPart> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let sawToolCall = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = buffer.split('\n');
      // The last piece may be half a line; keep it for the next read (all of it at the end).
      buffer = done ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        if (line.trim() === '') continue;
        const event = JSON.parse(line) as AcmeStreamEvent;
        if (event.type === 'delta') {
          if (event.text !== '') yield { type: 'text-delta', delta: event.text };
        } else if (event.type === 'tool_call') {
          sawToolCall = true;
          yield { type: 'tool-call', toolCall: mapAcmeToolCall(event.tool_call) };
        } else if (event.type === 'error') {
          throw new ProviderError({
            provider: 'acme',
            kind: 'server',
            retryable: true,
            message: `${messagePrefix} Acme reported an error mid-stream (${event.error.code}): ${event.error.message}`,
            responseBody: event,
          });
        } else if (event.type === 'done') {
          yield {
            type: 'finish',
            finishReason: mapAcmeFinishReason(event.stop_reason, sawToolCall),
            usage: mapAcmeUsage(event.usage),
            response: { ...context.response, id: event.id, modelId: event.model },
          };
          return;
        }
      }
      if (done) break;
    }
  } catch (error) {
    throw acmeErrorFromException(error, context);
  } finally {
    // Ends the HTTP response when the consumer stops early or the stream failed; a no-op after `done`.
    reader.cancel().catch(() => undefined);
  }
  throw new ProviderError({
    provider: 'acme',
    kind: 'network',
    message: `${messagePrefix} The Acme stream ended without a "done" event; the response was cut off.`,
  });
}
