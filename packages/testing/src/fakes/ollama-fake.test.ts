import { Ollama } from 'ollama';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOllamaFake } from './ollama-fake.js';
import type { ProtocolFake } from './protocol-fake.js';

const model = 'llama3.2:3b';
const messages = [{ role: 'user', content: 'Hi' }];

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function waitFor(check: () => boolean, timeoutMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('createOllamaFake, driven by the real ollama client', () => {
  let fake: ProtocolFake;
  let client: Ollama;
  beforeAll(async () => {
    fake = await createOllamaFake();
    client = new Ollama({ host: fake.baseURL });
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('listens on 127.0.0.1 and answers a JSON chat with usage and done_reason', async () => {
    expect(fake.api).toBe('ollama');
    expect(fake.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    fake.enqueue({ text: 'Hello there', usage: { inputTokens: 7, outputTokens: 3 }, finishReason: 'length' });
    const response = await client.chat({ model, messages, options: { temperature: 0.2, num_predict: 5 } });
    expect(response).toMatchObject({ done: true, done_reason: 'length', prompt_eval_count: 7, eval_count: 3 });
    expect(response.message).toEqual({ role: 'assistant', content: 'Hello there' });
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/api/chat' });
    expect(request?.body).toMatchObject({ model, stream: false, options: { temperature: 0.2, num_predict: 5 } });
    expect(request?.headers['user-agent']).toMatch(/^ollama-js\//);
  });

  it('streams NDJSON in the given chunks and ends with one done object', async () => {
    fake.enqueue({ chunks: ['Hel', 'lo', '!'], usage: { inputTokens: 4, outputTokens: 3 } });
    const parts = await collect(await client.chat({ model, messages, stream: true }));
    expect(parts.map((part) => part.message.content)).toEqual(['Hel', 'lo', '!', '']);
    expect(parts.at(-1)).toMatchObject({ done: true, done_reason: 'stop', prompt_eval_count: 4, eval_count: 3 });
  });

  it('records the JSON schema in format and returns tool calls with object arguments', async () => {
    const schema = { type: 'object', properties: { age: { type: 'integer' } }, required: ['age'] };
    fake.enqueue({ text: '{"age":22}' }, { toolCalls: [{ id: 'call_1', name: 'get_weather', input: { city: 'Tokyo' } }] });
    const json = await client.chat({ model, messages, format: schema });
    expect(JSON.parse(json.message.content)).toEqual({ age: 22 });
    expect(fake.requests[0]?.body).toMatchObject({ format: schema });
    const tools = await client.chat({ model, messages, stream: true });
    const parts = await collect(tools);
    const calls = parts.flatMap((part) => part.message.tool_calls ?? []);
    expect(calls).toEqual([{ id: 'call_1', function: { index: 0, name: 'get_weather', arguments: { city: 'Tokyo' } } }]);
    expect(parts.at(-1)?.done_reason).toBe('stop');
  });

  it('lists models through /api/tags and shows one through /api/show', async () => {
    fake.setModels(['mistral:7b']);
    const list = await client.list();
    expect(list.models.map((entry) => entry.name)).toEqual(['mistral:7b']);
    const shown = await client.show({ model: 'mistral:7b' });
    expect(shown.details.family).toBe('mistral');
    await expect(client.show({ model: 'nope' })).rejects.toMatchObject({ status_code: 404, error: "model 'nope' not found" });
  });

  it('refuses unknown models with 404 and Ollama error text, without using a scripted reply', async () => {
    fake.enqueue({ text: 'kept for later' });
    await expect(client.chat({ model: 'ghost:1b', messages })).rejects.toMatchObject({
      name: 'ResponseError',
      status_code: 404,
      error: "model 'ghost:1b' not found",
    });
    expect((await client.chat({ model, messages })).message.content).toBe('kept for later');
  });

  it('answers scripted errors with status, headers and body, after the scripted delay', async () => {
    fake.enqueue({ error: { status: 429, headers: { 'retry-after': '2' } }, delayMs: 60 }, { error: { status: 500, body: 'raw text' } });
    const started = Date.now();
    const response = await fetch(`${fake.baseURL}/api/chat`, { method: 'POST', body: JSON.stringify({ model, messages }) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toEqual({ error: 'too many requests' });
    await expect(client.chat({ model, messages })).rejects.toMatchObject({ status_code: 500, error: 'raw text' });
  });

  it('sends a mid-stream error line after the given chunks', async () => {
    fake.enqueue({ chunks: ['a', 'b', 'c'], streamErrorAfterChunks: { after: 2, message: 'an error was encountered while running the model' } });
    const seen: string[] = [];
    const iterate = async (): Promise<void> => {
      for await (const part of await client.chat({ model, messages, stream: true })) seen.push(part.message.content);
    };
    await expect(iterate()).rejects.toThrow('an error was encountered while running the model');
    expect(seen).toEqual(['a', 'b']);
  });

  it('drops the connection mid-stream without marking it as a client close', async () => {
    fake.enqueue({ chunks: ['a', 'b', 'c'], dropAfterChunks: 1 });
    const seen: string[] = [];
    const iterate = async (): Promise<void> => {
      for await (const part of await client.chat({ model, messages, stream: true })) seen.push(part.message.content);
    };
    await expect(iterate()).rejects.toThrow();
    expect(seen).toEqual(['a']);
    expect(fake.requests[0]?.closedByClientAt).toBeUndefined();
  });

  it('writes a malformed line, which the client skips with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.enqueue({ chunks: ['a', 'b'], malformedAfterChunks: 1 });
    const parts = await collect(await client.chat({ model, messages, stream: true }));
    expect(parts.map((part) => part.message.content).join('')).toBe('ab');
    expect(warn).toHaveBeenCalledWith('invalid json: ', expect.stringContaining('"role":'));
    warn.mockRestore();
  });

  it('records closedByClientAt when the client aborts a stream early', async () => {
    fake.enqueue({ chunks: ['a', 'b', 'c', 'd'], chunkDelayMs: 200 });
    const stream = await client.chat({ model, messages, stream: true });
    const iterate = async (): Promise<void> => {
      for await (const _part of stream) stream.abort();
    };
    await expect(iterate()).rejects.toMatchObject({ name: 'AbortError' });
    await waitFor(() => fake.requests[0]?.closedByClientAt !== undefined);
    expect(fake.requests[0]?.closedByClientAt).toBeGreaterThanOrEqual(fake.requests[0]?.receivedAt ?? 0);
  });

  it('uses the default reply when the queue is empty, and reset restores it', async () => {
    fake.setDefaultReply({ text: 'custom default' });
    expect((await client.chat({ model, messages })).message.content).toBe('custom default');
    fake.reset();
    expect(fake.requests).toEqual([]);
    expect((await client.chat({ model, messages })).message.content).toBe('Hello from the Ollama fake.');
  });

  it('answers unknown routes like the real server', async () => {
    const response = await fetch(`${fake.baseURL}/api/nothing`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('404 page not found');
  });
});
