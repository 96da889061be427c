import { describe, expect, it, vi } from 'vitest';
import { TemplateError } from '../errors/index.js';
import { analyzeTemplate, renderTemplate } from './index.js';

function renderError(source: string, data: unknown): TemplateError {
  try {
    renderTemplate(source, data);
  } catch (error) {
    if (TemplateError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the render to fail');
}

describe('prototype safety', () => {
  it.each(['__proto__', 'constructor', 'prototype', 'post.__proto__', 'post.constructor.name', 'fn.prototype'])(
    'refuses the path %s at parse time (TEMPLATE_SYNTAX)',
    (path) => {
      const error = renderError(`{{ ${path} }}`, { post: {}, fn: {} });
      expect(error.code).toBe('TEMPLATE_SYNTAX');
      expect(error.problems[0]).toMatchObject({ line: 1, column: 4 });
      expect(error.problems[0]?.message).toContain('is never read by templates');
    },
  );

  it('refuses reserved names in #if, #each and as loop locals', () => {
    expect(renderError('{{#if constructor}}{{/if}}', {}).code).toBe('TEMPLATE_SYNTAX');
    expect(renderError('{{#each __proto__ as x}}{{/each}}', {}).code).toBe('TEMPLATE_SYNTAX');
    expect(renderError('{{#each xs as constructor}}{{/each}}', { xs: [] }).code).toBe('TEMPLATE_SYNTAX');
    expect(analyzeTemplate('{{ a.prototype }}').errors).toHaveLength(1);
  });

  it('refuses them even when the data has them as own properties', () => {
    const data = JSON.parse('{"__proto__": {"secret": 1}, "constructor": "c"}') as unknown;
    expect(renderError('{{ __proto__.secret }}', data).code).toBe('TEMPLATE_SYNTAX');
    expect(renderError('{{ constructor }}', data).code).toBe('TEMPLATE_SYNTAX');
  });

  it('never reads inherited properties', () => {
    const data = Object.create({ secret: 'inherited' }) as Record<string, unknown>;
    data.own = 'mine';
    expect(renderTemplate('{{ own }}', data)).toBe('mine');
    expect(renderError('{{ secret }}', data).problems[0]).toMatchObject({ name: 'secret', message: 'missing variable "secret"' });
    expect(renderTemplate('{{#if secret}}leak{{else}}safe{{/if}}', data)).toBe('safe');
    expect(renderError('{{ post.secret }}', { post: data }).code).toBe('TEMPLATE_MISSING_VARIABLE');
  });

  it('never reads built-ins of Object.prototype or Array.prototype', () => {
    expect(renderError('{{ o.toString }}{{ o.hasOwnProperty }}', { o: {} }).problems).toHaveLength(2);
    expect(renderError('{{ list.map }}', { list: [] }).problems[0]?.name).toBe('list.map');
    // length is an own data property of arrays, so it is readable.
    expect(renderTemplate('{{ list.length }}', { list: [1, 2] })).toBe('2');
  });

  it('does not read a polluted Object.prototype', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.polluted = 'leak';
    try {
      expect(renderError('{{ polluted }}', {}).code).toBe('TEMPLATE_MISSING_VARIABLE');
      expect(renderTemplate('{{ o | json }}', { o: { a: 1 } })).toBe('{"a":1}');
    } finally {
      delete prototype.polluted;
    }
  });
});

describe('functions and getters in data', () => {
  it('never calls a function value; it is reported, not invoked', () => {
    const spy = vi.fn(() => 'called');
    const error = renderError('{{ fn }} {{ post.fn }}', { fn: spy, post: { fn: spy } });
    expect(spy).not.toHaveBeenCalled();
    expect(error.code).toBe('TEMPLATE_MISSING_VARIABLE');
    expect(error.problems[0]?.message).toBe('"fn" is a function, and templates never call functions: pass its result as data');
    expect(error.message).toContain('"fn" (line 1, column 1: "fn" is a function');
  });

  it('never calls functions through #if, #each, filters or paths into them', () => {
    const spy = vi.fn(() => ['x']);
    Object.assign(spy, { inner: 'property of a function' });
    expect(renderTemplate('{{#if fn}}yes{{else}}no{{/if}}', { fn: spy })).toBe('no');
    expect(renderTemplate('{{ fn | default: "d" }}', { fn: spy })).toBe('d');
    expect(renderError('{{ fn.inner }}', { fn: spy }).code).toBe('TEMPLATE_MISSING_VARIABLE');
    expect(renderError('{{#each fn as x}}{{/each}}', { fn: spy }).code).toBe('TEMPLATE_MISSING_VARIABLE');
    expect(renderTemplate('{{ list | join }}', { list: ['a', spy, 'b'] })).toBe('a, b');
    expect(spy).not.toHaveBeenCalled();
  });

  it('never runs getters, even own ones', () => {
    const getter = vi.fn(() => 'from getter');
    const data = Object.defineProperty({ plain: 'p' }, 'computed', { get: getter, enumerable: true });
    expect(renderError('{{ computed }}', data).code).toBe('TEMPLATE_MISSING_VARIABLE');
    expect(renderTemplate('{{ data | json }}', { data })).toBe('{"plain":"p"}');
    expect(getter).not.toHaveBeenCalled();
  });

  it('ignores toJSON methods and overridden Date methods in json', () => {
    const toJSON = vi.fn(() => 'hijacked');
    const date = new Date('2020-01-01T00:00:00.000Z');
    const toISOString = vi.fn(() => 'hijacked');
    Object.assign(date, { toISOString, toJSON });
    expect(renderTemplate('{{ o | json }} {{ date }}', { o: { a: 1, toJSON }, date })).toBe('{"a":1} 2020-01-01T00:00:00.000Z');
    expect(toJSON).not.toHaveBeenCalled();
    expect(toISOString).not.toHaveBeenCalled();
  });
});
