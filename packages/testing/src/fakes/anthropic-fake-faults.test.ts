import Anthropic, { type APIError } from '@anthropic-ai/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicFake } from './anthropic-fake.js';
import type { ProtocolFake } from './protocol-fake.js';

const model = 'claude-haiku-4-5';
const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'Hi' }];

async function collect<T>(iterable: AsyncIterable<T>, into: T[] = []): Promise<T[]> {
  for await (const item of iterable) into.push(item);
  return into;
}

async function waitFor(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('createAnthropicFake: errors and fault injection, seen through @anthropic-ai/sdk', () => {
  let fake: ProtocolFake;
  let client: Anthropic;
  beforeAll(async () => {
    fake = await createAnthropicFake();
    client = new Anthropic({ baseURL: fake.baseURL, apiKey: 'test', maxRetries: 0, logLevel: 'off' });
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  const create = (body: Partial<Anthropic.MessageCreateParamsNonStreaming> = {}) =>
    client.messages.create({ model, max_tokens: 16, messages, ...body });

  it('answers scripted 529 and 429 with documented bodies and the given headers', async () => {
    fake.enqueue({ error: { status: 529 } }, { error: { status: 429, headers: { 'retry-after': '7' } } });
    const overloaded = await create().catch((error: unknown) => error);
    expect(overloaded).toBeInstanceOf(Anthropic.OverloadedError);
    expect(overloaded).toMatchObject({ status: 529, type: 'overloaded_error', error: { type: 'error', error: { message: 'Overloaded' } } });
    const limited = await create().catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(Anthropic.RateLimitError);
    expect((limited as APIError).type).toBe('rate_limit_error');
    expect((limited as APIError).headers?.get('retry-after')).toBe('7');
  });

  it('refuses requests without credentials or anthropic-version, and unknown models, without using a reply', async () => {
    fake.enqueue({ text: 'kept for later' });
    const anonymous = new Anthropic({ baseURL: fake.baseURL, apiKey: 'x', maxRetries: 0 });
    const noKey = await anonymous.messages.create({ model, max_tokens: 8, messages }, { headers: { authorization: null } }).catch((error: unknown) => error);
    expect(noKey).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(noKey).toMatchObject({ type: 'authentication_error' });
    const unversioned = await client.messages.create({ model, max_tokens: 8, messages }, { headers: { 'anthropic-version': null } }).catch((error: unknown) => error);
    expect(unversioned).toBeInstanceOf(Anthropic.BadRequestError);
    const unknown = await create({ model: 'claude-nope' }).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(Anthropic.NotFoundError);
    expect(unknown).toMatchObject({ type: 'not_found_error', apiMessage: 'model: claude-nope' });
  });

  it('accepts x-api-key as the 2023-06-01 API expects it, and refuses sampling parameters only on later versions', async () => {
    const legacy = { 'anthropic-version': '2023-06-01', 'x-api-key': 'test', authorization: null };
    const body = { model, max_tokens: 8, messages, temperature: 0.2 } as Anthropic.MessageCreateParamsNonStreaming;
    await expect(client.messages.create(body, { headers: legacy })).resolves.toMatchObject({ type: 'message' });
    const refused = await client.messages.create(body).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 400, apiMessage: 'temperature: Extra inputs are not permitted' });
  });

  it('refuses bodies the API refuses: missing max_tokens, roles not alternating, tool_use without tool_result', async () => {
    const missing = await create({ max_tokens: undefined }).catch((error: unknown) => error);
    expect(missing).toMatchObject({ status: 400, apiMessage: 'max_tokens: Field required' });
    const twice = await create({ messages: [...messages, { role: 'user', content: 'again' }] }).catch((error: unknown) => error);
    expect((twice as APIError).apiMessage).toMatch(/roles must alternate/);
    const unanswered = await create({
      messages: [...messages, { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_9', name: 'f', input: {} }] }, { role: 'user', content: 'ok' }],
    }).catch((error: unknown) => error);
    expect((unanswered as APIError).apiMessage).toMatch(/tool_use` ids were found without `tool_result` blocks.*toolu_9/);
  });

  it('sends event: error mid-stream, which the SDK throws as an APIError with the error type', async () => {
    fake.enqueue({ chunks: ['a', 'b', 'c'], streamErrorAfterChunks: { after: 1, message: 'Overloaded' } });
    const seen: Anthropic.RawMessageStreamEvent[] = [];
    const failure = await collect(await client.messages.create({ model, max_tokens: 8, messages, stream: true }), seen).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Anthropic.APIError);
    expect(failure).toMatchObject({ status: undefined, type: 'overloaded_error' });
    expect(seen.filter((event) => event.type === 'content_block_delta')).toHaveLength(1);
  });

  it('drops the connection or writes a malformed chunk after the given number of chunks', async () => {
    fake.enqueue({ chunks: ['a', 'b', 'c'], dropAfterChunks: 2 }, { chunks: ['a', 'b'], malformedAfterChunks: 1 });
    const dropped: Anthropic.RawMessageStreamEvent[] = [];
    await expect(collect(await client.messages.create({ model, max_tokens: 8, messages, stream: true }), dropped)).rejects.toThrow();
    expect(dropped.filter((event) => event.type === 'content_block_delta')).toHaveLength(2);
    expect(fake.requests[0]?.closedByClientAt).toBeUndefined();
    const malformed = await collect(await client.messages.create({ model, max_tokens: 8, messages, stream: true })).catch((error: unknown) => error);
    expect(malformed).toBeInstanceOf(SyntaxError);
  });

  it('waits delayMs and chunkDelayMs, and records when the client disconnects early', async () => {
    fake.enqueue({ text: 'late', delayMs: 80 });
    const started = Date.now();
    await create();
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
    fake.enqueue({ chunks: ['a', 'b', 'c', 'd'], chunkDelayMs: 200 });
    const controller = new AbortController();
    const stream = await client.messages.create({ model, max_tokens: 8, messages, stream: true }, { signal: controller.signal });
    for await (const event of stream) if (event.type === 'content_block_delta') controller.abort();
    await waitFor(() => fake.requests[1]?.closedByClientAt !== undefined);
    expect(fake.requests[1]?.closedByClientAt).toBeGreaterThanOrEqual(fake.requests[1]?.receivedAt ?? Infinity);
  });
});
