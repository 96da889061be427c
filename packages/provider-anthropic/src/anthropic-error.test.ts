import { ProviderError, type ProviderV1Request } from '@llm-actions/core';
import { createAnthropicFake, type ProtocolFake } from '@llm-actions/testing';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { anthropic, createAnthropic } from './create-anthropic.js';

const model = 'claude-haiku-4-5';
const apiKey = 'sk-ant-test-secret-key';
const hello: ProviderV1Request = { model, messages: [{ role: 'user', content: 'Hi' }], settings: {} };

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!ProviderError.isInstance(error)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe('createAnthropic: errors become ProviderError', () => {
  let fake: ProtocolFake;
  beforeAll(async () => {
    fake = await createAnthropicFake();
  });
  afterEach(() => {
    fake.reset();
    vi.unstubAllEnvs();
  });
  afterAll(() => fake.close());
  const provider = () => createAnthropic({ baseURL: fake.baseURL, apiKey });

  it('fails at call time, not import, when no API key is set, saying how to set one', async () => {
    vi.stubEnv('ANTHROPIC_API_KEY', '');
    const error = await failure(anthropic.doGenerate(hello));
    expect(error).toMatchObject({ kind: 'auth', retryable: false, code: 'PROVIDER_ERROR' });
    expect(error.message).toMatch(/^\[llm-actions\/provider-anthropic\] .*ANTHROPIC_API_KEY.*apiKey/);
    vi.stubEnv('ANTHROPIC_API_KEY', 'from-env');
    fake.enqueue({ text: 'ok' });
    await expect(createAnthropic({ baseURL: fake.baseURL }).doGenerate(hello)).resolves.toMatchObject({ text: 'ok' });
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer from-env');
  });

  it('maps 529 overloaded to a retryable server error, once: the client does not retry', async () => {
    fake.enqueue({ error: { status: 529 } });
    const error = await failure(provider().doGenerate(hello));
    expect(error).toMatchObject({ kind: 'server', status: 529, retryable: true, provider: 'anthropic' });
    expect(error.message).toContain('overloaded_error');
    expect(fake.requests).toHaveLength(1);
  });

  it('reads retry-after-ms first, then retry-after in seconds or as a date', async () => {
    fake.enqueue(
      { error: { status: 429, headers: { 'retry-after-ms': '250', 'retry-after': '9' } } },
      { error: { status: 429, headers: { 'retry-after': '2' } } },
      { error: { status: 429, headers: { 'retry-after': new Date(Date.now() + 60_000).toUTCString() } } },
    );
    expect(await failure(provider().doGenerate(hello))).toMatchObject({ kind: 'rate-limit', status: 429, retryable: true, retryAfterMs: 250 });
    expect((await failure(provider().doGenerate(hello))).retryAfterMs).toBe(2000);
    expect((await failure(provider().doGenerate(hello))).retryAfterMs).toBeGreaterThan(50_000);
  });

  it('honours x-should-retry over the status', async () => {
    fake.enqueue({ error: { status: 500, headers: { 'x-should-retry': 'false' } } }, { error: { status: 400, headers: { 'x-should-retry': 'true' } } });
    expect(await failure(provider().doGenerate(hello))).toMatchObject({ kind: 'server', retryable: false });
    expect(await failure(provider().doGenerate(hello))).toMatchObject({ kind: 'bad-request', retryable: true });
  });

  it('names the model on 404, and asks to check the key on 401, without echoing the key', async () => {
    const missing = await failure(provider().doGenerate({ ...hello, model: 'claude-nope' }));
    expect(missing).toMatchObject({ kind: 'not-found', status: 404, retryable: false });
    expect(missing.message).toContain('"claude-nope"');
    fake.enqueue({ error: { status: 401, message: `invalid x-api-key ${apiKey}` } });
    const denied = await failure(provider().doGenerate(hello));
    expect(denied).toMatchObject({ kind: 'auth', status: 401, retryable: false });
    expect(denied.message).toContain('ANTHROPIC_API_KEY');
    expect(denied.message).not.toContain(apiKey);
  });

  it('maps an unreachable server to network and an abort to cancelled', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = createAnthropic({ baseURL: `http://127.0.0.1:${port}`, apiKey });
    expect(await failure(unreachable.doGenerate(hello))).toMatchObject({ kind: 'network', retryable: true });
    fake.enqueue({ text: 'slow', delayMs: 2000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const aborted = await failure(provider().doGenerate({ ...hello, signal: controller.signal }));
    expect(aborted).toMatchObject({ kind: 'cancelled', code: 'CANCELLED', retryable: false });
    await vi.waitFor(() => expect(fake.requests[0]?.closedByClientAt).toBeDefined());
  });

  it('maps listModels failures too', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await failure(provider().listModels!({ signal: controller.signal }))).toMatchObject({ kind: 'cancelled' });
    vi.stubEnv('ANTHROPIC_API_KEY', '');
    expect(await failure(createAnthropic({ baseURL: fake.baseURL }).listModels!())).toMatchObject({ kind: 'auth' });
  });
});
