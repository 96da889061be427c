import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TemplateError } from '../errors/index.js';
import { analyzeTemplate, createTemplateEngine } from './index.js';

/** Every call of a function or getter found in the data lands here; it must stay empty. */
const calls: string[] = [];
const trap = (): string => {
  calls.push('called');
  return 'called';
};

const names = ['a', 'b', 'x', 'items', 'p', '__proto__', 'constructor', 'prototype', 'toString', '0', 'length', 'valueOf'];
const fragments = [
  '{{', '}}', '{{ ', ' }}', '{{#if ', '{{#each ', ' as ', ' as x', '{{/if}}', '{{/each}}', '{{else}}', '{{else if ', '{{> p}}',
  '{{> q}}', '{{>', '{{!', '{{!--', '--}}', '{{{', '}}}', '|', ' | ', 'json', 'json: 2', 'join: ", "', 'truncate: 3', 'words: 1',
  'default: "d"', "default: 'e'", 'upper', 'lower', 'trim', 'nope', ':', ',', '>', '#', '/', '"', "'", '\\', '\\{{', '{', '}',
  ' ', '\n', '.', '@index', '@first', '@last', '@', 'a.b', 'items.0', 'x.a', '-1', '2.5', ...names,
];

const templateArbitrary = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fragments) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), {
    maxLength: 30,
  })
  .map((parts) => parts.join(''));

const paths = ['a', 'b', 'x', 'x.a', 'x.0', 'items', 'items.0', 'a.b.c', '@index', '@first', '@last', 'toString', 'length', 'x.length'];
const filterSteps = [' | json', ' | json: 2', ' | join', ' | join: "-"', ' | upper', ' | trim', ' | truncate: 3', ' | words: 1', ' | default: "d"', ' | default: 0', ' | nope'];
const expressionArbitrary = fc
  .tuple(fc.constantFrom(...paths), fc.array(fc.constantFrom(...filterSteps), { maxLength: 2 }))
  .map(([path, steps]) => path + steps.join(''));

/** Templates that parse (except for the odd unknown filter), so the renderer itself gets exercised. */
const { nodes: wellFormedArbitrary } = fc.letrec<{ node: string; nodes: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('text ', '\n', '\\{{ literal }}', '{{! note }}', '{{!-- }} --}}', '{{> p}}', '{{> q}}'),
    expressionArbitrary.map((expression) => `{{ ${expression} }}`),
    fc.tuple(expressionArbitrary, tie('nodes'), fc.option(tie('nodes'))).map(
      ([expression, body, otherwise]) => `{{#if ${expression}}}${body}${otherwise === null ? '' : `{{else}}${otherwise}`}{{/if}}`,
    ),
    fc.tuple(expressionArbitrary, fc.constantFrom('x', 'a', 'item'), tie('nodes'), fc.option(tie('nodes'))).map(
      ([expression, local, body, otherwise]) =>
        `{{#each ${expression} as ${local}}}${body}${otherwise === null ? '' : `{{else}}${otherwise}`}{{/each}}`,
    ),
  ),
  nodes: fc.array(tie('node'), { maxLength: 4 }).map((parts) => parts.join('')),
}));

const define = (target: object, key: string, descriptor: PropertyDescriptor): void => {
  Object.defineProperty(target, key, { enumerable: true, configurable: true, ...descriptor });
};

const { value: dataValue, object: dataObject } = fc.letrec<{ value: unknown; object: object; array: unknown[] }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true, withBoxedValues: true }),
    fc.constant(trap),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom(...names), tie('value')), { maxLength: 5 }),
      fc.array(fc.constantFrom(...names), { maxLength: 2 }),
      fc.boolean(),
    )
    .map(([entries, getters, nullPrototype]) => {
      const object: object = nullPrototype ? Object.create(null) : {};
      // defineProperty makes `__proto__` an own data property instead of changing the prototype.
      for (const [key, value] of entries) define(object, key, { value, writable: true });
      for (const key of getters) define(object, key, { get: trap });
      return object;
    }),
}));

const anyTemplate = fc.oneof(templateArbitrary, wellFormedArbitrary);

const engine = createTemplateEngine({
  limits: { maxOutputLength: 20_000, maxLoopIterations: 2_000, maxPartialIncludes: 2_000, maxPartialDepth: 5 },
});

describe('template engine under arbitrary input', () => {
  it('renders to a string or throws a TemplateError, never anything else, never calling data', () => {
    fc.assert(
      fc.property(anyTemplate, anyTemplate, anyTemplate, fc.oneof(dataObject, dataValue), (source, p, q, data) => {
        const started = performance.now();
        try {
          expect(typeof engine.render(source, data, { partials: { p, q } })).toBe('string');
        } catch (error) {
          if (!TemplateError.isInstance(error)) throw error;
          expect(error.problems.every((problem) => problem.line >= 1 && problem.column >= 1)).toBe(true);
        }
        expect(calls).toEqual([]);
        expect(performance.now() - started).toBeLessThan(2_000);
      }),
      { numRuns: 2_000 },
    );
  });

  it('analyzes any source without throwing, agreeing with compile about every error', () => {
    fc.assert(
      fc.property(fc.oneof(anyTemplate, fc.string({ maxLength: 40 })), (source) => {
        const analysis = analyzeTemplate(source);
        let compiles = true;
        let syntaxValid = true;
        try {
          engine.compile(source);
        } catch (error) {
          if (!TemplateError.isInstance(error)) throw error;
          compiles = false;
          if (error.code === 'TEMPLATE_SYNTAX') syntaxValid = false;
        }
        expect(analysis.errors.length === 0).toBe(syntaxValid);
        expect(engine.analyze(source).errors.length === 0).toBe(compiles);
      }),
      { numRuns: 2_000 },
    );
  });

  it('renders text without `{{` unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }).filter((text) => !text.includes('{{')),
        (text) => {
          expect(engine.render(text, {})).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });
});
