import { ProviderError, type ProviderV1Request, type ProviderV1StreamPart } from '@llm-actions/core';
import { createOllamaFake, type ProtocolFake } from '@llm-actions/testing';
import { Ollama } from 'ollama';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOllama } from './index.js';

const model = 'llama3.2:3b';
const base: ProviderV1Request = { model, messages: [{ role: 'user', content: 'Hi' }], settings: {} };

async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!ProviderError.isInstance(error)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

async function drain(stream: AsyncIterable<ProviderV1StreamPart>, seen: ProviderV1StreamPart[] = []): Promise<void> {
  for await (const part of stream) seen.push(part);
}

async function waitFor(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 1000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('Ollama provider errors (real ollama client against the fake)', () => {
  let fake: ProtocolFake;
  let provider: ReturnType<typeof createOllama>;
  beforeAll(async () => {
    fake = await createOllamaFake();
    provider = createOllama({ baseURL: fake.baseURL });
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('maps an unknown model to not-found naming the model, sending one request', async () => {
    const error = await failureOf(provider.doGenerate({ ...base, model: 'ghost:7b' }));
    expect(error).toMatchObject({ kind: 'not-found', status: 404, retryable: false, code: 'PROVIDER_ERROR' });
    expect(error.message).toContain('"ghost:7b"');
    expect(error.message).toMatch(/^\[llm-actions\/provider-ollama\]/);
    expect(fake.requests).toHaveLength(1);
  });

  it('hints at the base URL when a 404 is not about a model', async () => {
    const error = await failureOf(createOllama({ baseURL: `${fake.baseURL}/v1` }).doGenerate(base));
    expect(error).toMatchObject({ kind: 'not-found', status: 404 });
    expect(error.message).toContain('server root');
  });

  it.each([
    [401, 'auth', false],
    [400, 'bad-request', false],
    [429, 'rate-limit', true],
    [500, 'server', true],
    [503, 'server', true],
  ] as const)('maps status %i to kind %s (retryable %s) without retrying itself', async (status, kind, retryable) => {
    fake.enqueue({ error: { status } });
    const error = await failureOf(provider.doGenerate(base));
    expect(error).toMatchObject({ kind, status, retryable });
    expect(fake.requests).toHaveLength(1);
  });

  it('reads Retry-After (seconds, or retry-after-ms) from the failed response', async () => {
    fake.enqueue({ error: { status: 429, headers: { 'retry-after': '2' } } }, { error: { status: 503, headers: { 'retry-after-ms': '150' } } });
    expect((await failureOf(provider.doGenerate(base))).retryAfterMs).toBe(2000);
    expect((await failureOf(provider.doStream(base))).retryAfterMs).toBe(150);
  });

  it('turns a mid-stream error line into a server error after the earlier parts', async () => {
    fake.enqueue({ chunks: ['a', 'b'], streamErrorAfterChunks: { after: 1, message: 'an error was encountered while running the model' } });
    const seen: ProviderV1StreamPart[] = [];
    const error = await failureOf(drain((await provider.doStream(base)).stream, seen));
    expect(seen).toEqual([{ type: 'text-delta', delta: 'a' }]);
    expect(error).toMatchObject({ kind: 'server', retryable: true });
    expect(error.message).toContain('an error was encountered while running the model');
  });

  it('turns a dropped connection into a network error', async () => {
    fake.enqueue({ chunks: ['a', 'b'], dropAfterChunks: 1 });
    const seen: ProviderV1StreamPart[] = [];
    const error = await failureOf(drain((await provider.doStream(base)).stream, seen));
    expect(seen).toEqual([{ type: 'text-delta', delta: 'a' }]);
    expect(error).toMatchObject({ kind: 'network', retryable: true });
  });

  it('skips a malformed line as the client does', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.enqueue({ chunks: ['a', 'b'], malformedAfterChunks: 1 });
    const seen: ProviderV1StreamPart[] = [];
    await drain((await provider.doStream(base)).stream, seen);
    expect(seen.filter((part) => part.type === 'text-delta')).toHaveLength(2);
    warn.mockRestore();
  });

  it('maps a refused connection to network', async () => {
    const closed = await createOllamaFake();
    const address = closed.baseURL;
    await closed.close();
    const error = await failureOf(createOllama({ baseURL: address }).doGenerate(base));
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain(address);
  });

  it('aborts a non-streaming call on the wire', async () => {
    fake.enqueue({ text: 'late', delayMs: 2000 });
    const controller = new AbortController();
    const pending = failureOf(provider.doGenerate({ ...base, signal: controller.signal }));
    await waitFor(() => fake.requests.length === 1);
    const abortedAt = Date.now();
    controller.abort();
    const error = await pending;
    expect(Date.now() - abortedAt).toBeLessThan(100);
    expect(error).toMatchObject({ kind: 'cancelled', code: 'CANCELLED', retryable: false });
    await waitFor(() => fake.requests[0]?.closedByClientAt !== undefined);
  });

  it('aborts a stream on the wire, also when the consumer stops early', async () => {
    fake.enqueue({ chunks: ['a', 'b', 'c'], chunkDelayMs: 300 }, { chunks: ['a', 'b', 'c'], chunkDelayMs: 300 });
    const controller = new AbortController();
    const { stream } = await provider.doStream({ ...base, signal: controller.signal });
    const error = await failureOf(
      (async () => {
        for await (const _part of stream) controller.abort();
      })(),
    );
    expect(error.kind).toBe('cancelled');
    await waitFor(() => fake.requests[0]?.closedByClientAt !== undefined);
    for await (const _part of (await provider.doStream(base)).stream) break;
    await waitFor(() => fake.requests[1]?.closedByClientAt !== undefined);
  });

  it('rejects at once when an injected client call is aborted', async () => {
    const injected = createOllama({ client: new Ollama({ host: fake.baseURL }) });
    fake.enqueue({ text: 'late', delayMs: 300 });
    const controller = new AbortController();
    const pending = failureOf(injected.doGenerate({ ...base, signal: controller.signal }));
    await waitFor(() => fake.requests.length === 1);
    controller.abort();
    expect((await pending).kind).toBe('cancelled');
  });
});
