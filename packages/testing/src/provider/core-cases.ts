import { createLlmActions, defineAction, LlmActionsError, ProviderError, type LlmActionsEvent } from '@llm-actions/core';
import { createMemoryStore } from '@llm-actions/store-memory';
import { expect } from 'vitest';
import { rejectionOf, waitFor, type ConformanceCaseContext, type ConformanceRegistry } from './conformance-context.js';
import { unknownModel } from './provider-error-cases.js';

const subject = { type: 'doc', id: '1', fields: { text: 'hi' } };

/** An LlmActions instance on the suite's provider, with fast retries, and the events it emitted. */
function coreFor(context: ConformanceCaseContext, options: { attemptMs?: number; model?: string } = {}) {
  const llm = createLlmActions({
    providers: [context.provider],
    store: createMemoryStore(),
    retry: { maxRetries: 2, initialDelayMs: 10, maxDelayMs: 2000, maxRetryAfterMs: 10_000 },
    timeouts: { attemptMs: options.attemptMs ?? 2000, runMs: 10_000 },
  });
  const action = defineAction({
    id: 'conformance',
    name: 'Conformance',
    sources: ['text'],
    destination: 'out',
    prompts: { instructions: 'Say {{ input }}' },
    model: `${context.provider.id}/${options.model ?? context.model}`,
  });
  const retries: Array<LlmActionsEvent<'run:retry'>> = [];
  llm.events.on('run:retry', (event) => void retries.push(event));
  return { llm, action, retries };
}

/** The LlmActionsError a run failed with, and its ProviderError cause. */
async function runFailure(promise: Promise<unknown>): Promise<{ error: LlmActionsError; cause: ProviderError }> {
  const error = await rejectionOf(promise);
  if (!LlmActionsError.isInstance(error)) throw new Error(`expected an LlmActionsError, got: ${String(error)}`, { cause: error });
  expect(error.details.runId, 'the failure names its run').toEqual(expect.any(String));
  const cause = ProviderError.isInstance(error) ? error : error.cause;
  if (!ProviderError.isInstance(cause)) throw new Error(`expected a ProviderError as the cause, got: ${String(cause)}`, { cause: error });
  return { error, cause };
}

/** Cases through core's public API: retries, Retry-After, streaming failures, cancellation, timeouts. */
export function registerCoreCases(registry: ConformanceRegistry): void {
  registry.test('core-auth-not-retried', 'through core, 401 fails with kind auth after exactly one request', async (context) => {
    const { llm, action } = coreFor(context);
    context.fake.enqueue({ error: { status: 401 } }, { text: 'must not be used' });
    const { error, cause } = await runFailure(llm.run(action, subject));
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(cause.kind).toBe('auth');
    expect(context.modelCalls()).toHaveLength(1);
  });

  registry.test('core-not-found', 'through core, an unknown model fails with kind not-found naming it', async (context) => {
    const { llm, action } = coreFor(context, { model: unknownModel });
    const { cause } = await runFailure(llm.run(action, subject));
    expect(cause.kind).toBe('not-found');
    expect(cause.message).toContain(unknownModel);
    expect(context.modelCalls()).toHaveLength(1);
  });

  registry.test('core-retry-after', 'through core, 429 with Retry-After is retried after the stated delay', async (context) => {
    const { llm, action, retries } = coreFor(context);
    context.fake.enqueue({ error: { status: 429, headers: { 'retry-after': '1' } } }, { text: 'after the wait' });
    const result = await llm.run(action, subject);
    expect(result.output).toBe('after the wait');
    expect(result.run.attempts).toBe(2);
    const [first, second] = context.modelCalls();
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(1000);
    expect(retries[0]?.data.delayMs).toBeGreaterThanOrEqual(1000);
  }, 10_000);

  registry.test('core-server-retried', 'through core, 500 and 503 (and the API overload status) are retried', async (context) => {
    for (const status of [500, 503, ...context.wire.extraRetryableStatuses]) {
      context.fake.reset();
      const { llm, action } = coreFor(context);
      context.fake.enqueue({ error: { status } }, { text: `recovered from ${status}` });
      const result = await llm.run(action, subject, { stream: true });
      expect(result.output, `status ${status}`).toBe(`recovered from ${status}`);
      expect(result.run.attempts, `status ${status}`).toBe(2);
      expect(context.modelCalls(), `status ${status}`).toHaveLength(2);
    }
  });

  registry.test('core-stream-drop-not-retried', 'through core, a stream dropped after output fails and is not retried', async (context) => {
    const { llm, action } = coreFor(context);
    context.fake.enqueue({ chunks: ['partial ', 'answer'], dropAfterChunks: 1 }, { text: 'must not be used' });
    const { error, cause } = await runFailure(llm.run(action, subject, { stream: true }));
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(cause.retryable).toBe(false);
    expect(context.modelCalls()).toHaveLength(1);
  });

  registry.test('core-abort', 'through core, aborting a streaming run ends it as cancelled within 100 ms and closes the request', async (context) => {
    const { llm, action } = coreFor(context);
    const controller = new AbortController();
    let abortedAt = 0;
    let scheduled = false;
    const abortSoon = (): void => {
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => ((abortedAt = Date.now()), controller.abort()), 20);
    };
    if (context.provider.doStream) {
      // Abort mid-stream, while the next chunk is still a second away.
      context.fake.enqueue({ chunks: ['a', 'b', 'c', 'd'], chunkDelayMs: 1000 });
      llm.events.on('run:chunk', abortSoon);
    } else {
      context.fake.enqueue({ text: 'too late', delayMs: 3000 });
      void waitFor(() => context.modelCalls().length === 1, 'the request to arrive').then(abortSoon);
    }
    const failure = await rejectionOf(llm.run(action, subject, { stream: true, signal: controller.signal }));
    expect(Date.now() - abortedAt).toBeLessThan(100);
    if (!LlmActionsError.isInstance(failure)) throw new Error(`expected an LlmActionsError, got: ${String(failure)}`);
    expect(failure.code).toBe('CANCELLED');
    expect((await llm.runs.get(String(failure.details.runId)))?.status).toBe('cancelled');
    await waitFor(() => context.modelCalls()[0]?.closedByClientAt !== undefined, 'the client to close the request');
    expect(context.modelCalls()).toHaveLength(1);
  });

  registry.test('core-attempt-timeout', 'through core, an attempt that outlives attemptMs is aborted and retried', async (context) => {
    const { llm, action, retries } = coreFor(context, { attemptMs: 300 });
    context.fake.enqueue({ text: 'too slow', delayMs: 2000 }, { text: 'on time' });
    const result = await llm.run(action, subject);
    expect(result.output).toBe('on time');
    expect(result.run.attempts).toBe(2);
    expect(retries[0]?.data.error).toMatchObject({ code: 'TIMEOUT' });
    await waitFor(() => context.modelCalls()[0]?.closedByClientAt !== undefined, 'the timed-out request to be closed');
  });
}
