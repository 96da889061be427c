import type { ProviderV1Request } from '@llm-actions/core';
import { createAnthropicFake, type ProtocolFake } from '@llm-actions/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropic } from './create-anthropic.js';

const model = 'claude-haiku-4-5';
const apiKey = 'sk-ant-test-secret-key';
const hello: ProviderV1Request = { model, messages: [{ role: 'user', content: 'Hi' }], settings: {} };

describe('createAnthropic: doGenerate over HTTP against the Anthropic fake', () => {
  let fake: ProtocolFake;
  beforeAll(async () => {
    fake = await createAnthropicFake();
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());
  const provider = () => createAnthropic({ baseURL: fake.baseURL, apiKey });

  it('returns text, finish reason and usage with cache reads and writes counted as input', async () => {
    fake.enqueue({ text: 'Hello!', usage: { inputTokens: 40, outputTokens: 3, cacheReadTokens: 30, cacheWriteTokens: 5 } });
    const result = await provider().doGenerate(hello);
    expect(result).toMatchObject({ text: 'Hello!', toolCalls: [], finishReason: { unified: 'stop', raw: 'end_turn' }, warnings: [] });
    expect(result.usage).toEqual({ inputTokens: 40, outputTokens: 3, cacheReadTokens: 30, cacheWriteTokens: 5 });
    expect(result.response).toMatchObject({ modelId: model, status: 200, id: expect.stringMatching(/^msg_/) });
  });

  it('sends system on top, max_tokens by default, stop sequences, tools and tool choice, and no key in diagnostics', async () => {
    fake.enqueue({ toolCalls: [{ id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } }] });
    const result = await provider().doGenerate({
      ...hello,
      messages: [{ role: 'system', content: 'Be brief.' }, ...hello.messages],
      settings: { stop: ['END'] },
      tools: [{ name: 'get_weather', description: 'Weather now', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } }],
      toolChoice: 'required',
      headers: { 'x-trace': 'abc' },
    });
    expect(result.toolCalls).toEqual([{ id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } }]);
    expect(result.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_use' });
    const sent = fake.requests[0];
    expect(sent?.body).toEqual({
      model,
      max_tokens: 4096,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Hi' }],
      stop_sequences: ['END'],
      tools: [{ name: 'get_weather', description: 'Weather now', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
      tool_choice: { type: 'any' },
      stream: false,
    });
    expect(sent?.headers['x-trace']).toBe('abc');
    expect(result.request).toMatchObject({ url: `${fake.baseURL}/v1/messages`, headers: { 'x-trace': 'abc' } });
    expect(JSON.stringify([result.request, result.response])).not.toContain(apiKey);
  });

  it('drops sampling settings with warnings on the SDK default API version, and sends them on 2023-06-01', async () => {
    const settings = { temperature: 0.3, topP: 0.9, topK: 40, seed: 7, maxOutputTokens: 50 };
    const current = await provider().doGenerate({ ...hello, settings });
    expect(current.warnings.map((warning) => ('setting' in warning ? warning.setting : warning.type))).toEqual(['temperature', 'topP', 'topK', 'seed']);
    expect(fake.requests[0]?.body).toMatchObject({ max_tokens: 50 });
    expect(fake.requests[0]?.body).not.toHaveProperty('temperature');
    const legacy = createAnthropic({ baseURL: fake.baseURL, apiKey, headers: { 'anthropic-version': '2023-06-01' } });
    const result = await legacy.doGenerate({ ...hello, settings });
    expect(result.warnings).toEqual([expect.objectContaining({ setting: 'seed' })]);
    expect(fake.requests[1]?.body).toMatchObject({ temperature: 0.3, top_p: 0.9, top_k: 40 });
    expect(fake.requests[1]?.headers['anthropic-version']).toBe('2023-06-01');
  });

  it('emulates a JSON response format with a forced tool and says so in a warning', async () => {
    const schema = { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] };
    fake.enqueue({ toolCalls: [{ name: 'article', input: { title: 'Hello' } }] }, { toolCalls: [{ name: 'json_response', input: { value: [1, 2] } }] });
    const result = await provider().doGenerate({ ...hello, responseFormat: { type: 'json', schema, name: 'article' } });
    expect(result).toMatchObject({ text: '{"title":"Hello"}', toolCalls: [], finishReason: { unified: 'stop', raw: 'tool_use' } });
    expect(result.warnings).toEqual([expect.objectContaining({ type: 'other', message: expect.stringContaining('emulated') })]);
    expect(fake.requests[0]?.body).toMatchObject({ tools: [{ name: 'article', input_schema: schema }], tool_choice: { type: 'tool', name: 'article' } });
    const list = await provider().doGenerate({ ...hello, responseFormat: { type: 'json', schema: { type: 'array' } } });
    expect(list.text).toBe('[1,2]');
  });

  it('maps refusal to content-filter and max_tokens to length', async () => {
    const refusal = { id: 'msg_1', type: 'message', role: 'assistant', model, content: [], stop_reason: 'refusal', stop_sequence: null, usage: { input_tokens: 5, output_tokens: 0 } };
    fake.enqueue({ error: { status: 200, body: refusal } }, { text: 'cut', finishReason: 'length' });
    await expect(provider().doGenerate(hello)).resolves.toMatchObject({ finishReason: { unified: 'content-filter', raw: 'refusal' } });
    await expect(provider().doGenerate(hello)).resolves.toMatchObject({ finishReason: { unified: 'length', raw: 'max_tokens' } });
  });

  it('lists models through GET /v1/models, following pages', async () => {
    fake.setModels(Array.from({ length: 120 }, (_, index) => `claude-test-${index}`));
    const models = await provider().listModels?.();
    expect(models).toHaveLength(120);
    expect(models?.[0]).toMatchObject({ id: 'claude-test-0', name: 'Claude Test 0', details: { type: 'model' } });
    expect(fake.requests.map((request) => request.path)).toEqual(['/v1/models', '/v1/models']);
  });

  it('passes providerOptions.anthropic through as body fields', async () => {
    await provider().doGenerate({ ...hello, providerOptions: { anthropic: { metadata: { user_id: 'u1' }, stream: true } } });
    expect(fake.requests[0]?.body).toMatchObject({ metadata: { user_id: 'u1' }, stream: false });
  });
});
