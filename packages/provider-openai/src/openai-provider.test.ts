import type { ProviderV1Request } from '@llm-actions/core';
import { createOpenAIFake, type ProtocolFake } from '@llm-actions/testing';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenAI, openai } from './index.js';

let fake: ProtocolFake;
beforeAll(async () => {
  fake = await createOpenAIFake();
});
beforeEach(() => fake.reset());
afterEach(() => vi.unstubAllEnvs());
afterAll(() => fake.close());

const request = (overrides: Partial<ProviderV1Request> = {}): ProviderV1Request => ({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Say hello' }],
  settings: {},
  ...overrides,
});
const sentBody = () => fake.requests.at(-1)?.body as Record<string, unknown>;

describe('createOpenAI: requests', () => {
  it('maps messages, including assistant tool calls and tool results', async () => {
    const provider = createOpenAI({ baseURL: fake.baseURL, apiKey: 'test' });
    await provider.doGenerate(
      request({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Weather in Paris?' },
          { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'get_weather', input: { city: 'Paris' } }] },
          { role: 'tool', toolCallId: 'call_1', toolName: 'get_weather', content: '{"celsius":21}' },
          { role: 'assistant', content: 'It is 21°C.' },
          { role: 'user', content: 'Thanks' },
        ],
      }),
    );
    expect(sentBody().messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '{"celsius":21}' },
      { role: 'assistant', content: 'It is 21°C.' },
      { role: 'user', content: 'Thanks' },
    ]);
  });

  it('maps settings, warns about topK and extra stop sequences, and merges providerOptions', async () => {
    const provider = createOpenAI({ baseURL: fake.baseURL, apiKey: 'test' });
    const settings = { temperature: 0.2, maxOutputTokens: 50, topP: 0.9, topK: 40, seed: 7, stop: ['a', 'b', 'c', 'd', 'e'] };
    const result = await provider.doGenerate(request({ settings, providerOptions: { openai: { user: 'u1', model: 'ignored' }, other: { x: 1 } } }));
    expect(sentBody()).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.2, max_completion_tokens: 50, top_p: 0.9, seed: 7, stop: ['a', 'b', 'c', 'd'], user: 'u1' });
    expect(sentBody()).not.toHaveProperty('top_k');
    expect(sentBody()).not.toHaveProperty('x');
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported-setting', setting: 'topK' }),
      expect.objectContaining({ type: 'unsupported-setting', setting: 'stop' }),
    ]);
    await createOpenAI({ baseURL: fake.baseURL, apiKey: 'test', maxTokensParameter: 'max_tokens' }).doGenerate(request({ settings: { maxOutputTokens: 9 } }));
    expect(sentBody()).toMatchObject({ max_tokens: 9 });
    expect(sentBody()).not.toHaveProperty('max_completion_tokens');
  });

  it('sends json_schema response formats with a valid name, and json_object with a JSON hint', async () => {
    const provider = createOpenAI({ baseURL: fake.baseURL, apiKey: 'test' });
    const schema = { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] };
    fake.enqueue({ text: '{"title":"Hi"}' });
    const result = await provider.doGenerate(request({ responseFormat: { type: 'json', schema, name: 'blog post!' } }));
    expect(result.text).toBe('{"title":"Hi"}');
    expect(sentBody().response_format).toEqual({ type: 'json_schema', json_schema: { name: 'blog_post_', schema, strict: false } });
    await createOpenAI({ baseURL: fake.baseURL, apiKey: 'test', strictJsonSchema: true }).doGenerate(request({ responseFormat: { type: 'json', schema } }));
    expect(sentBody().response_format).toMatchObject({ json_schema: { name: 'response', strict: true } });

    const plain = await provider.doGenerate(request({ responseFormat: { type: 'json' } }));
    expect(sentBody().response_format).toEqual({ type: 'json_object' });
    expect((sentBody().messages as unknown[])[0]).toEqual({ role: 'system', content: 'Respond with a single JSON object.' });
    expect(plain.warnings).toEqual([expect.objectContaining({ type: 'other' })]);
    await provider.doGenerate(request({ messages: [{ role: 'user', content: 'Answer in JSON' }], responseFormat: { type: 'json' } }));
    expect(sentBody().messages).toHaveLength(1);
  });

  it('sends tools and tool choices, and parses tool calls from the reply', async () => {
    const provider = createOpenAI({ baseURL: fake.baseURL, apiKey: 'test' });
    const tools = [{ name: 'get_weather', description: 'Weather for a city', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } }];
    fake.enqueue({ toolCalls: [{ id: 'call_9', name: 'get_weather', input: { city: 'Oslo' } }] });
    const result = await provider.doGenerate(request({ tools, toolChoice: { type: 'tool', name: 'get_weather' } }));
    expect(sentBody()).toMatchObject({
      tools: [{ type: 'function', function: { name: 'get_weather', description: 'Weather for a city', parameters: tools[0]?.inputSchema } }],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    expect(result).toMatchObject({ text: '', toolCalls: [{ id: 'call_9', name: 'get_weather', input: { city: 'Oslo' } }], finishReason: { unified: 'tool-calls', raw: 'tool_calls' } });
    await provider.doGenerate(request({ tools, toolChoice: 'required' }));
    expect(sentBody().tool_choice).toBe('required');
    const withoutTools = await provider.doGenerate(request({ toolChoice: 'auto' }));
    expect(sentBody()).not.toHaveProperty('tool_choice');
    expect(withoutTools.warnings).toEqual([expect.objectContaining({ setting: 'toolChoice' })]);
  });

  it('sends headers, organization and project, but keeps the key out of the raw request and response', async () => {
    const provider = createOpenAI({ baseURL: fake.baseURL, apiKey: 'sk-secret-123456', organization: 'org-1', project: 'proj-1', headers: { 'x-team': 'docs', 'api-key': 'hidden' } });
    const result = await provider.doGenerate(request({ headers: { 'x-trace': 't1' } }));
    expect(fake.requests[0]?.headers).toMatchObject({ authorization: 'Bearer sk-secret-123456', 'openai-organization': 'org-1', 'openai-project': 'proj-1', 'x-team': 'docs', 'x-trace': 't1' });
    expect(result.request).toMatchObject({ url: `${fake.baseURL}/chat/completions`, headers: { 'x-team': 'docs', 'x-trace': 't1' }, body: { model: 'gpt-4o-mini' } });
    expect(result.response).toMatchObject({ status: 200, modelId: 'gpt-4o-mini', id: expect.stringMatching(/^chatcmpl-/), headers: { 'content-type': expect.any(String) } });
    expect(JSON.stringify(result)).not.toMatch(/sk-secret|hidden|authorization/i);
  });
});

