import { describe, expect, it } from 'vitest';
import { TemplateError } from '../errors/index.js';
import { createTemplateEngine, renderTemplate } from './index.js';

function renderError(source: string, data: unknown): TemplateError {
  try {
    renderTemplate(source, data);
  } catch (error) {
    if (TemplateError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the render to fail');
}

describe('strict missing variables', () => {
  it('reports every missing variable at once, with line and column of its tag', () => {
    const source = 'Title: {{ post.title }}\nBody:\n  {{ post.body | truncate: 10 }} and {{author}}\n{{ post.title }}';
    const error = renderError(source, { post: {} });
    expect(error.code).toBe('TEMPLATE_MISSING_VARIABLE');
    expect(error.problems).toEqual([
      { message: 'missing variable "post.title"', line: 1, column: 8, name: 'post.title' },
      { message: 'missing variable "post.body"', line: 3, column: 3, name: 'post.body' },
      { message: 'missing variable "author"', line: 3, column: 38, name: 'author' },
      { message: 'missing variable "post.title"', line: 4, column: 1, name: 'post.title' },
    ]);
    expect(error.message).toBe(
      'Missing template variables "post.title" (line 1, column 8), "post.body" (line 3, column 3), ' +
        '"author" (line 3, column 38), "post.title" (line 4, column 1): add them to the data, ' +
        'or make them optional with `| default: "…"` or `{{#if …}}`',
    );
  });

  it('names the one missing variable in the singular', () => {
    expect(renderError('{{ a }}', {}).message).toBe(
      'Missing template variable "a" (line 1, column 1): add it to the data, or make it optional with `| default: "…"` or `{{#if …}}`',
    );
  });

  it('reports a tag inside a loop once, not once per item', () => {
    const error = renderError('{{#each xs as x}}{{ x.name }}{{/each}}', { xs: [{}, {}, { name: 'c' }] });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ name: 'x.name', line: 1, column: 18 });
  });

  it('reports a missing root even when a deeper path is used', () => {
    expect(renderError('{{ a.b.c }}', { a: { b: null } }).problems[0]?.name).toBe('a.b.c');
    expect(renderError('{{ a.b.c }}', { a: 'text' }).problems[0]?.name).toBe('a.b.c');
  });

  it('makes a variable optional with `default`, which also replaces empty text', () => {
    const source = '{{ a | default: "none" }}|{{ b | default: "none" }}|{{ c | default: "none" }}|{{ d | default: 0 }}';
    expect(renderTemplate(source, { a: null, b: '', c: 'set' })).toBe('none|none|set|0');
  });

  it('skips filters on a missing value until `default` supplies one', () => {
    expect(renderTemplate('{{ a | upper | default: "x" | upper }}', {})).toBe('X');
    expect(renderError('{{ a | upper }}', {}).problems[0]?.name).toBe('a');
  });

  it('makes a variable optional inside an #if that tests it', () => {
    expect(renderTemplate('{{#if summary}}Summary: {{ summary }}{{/if}}.', {})).toBe('.');
    expect(renderTemplate('{{#if summary}}Summary: {{ summary }}{{/if}}.', { summary: 's' })).toBe('Summary: s.');
  });

  it('does not report variables of branches that are not rendered', () => {
    expect(renderTemplate('{{#if on}}{{ a }}{{else}}{{ b }}{{/if}}', { on: true, a: 1 })).toBe('1');
  });

  it('treats a filter result of null or undefined as missing', () => {
    const engine = createTemplateEngine({ filters: { nothing: () => undefined } });
    const error = (() => {
      try {
        engine.render('{{ a | nothing }}', { a: 1 });
      } catch (caught) {
        return caught as TemplateError;
      }
      throw new Error('expected the render to fail');
    })();
    expect(error.code).toBe('TEMPLATE_MISSING_VARIABLE');
    expect(error.problems[0]?.message).toBe('filter `nothing` returned nothing for "a"');
    expect(engine.render('{{ a | nothing | default: "d" }}', { a: 1 })).toBe('d');
  });

  it('names the template from the render options', () => {
    try {
      renderTemplate('{{ a }}', {}, { template: 'instructions' });
      expect.unreachable();
    } catch (error) {
      expect((error as TemplateError).details).toMatchObject({ template: 'instructions' });
    }
  });
});
