import { describe, expect, it } from 'vitest';
import { containsDeep, valueAt } from './conformance-context.js';
import { anthropicWire, ollamaWire, openAIWire, textOf } from './conformance-wire.js';
import { checkSkippedIds } from './run-provider-conformance.js';

describe('conformance wires read request bodies in each API layout', () => {
  it('reads Ollama bodies (documented tool-history sample)', () => {
    const body = {
      model: 'llama3.2',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'what is the weather in Toronto?' },
        { role: 'assistant', content: '', tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Toronto' } } }] },
        { role: 'tool', content: '11 degrees celsius', tool_name: 'get_weather' },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: {} } }],
      options: { temperature: 0 },
    };
    expect(ollamaWire.readSystem(body)).toBe('Be brief.');
    expect(ollamaWire.readToolNames(body)).toEqual(['get_weather']);
    expect(ollamaWire.readToolResults(body)).toEqual([{ id: undefined, name: 'get_weather', content: '11 degrees celsius' }]);
    expect(valueAt(body, ollamaWire.settings.temperature![0]!)).toBe(0);
  });

  it('reads OpenAI chat completion bodies, system or developer, string or parts', () => {
    const body = {
      messages: [
        { role: 'developer', content: [{ type: 'text', text: 'Be ' }, { type: 'text', text: 'brief.' }] },
        { role: 'tool', tool_call_id: 'call_1', content: '{"celsius":11}' },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather' } }],
    };
    expect(openAIWire.readSystem(body)).toBe('Be brief.');
    expect(openAIWire.readToolNames(body)).toEqual(['get_weather']);
    expect(openAIWire.readToolResults(body)).toEqual([{ id: 'call_1', content: '{"celsius":11}' }]);
    expect(openAIWire.settings.topK).toBeNull();
  });

  it('reads Anthropic bodies: top-level system blocks and tool_result blocks', () => {
    const body = {
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: '11' }] }] }],
      tools: [{ name: 'get_weather', input_schema: {} }],
    };
    expect(anthropicWire.readSystem(body)).toBe('Be brief.');
    expect(anthropicWire.readToolNames(body)).toEqual(['get_weather']);
    expect(anthropicWire.readToolResults(body)).toEqual([{ id: 'toolu_1', content: '11' }]);
    expect(anthropicWire.extraRetryableStatuses).toEqual([529]);
  });

  it('finds a schema anywhere in a body regardless of key order', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    expect(containsDeep({ response_format: { json_schema: { schema: { properties: { a: { type: 'string' } }, type: 'object' } } } }, schema)).toBe(true);
    expect(containsDeep({ format: { type: 'object' } }, schema)).toBe(false);
    expect(textOf(undefined)).toBe('');
  });

  it('refuses skip entries that name no case', () => {
    expect(() => checkSkippedIds(['plain-text'], ['plain-text', 'settings'])).not.toThrow();
    expect(() => checkSkippedIds(['plain-txt'], ['plain-text'])).toThrow(/unknown case\(s\) "plain-txt"; known: plain-text/);
  });
});