describe('createOpenAI: results', () => {
  it('maps text, usage with cached and reasoning tokens, and finish reasons', async () => {
    const provider = createOpenAI({ baseURL: fake.baseURL, apiKey: 'test' });
    fake.enqueue({ text: 'Cut short', finishReason: 'length', usage: { inputTokens: 30, outputTokens: 4, cacheReadTokens: 20, cacheWriteTokens: 5 } });
    const result = await provider.doGenerate(request());
    expect(result).toMatchObject({ text: 'Cut short', toolCalls: [], finishReason: { unified: 'length', raw: 'length' }, warnings: [] });
    expect(result.usage).toEqual({ inputTokens: 30, outputTokens: 4, cacheReadTokens: 20, cacheWriteTokens: 5, reasoningTokens: 0 });
  });

  it('maps content_filter and refusals to a content-filter finish', async () => {
    const fetchWith = (body: unknown) => async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    const completion = (message: object, finishReason: string) => ({ id: 'c1', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason, logprobs: null }] });
    const filtered = createOpenAI({ baseURL: fake.baseURL, apiKey: 'test', fetch: fetchWith(completion({ content: '' }, 'content_filter')) });
    expect((await filtered.doGenerate(request())).finishReason).toEqual({ unified: 'content-filter', raw: 'content_filter' });
    const refused = createOpenAI({ baseURL: fake.baseURL, apiKey: 'test', fetch: fetchWith(completion({ content: null, refusal: 'I cannot help.' }, 'stop')) });
    const result = await refused.doGenerate(request());
    expect(result.finishReason).toEqual({ unified: 'content-filter', raw: 'stop' });
    expect(result.warnings).toEqual([{ type: 'other', message: 'The model refused: I cannot help.' }]);
  });

  it('keeps tool-call arguments that are not valid JSON as a string, with a warning', async () => {
    const body = { id: 'c1', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, logprobs: null, finish_reason: 'tool_calls', message: { role: 'assistant', content: null, tool_calls: [{ type: 'function', function: { name: 't', arguments: '{oops' } }] } }] };
    const provider = createOpenAI({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'test', fetch: async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }) });
    const result = await provider.doGenerate(request());
    expect(result.toolCalls).toEqual([{ id: 'call_0', name: 't', input: '{oops' }]);
    expect(result.warnings[0]).toMatchObject({ type: 'other' });
  });

  it('fails with a server error naming baseURL when a 200 is not a chat completion', async () => {
    const provider = createOpenAI({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'k', fetch: async () => new Response('<html>hi</html>', { headers: { 'content-type': 'text/html' } }) });
    await expect(provider.doGenerate(request())).rejects.toMatchObject({ name: 'ProviderError', kind: 'server', retryable: false, message: expect.stringContaining('baseURL') });
  });

  it('lists models', async () => {
    fake.setModels(['gpt-a', 'gpt-b']);
    const models = await createOpenAI({ baseURL: fake.baseURL, apiKey: 'test' }).listModels();
    expect(models).toEqual([
      { id: 'gpt-a', details: { ownedBy: 'openai', created: 1686935002 } },
      { id: 'gpt-b', details: { ownedBy: 'openai', created: 1686935002 } },
    ]);
  });
});

