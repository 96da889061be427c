import type { ProviderV1StreamPart } from '@llm-actions/core';
import { expect } from 'vitest';
import { collectParts, providerErrorOf, waitFor, type ConformanceRegistry } from './conformance-context.js';

/** A model name no fake knows. */
export const unknownModel = 'conformance-no-such-model';

/** Direct provider cases: HTTP failures become ProviderErrors, and the provider never retries itself. */
export function registerProviderErrorCases(registry: ConformanceRegistry): void {
  registry.test('auth-error', '401 becomes ProviderError kind auth, not retryable, one request', async (context) => {
    context.fake.enqueue({ error: { status: 401, message: 'invalid credentials' } });
    const error = await providerErrorOf(context.provider.doGenerate(context.request()));
    expect(error).toMatchObject({ kind: 'auth', status: 401, retryable: false, code: 'PROVIDER_ERROR' });
    expect(context.modelCalls()).toHaveLength(1);
  });

  registry.test('model-not-found', 'an unknown model becomes kind not-found, naming the model', async (context) => {
    const error = await providerErrorOf(context.provider.doGenerate(context.request({ model: unknownModel })));
    expect(error).toMatchObject({ kind: 'not-found', status: 404, retryable: false });
    expect(error.message).toContain(unknownModel);
  });

  registry.test('rate-limit-retry-after', '429 with Retry-After becomes rate-limit with retryAfterMs, one request', async (context) => {
    context.fake.enqueue({ error: { status: 429, headers: { 'retry-after': '3' } } });
    const error = await providerErrorOf(context.provider.doGenerate(context.request()));
    expect(error).toMatchObject({ kind: 'rate-limit', status: 429, retryable: true, retryAfterMs: 3000 });
    expect(context.modelCalls()).toHaveLength(1);
  });

  registry.test('server-errors', '500, 503 (and the API overload status) become retryable server errors, one request each', async (context) => {
    const statuses = [500, 503, ...context.wire.extraRetryableStatuses];
    for (const status of statuses) {
      context.fake.enqueue({ error: { status } });
      const error = await providerErrorOf(context.provider.doGenerate(context.request()));
      expect(error, `status ${status}`).toMatchObject({ kind: 'server', status, retryable: true });
    }
    expect(context.modelCalls()).toHaveLength(statuses.length);
  });

  registry.test('stream-dropped', 'a connection dropped after output fails the stream with a ProviderError', async (context) => {
    if (!context.provider.doStream) context.skip('the provider has no doStream');
    context.fake.enqueue({ chunks: ['one ', 'two ', 'three'], dropAfterChunks: 1 });
    const parts: ProviderV1StreamPart[] = [];
    const { stream } = await context.provider.doStream!(context.request());
    const error = await providerErrorOf(collectParts(stream, parts));
    expect(parts).toEqual([{ type: 'text-delta', delta: 'one ' }]);
    expect(['network', 'server']).toContain(error.kind);
  });

  registry.test('generate-abort', 'aborting doGenerate rejects within 100 ms and closes the HTTP request', async (context) => {
    context.fake.enqueue({ text: 'too late', delayMs: 3000 });
    const controller = new AbortController();
    const pending = providerErrorOf(context.provider.doGenerate(context.request({ signal: controller.signal })));
    await waitFor(() => context.modelCalls().length === 1, 'the request to arrive');
    const abortedAt = Date.now();
    controller.abort();
    const error = await pending;
    expect(Date.now() - abortedAt).toBeLessThan(100);
    expect(error).toMatchObject({ kind: 'cancelled', code: 'CANCELLED', retryable: false });
    await waitFor(() => context.modelCalls()[0]?.closedByClientAt !== undefined, 'the client to close the request');
  });

  registry.test('stream-abort', 'aborting a stream rejects within 100 ms and closes the HTTP request', async (context) => {
    if (!context.provider.doStream) context.skip('the provider has no doStream');
    context.fake.enqueue({ chunks: ['a', 'b', 'c', 'd'], chunkDelayMs: 1000 });
    const controller = new AbortController();
    const { stream } = await context.provider.doStream!(context.request({ signal: controller.signal }));
    let abortedAt = 0;
    const error = await providerErrorOf(
      (async () => {
        for await (const part of stream) {
          if (part.type !== 'text-delta' || abortedAt > 0) continue;
          // Abort while the next chunk is still a second away.
          setTimeout(() => ((abortedAt = Date.now()), controller.abort()), 20);
        }
      })(),
    );
    expect(Date.now() - abortedAt).toBeLessThan(100);
    expect(error).toMatchObject({ kind: 'cancelled', retryable: false });
    await waitFor(() => context.modelCalls()[0]?.closedByClientAt !== undefined, 'the client to close the request');
  });
}
