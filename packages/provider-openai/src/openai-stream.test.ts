import { ProviderError, type ProviderV1Request, type ProviderV1StreamPart } from '@llm-actions/core';
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
const provider = () => createOpenAI({ baseURL: fake.baseURL, apiKey: 'test' });

async function collect(stream: AsyncIterable<ProviderV1StreamPart>): Promise<ProviderV1StreamPart[]> {
  const parts: ProviderV1StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(() => expect.unreachable('expected a ProviderError'), (caught: unknown) => caught);
  expect(ProviderError.isInstance(error)).toBe(true);
  return error as ProviderError;
}

describe('doStream', () => {
  it('streams text deltas, then a finish part with the usage of the final chunk', async () => {
    fake.enqueue({ chunks: ['Hel', 'lo', '!'], usage: { inputTokens: 9, outputTokens: 3, cacheReadTokens: 4 } });
    const result = await provider().doStream(request());
    expect(fake.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(result.request).toMatchObject({ body: { stream: true, model: 'gpt-4o-mini' } });
    const parts = await collect(result.stream);
    expect(parts.slice(0, 3)).toEqual([
      { type: 'text-delta', delta: 'Hel' },
      { type: 'text-delta', delta: 'lo' },
      { type: 'text-delta', delta: '!' },
    ]);
    expect(parts[3]).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: { inputTokens: 9, outputTokens: 3, cacheReadTokens: 4, reasoningTokens: 0 },
      response: { status: 200, modelId: 'gpt-4o-mini', id: expect.stringMatching(/^chatcmpl-/) },
    });
    expect(parts).toHaveLength(4);
  });

  it('joins streamed tool-call argument deltas into whole tool calls', async () => {
    fake.enqueue({ toolCalls: [{ id: 'call_a', name: 'get_weather', input: { city: 'Paris', days: 3 } }, { name: 'get_time', input: {} }] });
    const parts = await collect((await provider().doStream(request())).stream);
    expect(parts).toEqual([
      { type: 'tool-call', toolCall: { id: 'call_a', name: 'get_weather', input: { city: 'Paris', days: 3 } } },
      { type: 'tool-call', toolCall: { id: expect.stringMatching(/^call_/), name: 'get_time', input: {} } },
      expect.objectContaining({ type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' } }),
    ]);
  });

  it('leaves stream_options out when streamUsage is off', async () => {
    const parts = await collect((await createOpenAI({ baseURL: fake.baseURL, apiKey: 'k', streamUsage: false }).doStream(request())).stream);
    expect(fake.requests[0]?.body).not.toHaveProperty('stream_options');
    expect(parts.at(-1)).toMatchObject({ type: 'finish', usage: {} });
  });

  it('throws HTTP errors from doStream itself', async () => {
    fake.enqueue({ error: { status: 429, headers: { 'retry-after-ms': '250' } } });
    expect(await failure(provider().doStream(request()))).toMatchObject({ kind: 'rate-limit', retryAfterMs: 250 });
  });

  it('closes the HTTP request when the consumer stops early', async () => {
    fake.enqueue({ chunks: ['a', 'b', 'c', 'd'], chunkDelayMs: 30 });
    const { stream } = await provider().doStream(request());
    for await (const part of stream) if (part.type === 'text-delta') break;
    await expect.poll(() => fake.requests[0]?.closedByClientAt).toBeTypeOf('number');
  });

  it('throws cancelled when the signal aborts mid-stream, and closes the request', async () => {
    fake.enqueue({ chunks: ['a', 'b', 'c', 'd'], chunkDelayMs: 50 });
    const controller = new AbortController();
    const { stream } = await provider().doStream(request({ signal: controller.signal }));
    const seen: string[] = [];
    const consume = async () => {
      for await (const part of stream) {
        if (part.type === 'text-delta') seen.push(part.delta);
        if (seen.length === 1) controller.abort();
      }
    };
    expect(await failure(consume())).toMatchObject({ kind: 'cancelled', retryable: false });
    expect(seen).toEqual(['a']);
    await expect.poll(() => fake.requests[0]?.closedByClientAt).toBeTypeOf('number');
  });

  it('maps a dropped connection to network, a malformed chunk and an error event to server', async () => {
    fake.enqueue(
      { chunks: ['a', 'b', 'c'], dropAfterChunks: 2 },
      { chunks: ['a', 'b'], malformedAfterChunks: 1 },
      { chunks: ['a', 'b'], streamErrorAfterChunks: { after: 1, message: 'The server had an error' } },
    );
    const texts: string[] = [];
    const drain = async () => {
      for await (const part of (await provider().doStream(request())).stream) if (part.type === 'text-delta') texts.push(part.delta);
    };
    expect(await failure(drain())).toMatchObject({ kind: 'network', retryable: true });
    expect(texts).toEqual(['a', 'b']);
    expect(await failure(drain())).toMatchObject({ kind: 'server', message: expect.stringContaining('malformed') });
    const streamError = await failure(drain());
    expect(streamError).toMatchObject({ kind: 'server', status: undefined, retryable: true });
    expect(streamError.message).toContain('The server had an error');
  });

  it('copes with compatible servers that repeat tool names and leave out the index', async () => {
    const chunk = (delta: object, finish: string | null = null) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    const sse = [
      chunk({ tool_calls: [{ id: 'a', type: 'function', function: { name: 'lookup', arguments: '{"q":' } }] }),
      chunk({ tool_calls: [{ function: { name: 'lookup', arguments: '"x"}' } }] }),
      chunk({ tool_calls: [{ id: 'b', type: 'function', function: { name: 'other', arguments: '{}' } }] }),
      chunk({}, 'tool_calls'),
      'data: [DONE]\n\n',
    ].join('');
    const fetch = async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } });
    const parts = await collect((await createOpenAI({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'k', fetch }).doStream(request())).stream);
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCall: { id: 'a', name: 'lookup', input: { q: 'x' } } },
      { type: 'tool-call', toolCall: { id: 'b', name: 'other', input: {} } },
    ]);
  });
});
