import { describe, expect, it } from 'vitest';
import { TemplateError } from '../errors/index.js';
import { renderTemplate } from './index.js';

function renderError(source: string, data: unknown): TemplateError {
  try {
    renderTemplate(source, data);
  } catch (error) {
    if (TemplateError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the render to fail');
}

describe('{{#if}}', () => {
  const branch = (value: unknown): string => renderTemplate('{{#if x}}yes{{else}}no{{/if}}', { x: value });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['false', false],
    ['empty string', ''],
    ['zero', 0],
    ['NaN', Number.NaN],
    ['0n', 0n],
    ['empty array', []],
    ['empty object', {}],
    ['function', () => 1],
  ])('treats %s as false', (_label, value) => {
    expect(branch(value)).toBe('no');
  });

  it.each([
    ['text', 'a'],
    ['whitespace', ' '],
    ['number', -1],
    ['true', true],
    ['array', [0]],
    ['object', { a: undefined }],
    ['date', new Date(0)],
  ])('treats %s as true', (_label, value) => {
    expect(branch(value)).toBe('yes');
  });

  it('is not an error on a missing variable, and the else branch is optional', () => {
    expect(renderTemplate('a{{#if nothing.here}}b{{/if}}c', {})).toBe('ac');
  });

  it('supports {{else if}} chains', () => {
    const source = '{{#if a}}A{{else if b}}B{{else if c}}C{{else}}none{{/if}}';
    expect(renderTemplate(source, { a: 1 })).toBe('A');
    expect(renderTemplate(source, { b: 1 })).toBe('B');
    expect(renderTemplate(source, { c: 1 })).toBe('C');
    expect(renderTemplate(source, {})).toBe('none');
  });

  it('applies filters before testing', () => {
    expect(renderTemplate('{{#if s | trim}}T{{else}}F{{/if}}', { s: '   ' })).toBe('F');
  });

  it('nests', () => {
    const source = '{{#if a}}{{#if b}}ab{{else}}a{{/if}}{{else}}{{#if b}}b{{/if}}{{/if}}';
    expect(renderTemplate(source, { a: 1, b: 1 })).toBe('ab');
    expect(renderTemplate(source, { a: 1 })).toBe('a');
    expect(renderTemplate(source, { b: 1 })).toBe('b');
  });
});

describe('{{#each}}', () => {
  it('iterates with a local name and @index, @first, @last', () => {
    const source = '{{#each tags as tag}}{{#if @first}}[{{/if}}{{ @index }}={{ tag }}{{#if @last}}]{{else}}, {{/if}}{{/each}}';
    expect(renderTemplate(source, { tags: ['a', 'b', 'c'] })).toBe('[0=a, 1=b, 2=c]');
    expect(renderTemplate(source, { tags: ['only'] })).toBe('[0=only]');
  });

  it('reads properties of the item and of the outer scope', () => {
    const source = '{{#each posts as post}}{{ post.title }} by {{ author }}\n{{/each}}';
    expect(renderTemplate(source, { author: 'Ann', posts: [{ title: 'A' }, { title: 'B' }] })).toBe('A by Ann\nB by Ann\n');
  });

  it('renders the {{else}} branch for an empty array', () => {
    expect(renderTemplate('{{#each xs as x}}{{x}}{{else}}none{{/each}}', { xs: [] })).toBe('none');
    expect(renderTemplate('{{#each xs as x}}{{x}}{{/each}}!', { xs: [] })).toBe('!');
  });

  it('nests, with @ variables of the innermost loop and shadowing names', () => {
    const source = '{{#each rows as row}}{{#each row.cells as cell}}{{@index}}{{cell}}{{/each}}/{{@index}};{{/each}}';
    expect(renderTemplate(source, { rows: [{ cells: ['a', 'b'] }, { cells: ['c'] }] })).toBe('0a1b/0;0c/1;');
    const shadow = '{{#each items as x}}{{#each x.children as x}}{{x}}{{/each}}{{/each}}{{x}}';
    expect(renderTemplate(shadow, { x: 'root', items: [{ children: [1, 2] }] })).toBe('12root');
  });

  it('is a TEMPLATE_FILTER error over a value that is not an array', () => {
    const error = renderError('\n {{#each post as p}}{{/each}}', { post: { a: 1 } });
    expect(error.code).toBe('TEMPLATE_FILTER');
    expect(error.message).toContain('{{#each}} needs an array, but "post" is an object');
    expect(error.problems).toEqual([expect.objectContaining({ line: 2, column: 2, name: 'post' })]);
    expect(renderError('{{#each s as c}}{{/each}}', { s: 'abc' }).message).toContain('"s" is a string');
  });

  it('is a missing variable when the list is missing (optional only through #if)', () => {
    expect(renderError('{{#each xs as x}}{{/each}}', {}).code).toBe('TEMPLATE_MISSING_VARIABLE');
    expect(renderTemplate('{{#if xs}}{{#each xs as x}}{{x}}{{/each}}{{/if}}', {})).toBe('');
  });

  it('treats null items as missing and skips array holes safely', () => {
    const error = renderError('{{#each xs as x}}{{x}}{{/each}}', { xs: ['a', null, 'c'] });
    expect(error.problems).toEqual([expect.objectContaining({ name: 'x', line: 1, column: 18 })]);
    const holes: number[] = [];
    holes[0] = 1;
    holes[2] = 3;
    expect(renderTemplate('{{#each xs as x}}{{ x | default: "-" }}{{/each}}', { xs: holes })).toBe('1-3');
  });

  it('makes @ variables outside a loop missing', () => {
    const error = renderError('{{ @index }}', {});
    expect(error.code).toBe('TEMPLATE_MISSING_VARIABLE');
    expect(error.problems[0]?.message).toBe('"@index" is only available inside {{#each}}');
  });
});
