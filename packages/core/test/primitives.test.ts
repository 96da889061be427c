import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  EventBus,
  LlmActionsError,
  ProviderError,
  computeCostUsd,
  defaultPrices,
  defineAction,
  definePrompt,
  diffLines,
  jsonSchemas,
  parseModelReference,
  resolveModel,
  retryAfterFromHeaders,
} from '../src/index.js';
import { mockProvider } from '../src/testing/index.js';
import { summarize } from './helpers.js';

describe('model references', () => {
  it('splits provider and model, keeping Ollama tags and later slashes in the model', () => {
    expect(parseModelReference('ollama/llama3.2:3b')).toEqual({ providerId: 'ollama', modelId: 'llama3.2:3b' });
    expect(parseModelReference('openai/org/model-x')).toEqual({ providerId: 'openai', modelId: 'org/model-x' });
  });

  it.each(['llama3', '/model', 'ollama/', 'Ollama/x', 'ollama/with space'])('rejects %j with MODEL_REFERENCE_INVALID', (reference) => {
    expect(() => parseModelReference(reference)).toThrow(expect.objectContaining({ code: 'MODEL_REFERENCE_INVALID' }));
  });

  it('names the registered providers when one is unknown', () => {
    const providers = new Map([['ollama', mockProvider({ id: 'ollama' })], ['openai', mockProvider({ id: 'openai' })]]);
    expect(() => resolveModel('anthropic/claude-sonnet-4-5', providers)).toThrow(/Registered providers: ollama, openai/);
    expect(resolveModel('ollama/qwen3', providers).provider.id).toBe('ollama');
  });
});

describe('definitions', () => {
  it('lists every invalid field of an action with its path', () => {
    const error = (() => {
      try {
        defineAction({ id: 'Bad Id', name: '', sources: [], destination: 'x', prompts: { instructions: '' }, model: 'nope' });
      } catch (caught) {
        return caught as LlmActionsError;
      }
    })();
    expect(error?.code).toBe('INVALID_DEFINITION');
    expect((error!.details.issues as Array<{ path: string }>).map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['id', 'name', 'sources', 'prompts.instructions', 'model']),
    );
  });

  it('applies defaults and converts a zod output schema to JSON Schema', () => {
    const action = defineAction({ ...summarize, output: { format: 'json', schema: z.object({ title: z.string() }) } });
    expect(action.status).toBe('published');
    expect(action.testCases).toEqual([]);
    expect(action.output).toMatchObject({ format: 'json', schema: { type: 'object', required: ['title'] } });
    expect(JSON.parse(JSON.stringify(action)).output.schema.properties.title.type).toBe('string');
  });

  it('validates prompts', () => {
    expect(definePrompt({ id: 'tone', template: 'Plain words.' })).toEqual({ id: 'tone', template: 'Plain words.' });
    expect(() => definePrompt({ id: 'latest ok?', template: '' })).toThrow(expect.objectContaining({ code: 'INVALID_DEFINITION' }));
  });

  it('exports the JSON Schemas of the data model', () => {
    const schemas = jsonSchemas();
    expect(Object.keys(schemas).sort()).toEqual(['action', 'actionDefinition', 'binding', 'prompt', 'promptDefinition', 'proposal', 'run']);
    expect(schemas.actionDefinition).toMatchObject({ type: 'object', required: expect.arrayContaining(['id', 'sources', 'destination', 'model']) });
    expect((schemas.run.properties as Record<string, { enum?: string[] }>).status!.enum).toContain('interrupted');
  });
});

describe('errors', () => {
  it('derives kind and retryable from the status and keeps the cause', () => {
    const cause = new Error('socket');
    const error = new ProviderError({ provider: 'openai', status: 529, message: 'overloaded', cause });
    expect([error.kind, error.retryable, error.code, error.cause]).toEqual(['server', true, 'PROVIDER_ERROR', cause]);
    expect(new ProviderError({ provider: 'x', status: 401, message: 'no' })).toMatchObject({ kind: 'auth', retryable: false });
    expect(new ProviderError({ provider: 'x', message: 'refused' })).toMatchObject({ kind: 'network', retryable: true });
    expect(LlmActionsError.isInstance(error) && ProviderError.isInstance(error)).toBe(true);
    expect(ProviderError.isInstance(new LlmActionsError({ code: 'NOT_FOUND', message: 'x' }))).toBe(false);
  });
});

describe('event bus', () => {
  it('delivers typed events to their listeners and to onAny, and unsubscribes', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const off = bus.on('run:retry', (event) => void seen.push(`retry ${event.data.delayMs}`));
    bus.onAny((event) => void seen.push(`any ${event.type}`));
    const event = { type: 'run:retry', at: '2026-01-01T00:00:00.000Z', runId: 'r', data: { attempt: 1, delayMs: 5, error: { code: 'X', message: 'm' } } } as const;
    bus.emit(event);
    off();
    bus.emit(event);
    expect(seen).toEqual(['retry 5', 'any run:retry', 'any run:retry']);
  });
});

describe('prices', () => {
  it('charges cached tokens at cache prices and falls back to provider wildcards', () => {
    expect(computeCostUsd('anthropic/claude-sonnet-4-5', { inputTokens: 1_000_000, cacheReadTokens: 400_000, outputTokens: 100_000 }, defaultPrices)).toBe(
      0.6 * 3 + 0.4 * 0.3 + 0.1 * 15,
    );
    expect(computeCostUsd('ollama/anything:7b', { inputTokens: 10, outputTokens: 10 }, defaultPrices)).toBe(0);
    expect(computeCostUsd('unknown/model', { inputTokens: 10 }, defaultPrices)).toBeUndefined();
  });
});

describe('diffLines', () => {
  it('keeps common lines and marks changes', () => {
    expect(diffLines('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'delete', text: 'b' },
      { op: 'insert', text: 'B' },
      { op: 'equal', text: 'c' },
      { op: 'insert', text: 'd' },
    ]);
    expect(diffLines('', 'new')).toEqual([{ op: 'insert', text: 'new' }]);
  });
});

describe('retryAfterFromHeaders', () => {
  it('prefers retry-after-ms, reads seconds and HTTP dates', () => {
    expect(retryAfterFromHeaders({ 'Retry-After-Ms': '250', 'retry-after': '9' })).toEqual({ retryAfterMs: 250 });
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': '2' }))).toEqual({ retryAfterMs: 2000 });
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterFromHeaders({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }, now)).toEqual({ retryAfterMs: 3000 });
    expect(retryAfterFromHeaders({ 'retry-after': 'soon' })).toEqual({});
  });
});
