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

describe('interpolation', () => {
  it('inserts values by dotted path, unescaped', () => {
    const data = { post: { title: 'Tom & <Jerry> "quoted"', meta: { words: 3 } } };
    expect(renderTemplate('Title: {{ post.title }} ({{post.meta.words}} words)', data)).toBe(
      'Title: Tom & <Jerry> "quoted" (3 words)',
    );
  });

  it('renders numbers, booleans, bigints and dates as text', () => {
    const data = { count: 0, ratio: -1.5, flag: false, big: 12345678901234567890n, when: new Date('2024-05-06T07:08:09.010Z') };
    expect(renderTemplate('{{count}}|{{ratio}}|{{flag}}|{{big}}|{{when}}', data)).toBe(
      '0|-1.5|false|12345678901234567890|2024-05-06T07:08:09.010Z',
    );
  });

  it('reads array items by index', () => {
    expect(renderTemplate('{{ items.1.name }}', { items: [{ name: 'a' }, { name: 'b' }] })).toBe('b');
  });

  it('renders an empty string as empty (it is present, not missing)', () => {
    expect(renderTemplate('[{{ text }}]', { text: '' })).toBe('[]');
  });

  it('treats null and undefined as missing', () => {
    const error = renderError('{{ a }}{{ b }}', { a: null, b: undefined });
    expect(error.code).toBe('TEMPLATE_MISSING_VARIABLE');
    expect(error.problems.map((problem) => problem.name)).toEqual(['a', 'b']);
  });

  it('refuses objects and arrays without `| json` (TEMPLATE_FILTER)', () => {
    const objectError = renderError('x {{ post }}', { post: { title: 't' } });
    expect(objectError.code).toBe('TEMPLATE_FILTER');
    expect(objectError.message).toContain('"post" is an object: objects and arrays need `| json`');
    expect(objectError.problems).toEqual([expect.objectContaining({ line: 1, column: 3, name: 'post' })]);
    expect(renderError('{{ tags }}', { tags: ['a'] }).message).toContain('"tags" is an array');
    expect(renderTemplate('{{ tags | json }}', { tags: ['a'] })).toBe('["a"]');
  });

  it('refuses symbols and invalid dates', () => {
    expect(renderError('{{ s }}', { s: Symbol('x') }).code).toBe('TEMPLATE_FILTER');
    expect(renderError('{{ d }}', { d: new Date(Number.NaN) }).code).toBe('TEMPLATE_FILTER');
  });

  it('allows whitespace inside tags, or none', () => {
    expect(renderTemplate('{{a}}{{  a  }}{{\ta\n}}', { a: 1 })).toBe('111');
  });

  it('keeps whitespace and newlines around tags verbatim', () => {
    const source = 'Start\n{{#if on}}\n  - {{ item }}\n{{/if}}\nEnd  ';
    expect(renderTemplate(source, { on: true, item: 'x' })).toBe('Start\n\n  - x\n\nEnd  ');
    expect(renderTemplate(source, { on: false, item: 'x' })).toBe('Start\n\nEnd  ');
  });
});

describe('literal braces and comments', () => {
  it('renders `\\{{` as `{{` and leaves the rest of that "tag" as text', () => {
    expect(renderTemplate('Use \\{{ name }} to insert a name', {})).toBe('Use {{ name }} to insert a name');
  });

  it('renders `\\\\{{ x }}` as a backslash followed by the value', () => {
    expect(renderTemplate('\\\\{{ x }}', { x: 'v' })).toBe('\\v');
  });

  it('keeps other backslashes and stray closing braces as text', () => {
    expect(renderTemplate('a\\b }} c\\', {})).toBe('a\\b }} c\\');
  });

  it('needs no escaping for JSON without `{{`', () => {
    const source = 'Answer as {"title": "{{ title }}", "tags": [{"a": {"b": 1}}]}';
    expect(renderTemplate(source, { title: 'T' })).toBe('Answer as {"title": "T", "tags": [{"a": {"b": 1}}]}');
  });

  it('needs `\\{{` for JSON that does contain `{{`', () => {
    expect(renderTemplate('{"a":\\{{"b":1}}}', {})).toBe('{"a":{{"b":1}}}');
  });

  it('drops `{{! ... }}` comments', () => {
    expect(renderTemplate('a{{! a comment }}b{{!}}c', {})).toBe('abc');
    // A short comment ends at the first `}}`, so what follows it is text again.
    expect(renderTemplate('x{{! has {{ inside }} y }}', {})).toBe('x y }}');
  });

  it('drops `{{!-- ... --}}` comments even when they contain `}}`', () => {
    expect(renderTemplate('a{{!-- {{#if x}} }} {{ y }} --}}b{{!----}}c', {})).toBe('abc');
  });

  it('does not read variables inside comments', () => {
    expect(renderTemplate('{{!-- {{ missing }} --}}ok', {})).toBe('ok');
  });
});
