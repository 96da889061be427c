import type { ProviderV1Settings, ProviderV1StreamPart, ProviderV1Warning } from '@llm-actions/core';
import { expect } from 'vitest';
import { collectParts, containsDeep, valueAt, type ConformanceCaseContext, type ConformanceRegistry } from './conformance-context.js';
import { weatherTool } from './conformance-wire.js';

/** Values the settings case sends; each must reach the body or come back as a warning. */
export const sampleSettings: Required<ProviderV1Settings> = { temperature: 0.3, maxOutputTokens: 77, topP: 0.8, topK: 17, stop: ['STOP'], seed: 42 };

const hasSettingWarning = (warnings: ProviderV1Warning[], setting: string): boolean =>
  warnings.some((warning) => warning.type === 'unsupported-setting' && warning.setting === setting);

function streamOf(context: ConformanceCaseContext) {
  const { doStream } = context.provider;
  if (!doStream) return context.skip('the provider has no doStream; core falls back to doGenerate');
  return doStream.bind(context.provider);
}

/** Direct provider cases: what a request carries and what a reply maps to. */
export function registerGenerationCases(registry: ConformanceRegistry): void {
  registry.test('plain-text', 'doGenerate returns the text, the model id reaches the request', async (context) => {
    context.fake.enqueue({ text: 'Hello, conformance.' });
    const result = await context.provider.doGenerate(context.request());
    expect(result.text).toBe('Hello, conformance.');
    expect(result.toolCalls).toEqual([]);
    expect(result.finishReason.unified).toBe('stop');
    expect(Array.isArray(result.warnings)).toBe(true);
    expect(context.modelCalls()).toHaveLength(1);
    expect(valueAt(context.modelCalls()[0]?.body, 'model')).toBe(context.model);
  });

  registry.test('system-prompt', 'the system message reaches the request as the API expects it', async (context) => {
    await context.provider.doGenerate(
      context.request({ messages: [{ role: 'system', content: 'You are terse.' }, { role: 'user', content: 'Hi' }] }),
    );
    expect(context.wire.readSystem(context.modelCalls()[0]?.body)).toContain('You are terse.');
  });

  registry.test('settings', 'settings reach the request body under the API field names, or warn', async (context) => {
    const result = await context.provider.doGenerate(context.request({ settings: sampleSettings }));
    const body = context.modelCalls()[0]?.body;
    for (const [setting, paths] of Object.entries(context.wire.settings)) {
      const expected = sampleSettings[setting as keyof ProviderV1Settings];
      const sent = (paths ?? []).map((path) => valueAt(body, path)).find((value) => value !== undefined);
      const arrived = sent !== undefined && (containsDeep(sent, expected) || (Array.isArray(expected) && sent === expected[0]));
      // A setting the API (or model) cannot take must come back as a warning instead.
      const explanation = `setting ${setting} (expected at ${paths?.join(' or ') ?? 'nowhere'}, or an unsupported-setting warning)`;
      expect(arrived || hasSettingWarning(result.warnings, setting), explanation).toBe(true);
      if (paths === null) expect(hasSettingWarning(result.warnings, setting), explanation).toBe(true);
    }
  });

  registry.test('stream-matches-generate', 'doStream yields the same text as doGenerate, then one finish part', async (context) => {
    const stream = streamOf(context);
    const chunks = ['The quick ', 'brown fox ', 'jumps.'];
    context.fake.enqueue({ chunks }, { chunks });
    const generated = await context.provider.doGenerate(context.request());
    const parts = await collectParts((await stream(context.request())).stream);
    const text = parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : [])).join('');
    expect(text).toBe(generated.text);
    expect(parts.filter((part) => part.type === 'text-delta').length).toBeGreaterThan(1);
    expect(parts.filter((part) => part.type === 'finish')).toHaveLength(1);
    expect(parts.at(-1)?.type).toBe('finish');
    const [plain, streamed] = context.modelCalls();
    expect(valueAt(plain?.body, 'stream')).not.toBe(true);
    expect(valueAt(streamed?.body, 'stream')).toBe(true);
  });

  registry.test('json-schema', 'a JSON response format with a schema reaches the request; JSON comes back', async (context) => {
    const schema = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } }, required: ['name', 'age'], additionalProperties: false };
    context.fake.enqueue({ text: '{"name":"Ada","age":36}' });
    const result = await context.provider.doGenerate(context.request({ responseFormat: { type: 'json', schema, name: 'person' } }));
    expect(JSON.parse(result.text)).toEqual({ name: 'Ada', age: 36 });
    expect(containsDeep(context.modelCalls()[0]?.body, schema), 'the JSON schema appears in the request body').toBe(true);
  });

  registry.test('tool-round-trip', 'the model calls a tool, the result goes back, the model answers', async (context) => {
    const question = { role: 'user' as const, content: 'What is the weather in Paris?' };
    context.fake.enqueue({ toolCalls: [{ id: 'call_conformance_1', name: 'get_weather', input: { city: 'Paris' } }] }, { text: 'It is 11 degrees in Paris.' });
    const first = await context.provider.doGenerate(context.request({ messages: [question], tools: [weatherTool], toolChoice: 'auto' }));
    expect(first.toolCalls).toEqual([{ id: expect.any(String), name: 'get_weather', input: { city: 'Paris' } }]);
    expect(first.finishReason.unified).toBe('tool-calls');
    expect(context.wire.readToolNames(context.modelCalls()[0]?.body)).toContain('get_weather');
    const call = first.toolCalls[0]!;
    const second = await context.provider.doGenerate(
      context.request({
        messages: [
          question,
          { role: 'assistant', content: first.text, toolCalls: first.toolCalls },
          { role: 'tool', toolCallId: call.id, toolName: call.name, content: '{"celsius":11}' },
        ],
        tools: [weatherTool],
      }),
    );
    expect(second.text).toBe('It is 11 degrees in Paris.');
    expect(second.finishReason.unified).toBe('stop');
    const results = context.wire.readToolResults(context.modelCalls()[1]?.body);
    expect(results.some((result) => result.content.includes('"celsius":11') && (result.id === call.id || result.name === call.name))).toBe(true);
  });

  registry.test('streamed-tool-call', 'doStream yields tool-call parts and finishes with tool-calls', async (context) => {
    const stream = streamOf(context);
    context.fake.enqueue({ toolCalls: [{ id: 'call_conformance_2', name: 'get_weather', input: { city: 'Oslo' } }] });
    const parts = await collectParts((await stream(context.request({ tools: [weatherTool] }))).stream);
    const calls = parts.flatMap((part) => (part.type === 'tool-call' ? [part.toolCall] : []));
    expect(calls).toEqual([{ id: expect.any(String), name: 'get_weather', input: { city: 'Oslo' } }]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'tool-calls' } });
  });

  registry.test('usage-and-finish-reason', 'usage (with cache tokens where the API has them) and finish reason map', async (context) => {
    const reply = { text: 'Cut short', finishReason: 'length' as const, usage: { inputTokens: 21, outputTokens: 8, cacheReadTokens: 5, cacheWriteTokens: 3 } };
    const { read, write } = context.wire.cacheTokens;
    const expected = { inputTokens: 21, outputTokens: 8, ...(read ? { cacheReadTokens: 5 } : {}), ...(write ? { cacheWriteTokens: 3 } : {}) };
    context.fake.enqueue(reply);
    const result = await context.provider.doGenerate(context.request());
    expect(result.usage).toMatchObject(expected);
    expect(result.finishReason).toMatchObject({ unified: 'length', raw: expect.any(String) });
    if (!context.provider.doStream) return;
    context.fake.enqueue(reply);
    const parts = await collectParts((await context.provider.doStream(context.request())).stream);
    const finish = parts.at(-1) as Extract<ProviderV1StreamPart, { type: 'finish' }>;
    expect(finish.usage).toMatchObject(expected);
    expect(finish.finishReason.unified).toBe('length');
  });

  registry.test('unsupported-warnings', 'what the API cannot honour comes back as unsupported-setting warnings', async (context) => {
    const missing = Object.entries(context.wire.settings).filter(([, paths]) => paths === null);
    const cases = [
      ...missing.map(([setting]) => ({ setting, request: { settings: { [setting]: sampleSettings[setting as keyof ProviderV1Settings] } } })),
      ...context.wire.unsupported,
    ];
    if (cases.length === 0) context.skip(`${context.fake.api} supports every setting and feature of the contract`);
    for (const { setting, request } of cases) {
      const result = await context.provider.doGenerate(context.request(request));
      expect(hasSettingWarning(result.warnings, setting), `warning for ${setting}`).toBe(true);
    }
  });

  registry.test('list-models', 'listModels reports the models the server has', async (context) => {
    if (!context.provider.listModels) context.skip('the provider has no listModels');
    context.fake.setModels([context.model, 'conformance-extra-model']);
    const models = await context.provider.listModels!();
    expect(models.map((model) => model.id)).toEqual(expect.arrayContaining([context.model, 'conformance-extra-model']));
  });
}
