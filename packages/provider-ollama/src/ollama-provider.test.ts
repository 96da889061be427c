import type { ProviderV1Request, ProviderV1StreamPart } from '@llm-actions/core';
import { createOllamaFake, type ProtocolFake } from '@llm-actions/testing';
import { Ollama } from 'ollama';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOllama } from './index.js';

const model = 'llama3.2:3b';
const base: ProviderV1Request = { model, messages: [{ role: 'user', content: 'Hi' }], settings: {} };

async function collect(stream: AsyncIterable<ProviderV1StreamPart>): Promise<ProviderV1StreamPart[]> {
  const parts: ProviderV1StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

describe('createOllama against the Ollama fake (real ollama client over HTTP)', () => {
  let fake: ProtocolFake;
  beforeAll(async () => {
    fake = await createOllamaFake();
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('sends messages, tool history and settings under Ollama names', async () => {
    const provider = createOllama({ baseURL: fake.baseURL, headers: { 'x-tenant': 'acme', authorization: 'Bearer secret' } });
    const result = await provider.doGenerate({
      model,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'get_weather', input: { city: 'Paris' } }] },
        { role: 'tool', toolCallId: 'call_1', toolName: 'get_weather', content: '{"celsius":11}' },
      ],
      settings: { temperature: 0.1, maxOutputTokens: 64, topP: 0.9, topK: 20, stop: ['END'], seed: 7 },
      providerOptions: { ollama: { keep_alive: '10m', options: { num_ctx: 4096, temperature: 1 } } },
    });
    const [request] = fake.requests;
    expect(request?.body).toEqual({
      model,
      stream: false,
      keep_alive: '10m',
      options: { num_ctx: 4096, temperature: 0.1, num_predict: 64, top_p: 0.9, top_k: 20, stop: ['END'], seed: 7 },
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: '', tool_calls: [{ id: 'call_1', function: { name: 'get_weather', arguments: { city: 'Paris' } } }] },
        { role: 'tool', content: '{"celsius":11}', tool_name: 'get_weather', tool_call_id: 'call_1' },
      ],
    });
    expect(request?.headers['x-tenant']).toBe('acme');
    expect(result.request?.url).toBe(`${fake.baseURL}/api/chat`);
    expect(result.request?.headers).toEqual({ 'x-tenant': 'acme', authorization: '[redacted]' });
    expect(result.response).toMatchObject({ modelId: model, status: 200 });
    expect(result.warnings).toEqual([]);
  });

  it('maps response formats and tool choices, warning where Ollama cannot follow', async () => {
    const provider = createOllama({ baseURL: fake.baseURL });
    const tools = [
      { name: 'a', description: 'A', inputSchema: { type: 'object', properties: {} } },
      { name: 'b', description: 'B', inputSchema: { type: 'object', properties: {} } },
    ];
    await provider.doGenerate({ ...base, responseFormat: { type: 'json' }, tools, toolChoice: 'none' });
    const named = await provider.doGenerate({ ...base, tools, toolChoice: { type: 'tool', name: 'b' }, providerOptions: { ollama: { nope: 1 } } });
    const bodies = fake.requests.map((request) => request.body as Record<string, unknown>);
    expect(bodies[0]).toMatchObject({ format: 'json' });
    expect(bodies[0]).not.toHaveProperty('tools');
    expect(bodies[1]?.tools).toEqual([{ type: 'function', function: { name: 'b', description: 'B', parameters: tools[1]?.inputSchema } }]);
    expect(named.warnings).toEqual([
      { type: 'other', message: expect.stringContaining('providerOptions.ollama.nope') },
      { type: 'unsupported-setting', setting: 'toolChoice', details: expect.stringContaining('no tool choice') },
    ]);
  });

  it('returns tool calls with the server ids, or generated ones, and finish reason tool-calls', async () => {
    const provider = createOllama({ baseURL: fake.baseURL, generateId: () => 'generated' });
    fake.enqueue({ toolCalls: [{ id: 'call_x', name: 'a', input: { q: 1 } }, { name: 'b', input: {} }], usage: { inputTokens: 9, outputTokens: 4 } });
    const result = await provider.doGenerate(base);
    expect(result.toolCalls).toEqual([
      { id: 'call_x', name: 'a', input: { q: 1 } },
      { id: 'generated', name: 'b', input: {} },
    ]);
    expect(result.finishReason).toEqual({ unified: 'tool-calls', raw: 'stop' });
    expect(result.usage).toEqual({ inputTokens: 9, outputTokens: 4 });
  });

  it('streams text deltas, tool calls and one finish part', async () => {
    const provider = createOllama({ baseURL: fake.baseURL });
    fake.enqueue({ chunks: ['Hel', 'lo'], finishReason: 'length', usage: { inputTokens: 3, outputTokens: 2 } });
    const { stream, request } = await provider.doStream(base);
    expect(request?.body).toMatchObject({ stream: true });
    const parts = await collect(stream);
    expect(parts.slice(0, 2)).toEqual([{ type: 'text-delta', delta: 'Hel' }, { type: 'text-delta', delta: 'lo' }]);
    expect(parts[2]).toMatchObject({ type: 'finish', finishReason: { unified: 'length', raw: 'length' }, usage: { inputTokens: 3, outputTokens: 2 } });
    fake.enqueue({ toolCalls: [{ id: 'call_s', name: 'a', input: { x: 1 } }] });
    const toolParts = await collect((await provider.doStream(base)).stream);
    expect(toolParts).toEqual([
      { type: 'tool-call', toolCall: { id: 'call_s', name: 'a', input: { x: 1 } } },
      expect.objectContaining({ type: 'finish', finishReason: { unified: 'tool-calls', raw: 'stop' } }),
    ]);
  });

  it('lists the server models', async () => {
    fake.setModels(['llama3.2:3b', 'qwen2.5:0.5b']);
    const models = await createOllama({ baseURL: fake.baseURL }).listModels();
    expect(models.map((entry) => entry.id)).toEqual(['llama3.2:3b', 'qwen2.5:0.5b']);
    expect(models[0]?.details).toMatchObject({ family: 'llama', size: expect.any(Number) });
  });

  it('reads OLLAMA_HOST when a call is made, not at creation', async () => {
    const provider = createOllama();
    const previous = process.env.OLLAMA_HOST;
    process.env.OLLAMA_HOST = fake.baseURL;
    try {
      expect((await provider.doGenerate(base)).text).toBe('Hello from the Ollama fake.');
    } finally {
      if (previous === undefined) delete process.env.OLLAMA_HOST;
      else process.env.OLLAMA_HOST = previous;
    }
  });

  it('uses an injected client and its host', async () => {
    const provider = createOllama({ client: new Ollama({ host: fake.baseURL }) });
    fake.enqueue({ text: 'from injected' });
    const result = await provider.doGenerate({ ...base, headers: { 'x-ignored': '1' } });
    expect(result.text).toBe('from injected');
    expect(result.warnings).toEqual([{ type: 'other', message: expect.stringContaining('injected Ollama client') }]);
  });
});
