import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAIFake } from './openai-fake.js';
import type { ProtocolFake } from './protocol-fake.js';

let fake: ProtocolFake;
let client: OpenAI;
const messages = [{ role: 'user' as const, content: 'Say hello' }];

beforeAll(async () => {
  fake = await createOpenAIFake();
  client = new OpenAI({ baseURL: fake.baseURL, apiKey: 'test-key-123456', maxRetries: 0, logLevel: 'off' });
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (error: unknown) => error as Error,
  );
}

describe('createOpenAIFake: chat completions', () => {
  it('answers a JSON completion with usage, cached tokens and a request id, and records the request', async () => {
    fake.enqueue({ text: 'Hi there', usage: { inputTokens: 12, outputTokens: 3, cacheReadTokens: 8, cacheWriteTokens: 2 } });
    const { data, request_id } = await client.chat.completions.create({ model: 'gpt-4o-mini', messages }).withResponse();
    expect(data.choices[0]?.message.content).toBe('Hi there');
    expect(data.choices[0]?.finish_reason).toBe('stop');
    expect(data.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 });
    expect(data.usage?.prompt_tokens_details).toMatchObject({ cached_tokens: 8, cache_write_tokens: 2 });
    expect(request_id).toMatch(/^req_/);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages } });
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer test-key-123456');
  });

  it('answers tool calls with null content, JSON-string arguments and finish_reason tool_calls', async () => {
    fake.enqueue({ toolCalls: [{ id: 'call_1', name: 'get_weather', input: { city: 'Paris' } }] });
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages });
    const choice = completion.choices[0];
    expect(choice?.message.content).toBeNull();
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.tool_calls).toEqual([{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }]);
  });

  it('streams SSE with a usage chunk with empty choices before data: [DONE]', async () => {
    fake.enqueue({ chunks: ['Hel', 'lo', '!'], usage: { inputTokens: 5, outputTokens: 2, cacheReadTokens: 1 } });
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks[0]?.choices[0]?.delta).toMatchObject({ role: 'assistant', content: '' });
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('Hello!');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 2, prompt_tokens_details: { cached_tokens: 1 } });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);

    const raw = await fetch(`${fake.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages, stream: true }),
    });
    expect(raw.headers.get('content-type')).toContain('text/event-stream');
    const text = await raw.text();
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(text).not.toContain('"usage"');
  });

  it('streams tool-call argument deltas that the SDK joins into the final completion', async () => {
    fake.enqueue({ text: 'Checking.', toolCalls: [{ name: 'get_weather', input: { city: 'Paris', unit: 'c' } }, { name: 'get_time', input: {} }] });
    const runner = client.chat.completions.stream({ model: 'gpt-4o-mini', messages });
    const completion = await runner.finalChatCompletion();
    const calls = completion.choices[0]?.message.tool_calls ?? [];
    expect(completion.choices[0]?.message.content).toBe('Checking.');
    expect(calls.map((call) => call.type === 'function' && [call.function.name, JSON.parse(call.function.arguments)])).toEqual([
      ['get_weather', { city: 'Paris', unit: 'c' }],
      ['get_time', {}],
    ]);
    expect(calls[0]?.id).toMatch(/^call_/);
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('records response_format json_schema and rejects one without a name like the API', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
    fake.enqueue({ text: '{"city":"Paris"}' });
    const response_format = { type: 'json_schema' as const, json_schema: { name: 'location', schema, strict: true } };
    await client.chat.completions.create({ model: 'gpt-4o-mini', messages, response_format });
    expect(fake.requests[0]?.body).toMatchObject({ response_format });

    const error = await rejection(client.chat.completions.create({ model: 'gpt-4o-mini', messages, response_format: { type: 'json_schema', json_schema: { schema } as never } }));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, param: 'response_format.json_schema.name', code: 'missing_required_parameter' });
  });

  it('rejects bodies the API rejects: orphan tool results, stray stream_options, json_object without "json"', async () => {
    const orphan = [...messages, { role: 'tool' as const, tool_call_id: 'call_x', content: '{}' }];
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages: orphan })).rejects.toMatchObject({ status: 400 });
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages, stream_options: { include_usage: true } })).rejects.toMatchObject({ param: 'stream_options' });
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages, response_format: { type: 'json_object' } })).rejects.toMatchObject({ param: 'messages' });
  });
});

describe('createOpenAIFake: models, auth and errors', () => {
  it('lists and retrieves models, and answers unknown models with 404 model_not_found', async () => {
    fake.setModels(['gpt-test', 'other']);
    const page = await client.models.list();
    expect(page.data.map((model) => model.id)).toEqual(['gpt-test', 'other']);
    expect((await client.models.retrieve('other')).id).toBe('other');
    const error = await rejection(client.chat.completions.create({ model: 'gpt-missing', messages }));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'model_not_found', type: 'invalid_request_error' });
    expect(error.message).toContain('gpt-missing');
  });

  it('answers 401 without a Bearer key, accepts any key, and scripts a 401 with a masked key', async () => {
    const raw = await fetch(`${fake.baseURL}/models`);
    expect(raw.status).toBe(401);
    expect(await raw.json()).toMatchObject({ error: { type: 'invalid_request_error', param: null, code: null } });
    fake.enqueue({ error: { status: 401 } });
    const error = await rejection(client.chat.completions.create({ model: 'gpt-4o-mini', messages }));
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error).toMatchObject({ code: 'invalid_api_key' });
    expect(error.message).toContain('tes********3456');
  });

  it('sends scripted statuses, bodies and retry headers that the SDK reads', async () => {
    fake.enqueue({ error: { status: 429, headers: { 'retry-after': '7', 'retry-after-ms': '7000', 'x-should-retry': 'false' } } });
    const error = (await rejection(client.chat.completions.create({ model: 'gpt-4o-mini', messages }))) as InstanceType<typeof OpenAI.APIError>;
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error).toMatchObject({ code: 'rate_limit_exceeded', type: 'requests' });
    expect([error.headers?.get('retry-after'), error.headers?.get('retry-after-ms'), error.headers?.get('x-should-retry')]).toEqual(['7', '7000', 'false']);

    fake.enqueue({ error: { status: 500, body: { error: { message: 'custom', type: 'x', param: null, code: 'content_filter' } } } });
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages })).rejects.toMatchObject({ status: 500, code: 'content_filter', message: '500 custom' });

    fake.enqueue({ error: { status: 503, headers: { 'retry-after-ms': '1' } } }, { text: 'recovered' });
    const retrying = new OpenAI({ baseURL: fake.baseURL, apiKey: 'k', maxRetries: 1 });
    const completion = await retrying.chat.completions.create({ model: 'gpt-4o-mini', messages });
    expect(completion.choices[0]?.message.content).toBe('recovered');
    expect(fake.requests.at(-1)?.headers['x-stainless-retry-count']).toBe('1');
  });
});

describe('createOpenAIFake: faults and disconnects', () => {
  const streamRequest = { model: 'gpt-4o-mini', messages, stream: true as const };

  it('records closedByClientAt when the client aborts during a delay', async () => {
    fake.enqueue({ text: 'late', delayMs: 1_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages }, { signal: controller.signal })).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);
    await expect.poll(() => fake.requests[0]?.closedByClientAt).toBeTypeOf('number');
  });

  it('records closedByClientAt when the client stops reading a stream early', async () => {
    fake.enqueue({ chunks: ['a', 'b', 'c', 'd'], chunkDelayMs: 30 });
    const stream = await client.chat.completions.create(streamRequest);
    for await (const chunk of stream) if (chunk.choices[0]?.delta.content === 'a') break;
    await expect.poll(() => fake.requests[0]?.closedByClientAt).toBeTypeOf('number');
  });

  it('drops the connection mid-stream without marking it a client close', async () => {
    fake.enqueue({ chunks: ['a', 'b', 'c'], dropAfterChunks: 1 });
    const seen: string[] = [];
    const consume = async () => {
      for await (const chunk of await client.chat.completions.create(streamRequest)) seen.push(chunk.choices[0]?.delta.content ?? '');
    };
    await expect(consume()).rejects.toThrow();
    expect(seen.join('')).toBe('a');
    expect(fake.requests[0]?.closedByClientAt).toBeUndefined();
  });

  it('writes a malformed chunk, or an in-stream error event, after the given number of chunks', async () => {
    fake.enqueue({ chunks: ['a', 'b'], malformedAfterChunks: 1 }, { chunks: ['a', 'b'], streamErrorAfterChunks: { after: 2, message: 'boom' } });
    const drain = async () => {
      for await (const _chunk of await client.chat.completions.create(streamRequest));
    };
    await expect(drain()).rejects.toBeInstanceOf(SyntaxError);
    const error = await rejection(drain());
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error).toMatchObject({ status: undefined, message: 'boom' });
  });

  it('uses the default reply when the queue is empty, and reset restores it', async () => {
    fake.setDefaultReply({ text: 'default' });
    const first = await client.chat.completions.create({ model: 'gpt-4o-mini', messages });
    expect(first.choices[0]?.message.content).toBe('default');
    fake.reset();
    expect(fake.requests).toHaveLength(0);
    const second = await client.chat.completions.create({ model: 'gpt-4o-mini', messages });
    expect(second.choices[0]?.message.content).toBe('Hello from the OpenAI fake.');
  });
});
