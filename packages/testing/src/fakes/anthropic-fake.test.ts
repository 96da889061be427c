import Anthropic from '@anthropic-ai/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicFake } from './anthropic-fake.js';
import type { ProtocolFake } from './protocol-fake.js';

const model = 'claude-haiku-4-5';
const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'Hi' }];

describe('createAnthropicFake, driven by the real @anthropic-ai/sdk client', () => {
  let fake: ProtocolFake;
  let client: Anthropic;
  beforeAll(async () => {
    fake = await createAnthropicFake();
    client = new Anthropic({ baseURL: fake.baseURL, apiKey: 'test', maxRetries: 0 });
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('listens on 127.0.0.1 and answers a Message with text, stop reason and usage incl. cache fields', async () => {
    expect(fake.api).toBe('anthropic');
    expect(fake.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    fake.enqueue({ text: 'Hello there', usage: { inputTokens: 30, outputTokens: 3, cacheReadTokens: 20, cacheWriteTokens: 4 } });
    const message = await client.messages.create({ model, max_tokens: 64, system: 'Be brief.', messages });
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model, stop_reason: 'end_turn', stop_sequence: null });
    expect(message.content).toEqual([{ type: 'text', text: 'Hello there' }]);
    expect(message.usage).toMatchObject({ input_tokens: 6, output_tokens: 3, cache_read_input_tokens: 20, cache_creation_input_tokens: 4 });
    expect(message._request_id).toMatch(/^req_/);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/messages' });
    expect(request?.body).toEqual({ model, max_tokens: 64, system: 'Be brief.', messages });
    expect(request?.headers['anthropic-version']).toBeTruthy();
    expect(request?.headers['content-type']).toBe('application/json');
  });

  it('answers tool_use blocks with stop_reason tool_use, and maps length to max_tokens', async () => {
    fake.enqueue(
      { text: 'Checking.', toolCalls: [{ id: 'toolu_1', name: 'get_weather', input: { location: 'Paris' } }] },
      { text: 'cut', finishReason: 'length' },
    );
    const tools = await client.messages.create({ model, max_tokens: 64, messages });
    expect(tools.stop_reason).toBe('tool_use');
    expect(tools.content).toEqual([
      { type: 'text', text: 'Checking.' },
      { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { location: 'Paris' } },
    ]);
    const cut = await client.messages.create({ model, max_tokens: 1, messages });
    expect(cut.stop_reason).toBe('max_tokens');
  });

  it('streams the recorded event sequence, and the SDK accumulates the final message', async () => {
    fake.enqueue({
      chunks: ['Hel', 'lo', '!'],
      toolCalls: [{ id: 'toolu_2', name: 'get_weather', input: { location: 'Paris' } }],
      usage: { inputTokens: 11, outputTokens: 6 },
    });
    const stream = client.messages.stream({ model, max_tokens: 64, messages });
    const types: string[] = [];
    stream.on('streamEvent', (event) => types.push(event.type === 'content_block_delta' ? event.delta.type : event.type));
    const message = await stream.finalMessage();
    expect(types).toEqual([
      'message_start',
      'content_block_start', 'text_delta', 'text_delta', 'text_delta', 'content_block_stop',
      'content_block_start', 'input_json_delta', 'input_json_delta', 'input_json_delta', 'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(message.content).toEqual([
      { type: 'text', text: 'Hello!' },
      { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { location: 'Paris' } },
    ]);
    expect(message).toMatchObject({ stop_reason: 'tool_use', usage: { input_tokens: 11, output_tokens: 6 } });
    expect(fake.requests[0]?.body).toMatchObject({ stream: true });
  });

  it('writes SSE frames with event names and a ping, as the recorded fixture does', async () => {
    fake.enqueue({ chunks: ['Hi'] });
    const response = await client.messages.create({ model, max_tokens: 8, messages, stream: true }).asResponse();
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await response.text();
    expect(text).toMatch(/^event: message_start\ndata: \{"type":"message_start"/);
    expect(text).toContain('event: ping\ndata: {"type":"ping"}\n\n');
    expect(text).toContain('event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}\n\n');
    expect(text.trimEnd().endsWith('event: message_stop\ndata: {"type":"message_stop"}')).toBe(true);
  });

  it('lists models page by page and retrieves one', async () => {
    fake.setModels(['claude-a', 'claude-b', 'claude-c']);
    const ids: string[] = [];
    for await (const info of client.models.list({ limit: 2 })) ids.push(info.id);
    expect(ids).toEqual(['claude-a', 'claude-b', 'claude-c']);
    expect(fake.requests.map((request) => request.path)).toEqual(['/v1/models', '/v1/models']);
    await expect(client.models.retrieve('claude-b')).resolves.toMatchObject({ type: 'model', id: 'claude-b' });
    await expect(client.models.retrieve('claude-z')).rejects.toBeInstanceOf(Anthropic.NotFoundError);
  });
});
