import { ProviderError, type ProviderV1Request } from '@llm-actions/core';
import { createOpenAIFake, type ProtocolFake } from '@llm-actions/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAI } from './index.js';

let fake: ProtocolFake;
beforeAll(async () => {
  fake = await createOpenAIFake();
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

const request = (overrides: Partial<ProviderV1Request> = {}): ProviderV1Request => ({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Say hello' }],
  settings: {},
  ...overrides,
});
const provider = () => createOpenAI({ baseURL: fake.baseURL, apiKey: 'sk-proj-abcdef123456' });

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(() => expect.unreachable('expected a ProviderError'), (caught: unknown) => caught);
  expect(ProviderError.isInstance(error)).toBe(true);
  return error as ProviderError;
}

describe('mapOpenAIError over HTTP', () => {
  it('maps a 401 to auth, with no trace of the key in message, body or cause', async () => {
    fake.enqueue({ error: { status: 401 } });
    const error = await failure(provider().doGenerate(request()));
    expect(error).toMatchObject({ kind: 'auth', status: 401, retryable: false, code: 'PROVIDER_ERROR' });
    expect(error.message).toMatch(/^\[llm-actions\/provider-openai\] openai answered 401: Incorrect API key provided: \[redacted\]\./);
    expect(error.message).toContain('OPENAI_API_KEY');
    const everything = JSON.stringify({ message: error.message, body: error.responseBody, details: error.details, cause: String(error.cause), causeBody: (error.cause as { error?: unknown }).error });
    expect(everything).not.toMatch(/sk-proj|abcdef|3456|\*\*\*/);
  });

  it('maps an unknown model to not-found naming the model', async () => {
    const error = await failure(provider().doGenerate(request({ model: 'gpt-nope' })));
    expect(error).toMatchObject({ kind: 'not-found', status: 404, retryable: false });
    expect(error.message).toContain('Model "gpt-nope" was not found on openai');
    expect(error.responseBody).toMatchObject({ code: 'model_not_found' });
  });

  it('reads retry-after-ms, retry-after in seconds and as an HTTP date', async () => {
    const date = new Date(Date.now() + 30_000).toUTCString();
    fake.enqueue(
      { error: { status: 429, headers: { 'retry-after-ms': '1500', 'retry-after': '9' } } },
      { error: { status: 429, headers: { 'retry-after': '2' } } },
      { error: { status: 503, headers: { 'retry-after': date } } },
    );
    expect(await failure(provider().doGenerate(request()))).toMatchObject({ kind: 'rate-limit', status: 429, retryable: true, retryAfterMs: 1500 });
    expect(await failure(provider().doGenerate(request()))).toMatchObject({ retryAfterMs: 2000 });
    const fromDate = await failure(provider().doGenerate(request()));
    expect(fromDate).toMatchObject({ kind: 'server', status: 503, retryable: true });
    expect(fromDate.retryAfterMs).toBeGreaterThan(25_000);
    expect(fromDate.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('honours x-should-retry both ways', async () => {
    fake.enqueue({ error: { status: 500, headers: { 'x-should-retry': 'false' } } }, { error: { status: 400, headers: { 'x-should-retry': 'true' } } });
    expect(await failure(provider().doGenerate(request()))).toMatchObject({ kind: 'server', retryable: false });
    expect(await failure(provider().doGenerate(request()))).toMatchObject({ kind: 'bad-request', retryable: true });
  });

  it('maps a content policy error body to content-filter, not retryable', async () => {
    const body = { error: { message: 'The response was filtered.', type: 'invalid_request_error', param: 'prompt', code: 'content_filter' } };
    fake.enqueue({ error: { status: 400, body } });
    const error = await failure(provider().doGenerate(request()));
    expect(error).toMatchObject({ kind: 'content-filter', status: 400, retryable: false });
  });

  it('maps bad requests with the API message, and an unreachable server to network', async () => {
    fake.enqueue({ error: { status: 400, message: "Invalid value for 'temperature'." } });
    const badRequest = await failure(provider().doGenerate(request()));
    expect(badRequest).toMatchObject({ kind: 'bad-request', retryable: false });
    expect(badRequest.message).toContain("Invalid value for 'temperature'.");

    const closed = await createOpenAIFake();
    const baseURL = closed.baseURL;
    await closed.close();
    const network = await failure(createOpenAI({ baseURL, apiKey: 'k' }).doGenerate(request()));
    expect(network).toMatchObject({ kind: 'network', status: undefined, retryable: true });
    expect(network.message).toContain(baseURL);
  });

  it('maps an abort to cancelled and closes the request', async () => {
    fake.enqueue({ text: 'slow', delayMs: 2_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(provider().doGenerate(request({ signal: controller.signal })));
    expect(error).toMatchObject({ kind: 'cancelled', code: 'CANCELLED', retryable: false });
    await expect.poll(() => fake.requests[0]?.closedByClientAt).toBeTypeOf('number');

    const aborted = AbortSignal.abort();
    expect(await failure(provider().doGenerate(request({ signal: aborted })))).toMatchObject({ kind: 'cancelled' });
    expect(await failure(provider().listModels({ signal: aborted }))).toMatchObject({ kind: 'cancelled' });
  });
});
