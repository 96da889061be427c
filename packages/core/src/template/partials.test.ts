import { describe, expect, it } from 'vitest';
import { TemplateError } from '../errors/index.js';
import { createTemplateEngine, type RenderOptions } from './index.js';

const engine = createTemplateEngine();

function renderError(source: string, data: unknown, options: RenderOptions): TemplateError {
  try {
    engine.render(source, data, options);
  } catch (error) {
    if (TemplateError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the render to fail');
}

describe('partials', () => {
  it('includes partials from a record, in the same scope', () => {
    const partials = { greeting: 'Hello {{ user.name }}', footer: '-- {{> sign}}', sign: 'bye' };
    expect(engine.render('{{> greeting}}! {{> footer }}', { user: { name: 'Ann' } }, { partials })).toBe('Hello Ann! -- bye');
  });

  it('includes partials from a lookup function', () => {
    const partials = (name: string): string | undefined => (name === 'tone' ? 'Be {{ tone }}.' : undefined);
    expect(engine.render('{{> tone}}', { tone: 'brief' }, { partials })).toBe('Be brief.');
  });

  it('sees loop locals and @ variables of the including loop', () => {
    const partials = { item: '{{ @index }}:{{ item.name }};' };
    expect(engine.render('{{#each items as item}}{{> item}}{{/each}}', { items: [{ name: 'a' }, { name: 'b' }] }, { partials })).toBe(
      '0:a;1:b;',
    );
  });

  it('allows ids with dots, dashes, colons and slashes', () => {
    expect(engine.render('{{> shared/tone.v2:fr-ca}}', {}, { partials: { 'shared/tone.v2:fr-ca': 'ok' } })).toBe('ok');
  });

  it('fails with TEMPLATE_PARTIAL for a missing partial, naming it and its position', () => {
    const error = renderError('x\n{{> nope}}', {}, { partials: { other: '' } });
    expect(error.code).toBe('TEMPLATE_PARTIAL');
    expect(error.message).toContain('partial "nope" not found');
    expect(error.problems).toEqual([expect.objectContaining({ line: 2, column: 1, name: 'nope' })]);
    expect(renderError('{{> nope}}', {}, {}).code).toBe('TEMPLATE_PARTIAL');
    expect(renderError('{{> toString}}', {}, { partials: {} }).code).toBe('TEMPLATE_PARTIAL');
  });

  it('fails with TEMPLATE_PARTIAL when the lookup function throws, keeping the cause', () => {
    const cause = new Error('database down');
    const error = renderError('{{> a}}', {}, {
      partials: () => {
        throw cause;
      },
    });
    expect(error.code).toBe('TEMPLATE_PARTIAL');
    expect(error.cause).toBe(cause);
  });

  it('detects a direct cycle', () => {
    const error = renderError('{{> a}}', {}, { partials: { a: 'x{{> a}}' } });
    expect(error.code).toBe('TEMPLATE_PARTIAL');
    expect(error.message).toContain('cycle: a → a');
  });

  it('detects an indirect cycle A → B → A, naming the path', () => {
    const error = renderError('start {{> a}}', {}, { partials: { a: 'A {{> b}}', b: 'B\n  {{> a}}' } });
    expect(error.code).toBe('TEMPLATE_PARTIAL');
    expect(error.message).toBe(
      'partials include each other in a cycle: a → b → a; remove one of these includes (line 2, column 3 of partial "b")',
    );
    expect(error.problems).toEqual([expect.objectContaining({ line: 2, column: 3, name: 'a' })]);
    expect(error.details).toMatchObject({ template: 'b' });
  });

  it('detects a cycle through the named top-level template', () => {
    const error = renderError('{{> b}}', {}, { template: 'a', partials: { b: '{{> a}}', a: '{{> b}}' } });
    expect(error.message).toContain('cycle: a → b → a');
  });

  it('reports missing variables inside partials with the partial name', () => {
    const error = renderError('{{ top }}{{> card}}', {}, { partials: { card: '\n {{ title }}' } });
    expect(error.code).toBe('TEMPLATE_MISSING_VARIABLE');
    expect(error.problems).toEqual([
      { message: 'missing variable "top"', line: 1, column: 1, name: 'top' },
      { message: 'missing variable "title" in partial "card"', line: 2, column: 2, name: 'title' },
    ]);
    expect(error.message).toContain('"title" (line 2, column 2 of partial "card")');
  });

  it('reports syntax errors of a partial with its name', () => {
    const error = renderError('{{> bad}}', {}, { partials: { bad: '{{#if x}}' } });
    expect(error.code).toBe('TEMPLATE_SYNTAX');
    expect(error.message).toContain('partial "bad" (included at line 1, column 1)');
    expect(error.details).toMatchObject({ template: 'bad' });
    expect(error.problems).toEqual([expect.objectContaining({ line: 1, column: 1 })]);
  });

  it('renders the same partial many times without a cycle error', () => {
    expect(engine.render('{{> p}}{{> p}}{{#each xs as x}}{{> p}}{{/each}}', { xs: [1, 2] }, { partials: { p: '.' } })).toBe('....');
  });
});
