import { describe, expect, it, vi } from 'vitest';
import { LlmActionsError, TemplateError } from '../errors/index.js';
import { createTemplateEngine, renderTemplate, type TemplateEngine } from './index.js';

function renderError(engine: TemplateEngine, source: string, data: unknown): TemplateError {
  try {
    engine.render(source, data);
  } catch (error) {
    if (TemplateError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the render to fail');
}

describe('createTemplateEngine', () => {
  it('renders the scope the runner passes', () => {
    const engine = createTemplateEngine();
    const scope = { input: 'Body text', subject: { id: 's1', type: 'post' }, context: { locale: 'fr' }, now: '2024-01-01', body: 'Body text' };
    const source = '[{{ subject.type }} {{ subject.id }}, {{ context.locale | upper }}, {{ now }}]\n{{ input | words: 1 }}';
    expect(engine.render(source, scope)).toBe('[post s1, FR, 2024-01-01]\nBody…');
  });

  it('compiles once per source and returns the same compiled template from the cache', () => {
    const engine = createTemplateEngine();
    const compiled = engine.compile('Hi {{ name }}');
    expect(engine.compile('Hi {{ name }}')).toBe(compiled);
    expect(engine.compile('Hi {{name}}')).not.toBe(compiled);
    expect(compiled.source).toBe('Hi {{ name }}');
    expect(compiled.analysis).toEqual({ variables: ['name'], partials: [], filters: [], errors: [] });
    expect(compiled.render({ name: 'A' })).toBe('Hi A');
    expect(compiled.render({ name: 'B' })).toBe('Hi B');
  });

  it('drops the least recently used template when the cache is full', () => {
    const engine = createTemplateEngine({ cacheSize: 2 });
    const a = engine.compile('a');
    const b = engine.compile('b');
    expect(engine.compile('a')).toBe(a);
    engine.compile('c');
    expect(engine.compile('a')).toBe(a);
    expect(engine.compile('b')).not.toBe(b);
  });

  it('does not cache with cacheSize 0', () => {
    const engine = createTemplateEngine({ cacheSize: 0 });
    expect(engine.compile('a')).not.toBe(engine.compile('a'));
  });

  it('uses host filters given as options, with arguments', () => {
    const engine = createTemplateEngine({ filters: { repeat: (value, times) => String(value).repeat(Number(times)) } });
    expect(engine.render('{{ s | repeat: 3 }}', { s: 'ab' })).toBe('ababab');
  });

  it('registers filters later, replacing built-ins and invalidating the cache', () => {
    const engine = createTemplateEngine();
    expect(renderError(engine, '{{ s | shout }}', { s: 'a' }).code).toBe('TEMPLATE_FILTER');
    const before = engine.compile('{{ s | upper }}');
    engine.registerFilter('shout', (value) => `${String(value)}!`);
    engine.registerFilter('upper', (value) => `UP(${String(value)})`);
    expect(engine.render('{{ s | shout }} {{ s | upper }}', { s: 'a' })).toBe('a! UP(a)');
    expect(engine.compile('{{ s | upper }}')).not.toBe(before);
    expect(createTemplateEngine().render('{{ s | upper }}', { s: 'a' })).toBe('A');
  });

  it('reports every unknown filter with its position as TEMPLATE_FILTER', () => {
    const error = renderError(createTemplateEngine(), '{{ a | nope }}\n{{ b | trim | nada: 1 }}', {});
    expect(error.code).toBe('TEMPLATE_FILTER');
    expect(error.problems).toEqual([
      expect.objectContaining({ line: 1, column: 8, name: 'nope' }),
      expect.objectContaining({ line: 2, column: 15, name: 'nada' }),
    ]);
  });

  it('checks argument counts of built-in filters at compile time, not of host filters', () => {
    const engine = createTemplateEngine({ filters: { anything: (value) => value } });
    try {
      engine.compile('{{ a | truncate }}\n{{ a | upper: 1 | json: 1, 2 | anything: 1, 2, 3 }}');
      expect.unreachable();
    } catch (error) {
      expect(TemplateError.isInstance(error) && error.code).toBe('TEMPLATE_FILTER');
      expect((error as TemplateError).problems).toEqual([
        { message: '`truncate` takes 1 to 2 arguments, got 0', line: 1, column: 8, name: 'truncate' },
        { message: '`upper` takes 0 arguments, got 1', line: 2, column: 8, name: 'upper' },
        { message: '`json` takes 0 to 1 arguments, got 2', line: 2, column: 19, name: 'json' },
      ]);
    }
    expect(engine.analyze('{{ a | words }}').errors).toEqual([{ message: '`words` takes 1 to 2 arguments, got 0', line: 1, column: 8, name: 'words' }]);
  });

  it('turns a throwing filter into TEMPLATE_FILTER and keeps the cause', () => {
    const cause = new RangeError('bad value');
    const engine = createTemplateEngine({
      filters: {
        explode: () => {
          throw cause;
        },
      },
    });
    const error = renderError(engine, 'x {{ a | explode }}', { a: 1 });
    expect(error.code).toBe('TEMPLATE_FILTER');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('filter `explode` failed on "a": bad value (line 1, column 10)');
    expect(error.problems).toEqual([{ message: 'filter `explode` failed on "a": bad value', line: 1, column: 10, name: 'explode' }]);
  });

  it('passes filters the value and literal arguments only, never a missing value', () => {
    const filter = vi.fn((value: unknown) => value);
    const engine = createTemplateEngine({ filters: { spy: filter } });
    expect(engine.render('{{ a | spy: "x", 2 }}{{ b | spy | default: "-" }}', { a: 'v' })).toBe('v-');
    expect(filter).toHaveBeenCalledTimes(1);
    expect(filter).toHaveBeenCalledWith('v', 'x', 2);
  });

  it('rejects invalid filters and options with INVALID_INPUT', () => {
    const engine = createTemplateEngine();
    const attempts: (() => unknown)[] = [
      () => engine.registerFilter('default', (value) => value),
      () => engine.registerFilter('bad name', (value) => value),
      () => engine.registerFilter('ok', 'not a function' as never),
      () => createTemplateEngine({ cacheSize: -1 }),
      () => engine.render(42 as never, {}),
    ];
    for (const attempt of attempts) {
      try {
        attempt();
        expect.unreachable();
      } catch (error) {
        expect(LlmActionsError.isInstance(error) && error.code).toBe('INVALID_INPUT');
      }
    }
  });

  it('analyzes with the engine filters', () => {
    const engine = createTemplateEngine({ filters: { mine: (value) => value } });
    expect(engine.analyze('{{ a | mine }}{{ b | theirs }}').errors).toEqual([
      expect.objectContaining({ line: 1, column: 22, name: 'theirs' }),
    ]);
  });

  it('treats non-object data as having no variables', () => {
    expect(renderTemplate('static', null)).toBe('static');
    expect(renderTemplate('{{#if a}}x{{/if}}', 'text')).toBe('');
  });
});
