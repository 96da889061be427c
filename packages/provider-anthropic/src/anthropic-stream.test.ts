import Anthropic from '@anthropic-ai/sdk';
import { ProviderError, type ProviderV1Request, type ProviderV1StreamPart } from '@llm-actions/core';
import { createAnthropicFake, type ProtocolFake } from '@llm-actions/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAnthropic } from './create-anthropic.js';

const model = 'claude-haiku-4-5';
const hello: ProviderV1Request = { model, messages: [{ role: 'user', content: 'Hi' }], settings: {} };

/** Collects parts until the stream ends or fails; the failure is returned, not thrown. */
async function drain(stream: AsyncIterable<ProviderV1StreamPart>): Promise<{ parts: ProviderV1StreamPart[]; error?: unknown }> {
  const parts: ProviderV1StreamPart[] = [];
  try {
    for await (const part of stream) parts.push(part);
    return { parts };
  } catch (error) {
    return { parts, error };
  }
}

const texts = (parts: ProviderV1StreamPart[]) => parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : []));

describe('createAnthropic: doStream over SSE from the Anthropic fake', () => {
  let fake: ProtocolFake;
  beforeAll(async () => {
    fake = await createAnthropicFake();
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());
  const provider = () => createAnthropic({ baseURL: fake.baseURL, apiKey: 'test' });

  it('yields text deltas, whole tool calls, then one finish with stop reason and usage', async () => {
    fake.enqueue({
      chunks: ['Hel', 'lo'],
      toolCalls: [{ id: 'toolu_1', name: 'get_weather', input: { city: 'Paris', days: [1, 2] } }],
      usage: { inputTokens: 20, outputTokens: 9, cacheReadTokens: 8 },
    });
    const { stream, request } = await provider().doStream!(hello);
    const { parts, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(parts).toEqual([
      { type: 'text-delta', delta: 'Hel' },
      { type: 'text-delta', delta: 'lo' },
      { type: 'tool-call', toolCall: { id: 'toolu_1', name: 'get_weather', input: { city: 'Paris', days: [1, 2] } } },
      {
        type: 'finish',
        finishReason: { unified: 'tool-calls', raw: 'tool_use' },
        usage: { inputTokens: 20, outputTokens: 9, cacheReadTokens: 8, cacheWriteTokens: 0 },
        response: expect.objectContaining({ modelId: model, status: 200, id: expect.stringMatching(/^msg_/) }),
      },
    ]);
    expect(request?.body).toMatchObject({ stream: true, model });
    expect(fake.requests[0]?.body).toMatchObject({ stream: true });
  });

  it('throws an HTTP error before streaming from doStream itself, without retrying even on an injected client', async () => {
    fake.enqueue({ error: { status: 529 } });
    const client = new Anthropic({ baseURL: fake.baseURL, apiKey: 'test' });
    const error = await createAnthropic({ client }).doStream!(hello).catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && error).toMatchObject({ kind: 'server', status: 529, retryable: true });
    expect(fake.requests).toHaveLength(1);
  });

  it('turns event: error mid-stream into a ProviderError after the parts already sent', async () => {
    fake.enqueue({ chunks: ['a', 'b', 'c'], streamErrorAfterChunks: { after: 2, message: 'Overloaded' } });
    const { parts, error } = await drain((await provider().doStream!(hello)).stream);
    expect(texts(parts)).toEqual(['a', 'b']);
    expect(ProviderError.isInstance(error) && error).toMatchObject({ kind: 'server', status: undefined, retryable: true });
    expect((error as Error).message).toContain('overloaded_error');
  });

  it('turns a dropped connection into network and a malformed chunk into server errors', async () => {
    fake.enqueue({ chunks: ['a', 'b', 'c'], dropAfterChunks: 1 }, { chunks: ['a', 'b'], malformedAfterChunks: 1 });
    const dropped = await drain((await provider().doStream!(hello)).stream);
    expect(texts(dropped.parts)).toEqual(['a']);
    expect(ProviderError.isInstance(dropped.error) && dropped.error).toMatchObject({ kind: 'network' });
    // An injected client (here one that does not log the bad chunk) is used as given.
    const client = new Anthropic({ baseURL: fake.baseURL, apiKey: 'test', logLevel: 'off' });
    const malformed = await drain((await createAnthropic({ client }).doStream!(hello)).stream);
    expect(ProviderError.isInstance(malformed.error) && malformed.error).toMatchObject({ kind: 'server' });
  });

  it('closes the HTTP request on abort and throws cancelled', async () => {
    fake.enqueue({ chunks: ['a', 'b', 'c', 'd'], chunkDelayMs: 100 });
    const controller = new AbortController();
    const { stream } = await provider().doStream!({ ...hello, signal: controller.signal });
    const parts: ProviderV1StreamPart[] = [];
    const error = await (async () => {
      for await (const part of stream) {
        parts.push(part);
        controller.abort();
      }
    })().catch((caught: unknown) => caught);
    expect(texts(parts)).toEqual(['a']);
    expect(ProviderError.isInstance(error) && error).toMatchObject({ kind: 'cancelled', code: 'CANCELLED' });
    await vi.waitFor(() => expect(fake.requests[0]?.closedByClientAt).toBeDefined());
  });

  it('closes the HTTP request when the consumer stops early', async () => {
    fake.enqueue({ chunks: ['a', 'b', 'c'], chunkDelayMs: 100 });
    const { stream } = await provider().doStream!(hello);
    for await (const part of stream) if (part.type === 'text-delta') break;
    await vi.waitFor(() => expect(fake.requests[0]?.closedByClientAt).toBeDefined());
  });

  it('streams the emulated JSON answer as text', async () => {
    fake.enqueue({ toolCalls: [{ name: 'json_response', input: { title: 'Hi' } }] }, { toolCalls: [{ name: 'json_response', input: { value: 'plain' } }] });
    const object = await drain((await provider().doStream!({ ...hello, responseFormat: { type: 'json' } })).stream);
    expect(texts(object.parts).join('')).toBe('{"title":"Hi"}');
    expect(object.parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop', raw: 'tool_use' } });
    const wrapped = await drain((await provider().doStream!({ ...hello, responseFormat: { type: 'json', schema: { type: 'string' } } })).stream);
    expect(texts(wrapped.parts)).toEqual(['"plain"']);
  });
});