describe('createOpenAI: configuration', () => {
  it('registers OpenAI-compatible servers under their own name and reads providerOptions by it', async () => {
    const groq = createOpenAI({ name: 'groq', baseURL: fake.baseURL, apiKey: 'gsk' });
    expect(groq.id).toBe('groq');
    await groq.doGenerate(request({ providerOptions: { groq: { service_tier: 'flex' }, openai: { user: 'no' } } }));
    expect(sentBody()).toMatchObject({ service_tier: 'flex' });
    expect(sentBody()).not.toHaveProperty('user');
  });

  it('does not throw at import without a key, and fails at call time with an auth error that says what to do', async () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    expect(openai.id).toBe('openai');
    await expect(createOpenAI().doGenerate(request())).rejects.toMatchObject({ name: 'ProviderError', kind: 'auth', retryable: false, message: expect.stringContaining('OPENAI_API_KEY') });
    await expect(createOpenAI({ name: 'local', baseURL: fake.baseURL }).doGenerate(request())).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('apiKey') });
    expect(fake.requests).toHaveLength(0);
  });

  it('reads OPENAI_API_KEY at the first call, and never sends it to another baseURL', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-env');
    vi.stubEnv('OPENAI_BASE_URL', fake.baseURL);
    await createOpenAI().doGenerate(request());
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-from-env');
    await expect(createOpenAI({ baseURL: fake.baseURL }).doGenerate(request())).rejects.toMatchObject({ kind: 'auth' });
    expect(fake.requests).toHaveLength(1);
  });

  it('uses an injected client and an injected fetch, with the client retries off', async () => {
    const client = new OpenAI({ baseURL: fake.baseURL, apiKey: 'injected', maxRetries: 5 });
    fake.enqueue({ error: { status: 500, headers: { 'retry-after-ms': '0' } } });
    await expect(createOpenAI({ client }).doGenerate(request())).rejects.toMatchObject({ kind: 'server', status: 500, retryable: true });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer injected');

    const seen: string[] = [];
    const provider = createOpenAI({ baseURL: fake.baseURL, apiKey: 'test', fetch: (input, init) => (seen.push(String(input)), fetch(input, init)) });
    await provider.doGenerate(request());
    expect(seen).toEqual([`${fake.baseURL}/chat/completions`]);
  });
});
