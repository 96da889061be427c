import { describe, expect, it } from 'vitest';
import { TemplateError, type TemplateProblem } from '../errors/index.js';
import { analyzeTemplate, createTemplateEngine } from './index.js';

const engine = createTemplateEngine();

function compileError(source: string): TemplateError {
  try {
    engine.compile(source);
  } catch (error) {
    if (TemplateError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected compile to fail');
}

const at = (line: number, column: number, message: string): TemplateProblem => ({ line, column, message });

describe('syntax errors', () => {
  it.each<[string, string, TemplateProblem[]]>([
    ['unclosed block', 'a\n{{#if x}}b', [at(2, 1, 'unclosed {{#if}}: close it with {{/if}}')]],
    ['unclosed each', '{{#each xs as x}}', [at(1, 1, 'unclosed {{#each}}: close it with {{/each}}')]],
    [
      'mismatched close',
      '{{#each xs as x}}{{#if x}}{{/each}}',
      [at(1, 27, '{{/each}} closes {{#if}} opened at line 1, column 18: add {{/if}} first')],
    ],
    ['close without open', 'x{{/if}}', [at(1, 2, '{{/if}} has no matching {{#if}}: remove it or open the block')]],
    ['stray else', 'a {{else}} b', [at(1, 3, '{{else}} outside a block: use it inside {{#if}} or {{#each}}')]],
    ['second else', '{{#if a}}{{else}}{{else}}{{/if}}', [at(1, 18, 'second {{else}} in {{#if}} opened at line 1, column 1')]],
    ['unterminated tag', 'ok\nthen {{ name', [at(2, 6, 'unterminated tag: close it with `}}` (write `\\{{` for literal braces)')]],
    ['unterminated string', '{{ a | default: "x }}', [at(1, 17, 'unterminated string in tag: close the quote, then the tag with `}}`')]],
    ['unterminated comment', '{{!-- note }}', [at(1, 1, 'unterminated comment: close it with `--}}`')]],
    ['empty tag', '{{ }}', [at(1, 4, 'expected a variable name, e.g. `{{ post.title }}`')]],
    ['bad filter name', '{{ a | 1x }}', [at(1, 8, 'expected a filter name after `|`, e.g. `| upper`')]],
    ['missing filter', '{{ a | }}', [at(1, 8, 'expected a filter name after `|`, e.g. `| upper`')]],
    ['bad argument', '{{ a | truncate: many }}', [at(1, 18, 'filter arguments are quoted strings or numbers, e.g. `default: "none"` or `truncate: 200`')]],
    ['default arity', '{{ a | default }}', [at(1, 8, '`default` takes one value, e.g. `| default: "none"`')]],
    ['trailing garbage', '{{ a b }}', [at(1, 6, 'unexpected `b`: write {{ variable }} or {{ variable | filter }}')]],
    ['invalid path', '{{ a..b }}', [at(1, 4, 'invalid variable path `a..b`: use names joined by dots, e.g. `post.title`')]],
    ['unknown block', '{{#with a}}{{/with}}', [at(1, 4, 'unknown block `#with`: use {{#if ...}} or {{#each ...}}'), at(1, 15, 'unknown closing tag `/with`: use {{/if}} or {{/each}}')]],
    ['each without as', '{{#each xs}}{{/each}}', [at(1, 11, 'name each item: write {{#each items as item}}')]],
    ['unknown @ variable', '{{ @key }}', [at(1, 4, 'unknown loop variable `@key`: use @index, @first or @last')]],
    ['triple braces', '{{{ a }}}', [at(1, 3, 'triple braces are not needed: nothing is escaped, write {{ variable }}')]],
    ['else if in each', '{{#each xs as x}}{{else if y}}{{/each}}', [at(1, 25, 'after `else` only `if` may follow, inside {{#if}}: {{else if x}}')]],
  ])('reports %s with its position', (_label, source, problems) => {
    const error = compileError(source);
    expect(error.code).toBe('TEMPLATE_SYNTAX');
    expect(error.problems).toEqual(problems);
    expect(error.message).toContain(`${problems[0]?.message ?? ''} (line ${problems[0]?.line}, column ${problems[0]?.column})`);
  });

  it('reports several problems in one pass, in source order', () => {
    const error = compileError('{{#if a}}\n{{ b | }}\n{{/each}}\n{{ c..d }}');
    expect(error.problems.map((problem) => [problem.line, problem.column])).toEqual([
      [1, 1],
      [2, 8],
      [3, 1],
      [4, 4],
    ]);
    expect(error.message.startsWith('Template syntax errors: ')).toBe(true);
  });

  it('does not cache failed compiles', () => {
    expect(() => engine.compile('{{')).toThrowError(TemplateError);
    expect(() => engine.compile('{{')).toThrowError(TemplateError);
  });
});

describe('analyzeTemplate', () => {
  it('lists root paths, partials and filters, excluding loop locals and @ variables', () => {
    const source = [
      '{{ post.title | upper }} {{ post.title }}',
      '{{#each post.tags as tag}}{{ tag.name | default: "x" }}{{ @index }}{{ site.name }}{{/each}}',
      '{{#if summary}}{{ summary | words: 10 }}{{else}}{{> fallback}}{{/if}}',
      '{{! {{ hidden }} }}{{ tag }}{{> fallback}}',
    ].join('\n');
    expect(analyzeTemplate(source)).toEqual({
      variables: ['post.title', 'post.tags', 'site.name', 'summary', 'tag'],
      partials: ['fallback'],
      filters: ['upper', 'default', 'words'],
      errors: [],
    });
  });

  it('never throws on syntax errors and still analyzes what it can', () => {
    const analysis = analyzeTemplate('{{#if a}}{{ b }}{{else}}{{ c | nope }}\n{{ d | }}');
    expect(analysis.variables).toEqual(['a', 'b', 'c']);
    expect(analysis.filters).toEqual(['nope']);
    expect(analysis.errors).toEqual([
      at(1, 1, 'unclosed {{#if}}: close it with {{/if}}'),
      at(2, 8, 'expected a filter name after `|`, e.g. `| upper`'),
    ]);
  });

  it('keeps the contents of blocks whose opening tag is broken', () => {
    const analysis = analyzeTemplate('{{#if a b}}{{ x }}{{else if c}}{{ y }}{{else}}{{ z }}{{/if}}');
    expect(analysis.errors).toHaveLength(1);
    expect(analysis.variables).toEqual(['x', 'c', 'y', 'z']);
  });

  it('does not check filters against a registry', () => {
    expect(analyzeTemplate('{{ a | custom }}').errors).toEqual([]);
  });
});

describe('adversarial sources', () => {
  it('refuses blocks nested more than 100 levels, counting {{else if}} steps', () => {
    const nested = '{{#if a}}'.repeat(101) + 'x' + '{{/if}}'.repeat(101);
    expect(compileError(nested).problems).toEqual([
      at(1, 901, 'blocks nest more than 100 levels deep (`{{else if}}` counts as a level): flatten the template'),
    ]);
    expect(engine.compile('{{#if a}}'.repeat(100) + '{{/if}}'.repeat(100)).source).toHaveLength(1600);
    const chain = '{{#if a}}' + '{{else if a}}'.repeat(100) + '{{/if}}';
    expect(compileError(chain).problems).toEqual([expect.objectContaining({ line: 1, column: 1 + 9 + 99 * 13 })]);
  });

  it('analyzes huge hostile sources without throwing and lists at most 20 problems in a message', () => {
    const sources = [
      '{{#if a}}'.repeat(20_000),
      '{{#if a}}' + '{{else if a}}'.repeat(20_000) + '{{/if}}',
      '{{#if a b}}' + '{{ x | upper }}'.repeat(20_000) + '{{/if}}',
      `{{ a${' | upper'.repeat(50_000)} }}`,
      '{{/if}}'.repeat(20_000),
    ];
    expect(sources.map((source) => analyzeTemplate(source).errors.length > 0)).toEqual([true, true, true, false, true]);
    const error = compileError('{{/if}}'.repeat(30));
    expect(error.problems).toHaveLength(30);
    expect(error.message.endsWith('and 10 more in `problems`')).toBe(true);
  });
});
