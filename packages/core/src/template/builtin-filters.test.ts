import { describe, expect, it } from 'vitest';
import { TemplateError } from '../errors/index.js';
import { builtinFilters, renderTemplate } from './index.js';

function renderError(source: string, data: unknown): TemplateError {
  try {
    renderTemplate(source, data);
  } catch (error) {
    if (TemplateError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the render to fail');
}

describe('built-in filters', () => {
  it('lists the built-in filters', () => {
    expect(Object.keys(builtinFilters).sort()).toEqual(['join', 'json', 'lower', 'trim', 'truncate', 'upper', 'words']);
  });

  it('truncate keeps at most N characters, ending with … when cut', () => {
    const data = { body: 'Hello, world' };
    expect(renderTemplate('{{ body | truncate: 20 }}', data)).toBe('Hello, world');
    expect(renderTemplate('{{ body | truncate: 12 }}', data)).toBe('Hello, world');
    expect(renderTemplate('{{ body | truncate: 6 }}', data)).toBe('Hello…');
    expect(renderTemplate('{{ body | truncate: 8, " [cut]" }}', data)).toBe('He [cut]');
    expect(renderTemplate('{{ body | truncate: 3, "-----" }}', data)).toBe('Hel');
    expect(renderTemplate('{{ body | truncate: 0 }}', data)).toBe('');
  });

  it('truncate never splits a surrogate pair', () => {
    expect(renderTemplate('{{ s | truncate: 3 }}', { s: 'a😀bc' })).toBe('a…');
  });

  it('words keeps the first N words', () => {
    const data = { body: '  one two\tthree\nfour  ' };
    expect(renderTemplate('{{ body | words: 2 }}', data)).toBe('  one two…');
    expect(renderTemplate('{{ body | words: 4 }}', data)).toBe(data.body);
    expect(renderTemplate('{{ body | words: 3, "" }}', data)).toBe('  one two\tthree');
    expect(renderTemplate('[{{ body | words: 0 }}]', data)).toBe('[…]');
  });

  it('join joins array items with a separator (", " by default), skipping nulls', () => {
    const data = { tags: ['a', 1, true, null, 'b'] };
    expect(renderTemplate('{{ tags | join }}', data)).toBe('a, 1, true, b');
    expect(renderTemplate('{{ tags | join: " / " }}', data)).toBe('a / 1 / true / b');
    expect(renderTemplate("{{ tags | join: '\\n' }}", { tags: ['x', 'y'] })).toBe('x\ny');
  });

  it('json serializes like JSON.stringify, with an optional indent', () => {
    const data = { value: { a: [1, 'two', null], b: { c: true } } };
    expect(renderTemplate('{{ value | json }}', data)).toBe(JSON.stringify(data.value));
    expect(renderTemplate('{{ value | json: 2 }}', data)).toBe(JSON.stringify(data.value, null, 2));
    expect(renderTemplate('{{ value | json: "\\t" }}', data)).toBe(JSON.stringify(data.value, null, '\t'));
    expect(renderTemplate('{{ text | json }}', { text: 'say "hi"\n' })).toBe('"say \\"hi\\"\\n"');
  });

  it('upper, lower and trim transform text', () => {
    expect(renderTemplate('{{ s | upper }}|{{ s | lower }}|{{ s | trim }}|', { s: '  MiXed  ' })).toBe('  MIXED  |  mixed  |MiXed|');
  });

  it('chains filters left to right', () => {
    expect(renderTemplate('{{ s | trim | upper | truncate: 4 }}', { s: '  hello ' })).toBe('HEL…');
    expect(renderTemplate('{{ tags | join: "," | upper }}', { tags: ['a', 'b'] })).toBe('A,B');
  });

  it('parses string arguments in either quote with escapes, and numbers', () => {
    const data = { missing: null };
    expect(renderTemplate('{{ missing | default: "say \\"hi\\"" }}', data)).toBe('say "hi"');
    expect(renderTemplate("{{ missing | default: 'it\\'s' }}", data)).toBe("it's");
    expect(renderTemplate('{{ missing | default: "a\\\\b\\tc\\q" }}', data)).toBe('a\\b\tcq');
    expect(renderTemplate('{{ missing | default: "}} {{" }}', data)).toBe('}} {{');
    expect(renderTemplate('{{ missing | default: -2.5 }}', data)).toBe('-2.5');
  });

  it('reports wrong arguments and wrong input types as TEMPLATE_FILTER with the position', () => {
    const error = renderError('x\n  {{ body | truncate }}', { body: 'b' });
    expect(error.code).toBe('TEMPLATE_FILTER');
    expect(error.message).toContain('`truncate` takes 1 to 2 arguments, got 0');
    expect(error.problems).toEqual([expect.objectContaining({ line: 2, column: 13, name: 'truncate' })]);
    expect(renderError('{{ body | truncate: "x" }}', { body: 'b' }).message).toContain('needs a whole number');
    expect(renderError('{{ body | upper: 1 }}', { body: 'b' }).message).toContain('`upper` takes 0 arguments');
    expect(renderError('{{ list | upper }}', { list: [] }).message).toContain('`upper` needs text, got an array');
    expect(renderError('{{ text | join }}', { text: 'a' }).message).toContain('`join` needs an array, got a string');
    expect(renderError('{{ list | join }}', { list: [{}] }).message).toContain('`join` needs items that are text');
  });

  it('reports a circular structure given to json as TEMPLATE_FILTER', () => {
    const value: Record<string, unknown> = {};
    value.self = value;
    const error = renderError('{{ value | json }}', { value });
    expect(error.code).toBe('TEMPLATE_FILTER');
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});
