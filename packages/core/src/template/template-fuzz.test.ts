import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TemplateError } from '../errors/index.js';
import { analyzeTemplate, builtinFilters, createTemplateEngine } from './index.js';

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

const engine = createTemplateEngine({
  limits: { maxOutputLength: 20_000, maxLoopIterations: 2_000, maxPartialIncludes: 2_000, maxPartialDepth: 5 },
});

describe('template engine under arbitrary input', () => {
  it('renders to a string or throws a TemplateError, never anything else, never calling data', () => {
    fc.assert(
      fc.property(templateArbitrary, templateArbitrary, templateArbitrary, fc.oneof(dataObject, dataValue), (source, p, q, data) => {
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

  it('analyzes any source without throwing, agreeing with compile about syntax errors', () => {
    fc.assert(
      fc.property(fc.oneof(templateArbitrary, fc.string({ maxLength: 40 })), (source) => {
        const analysis = analyzeTemplate(source);
        let syntaxValid = true;
        try {
          engine.compile(source);
        } catch (error) {
          if (!TemplateError.isInstance(error)) throw error;
          if (error.code === 'TEMPLATE_SYNTAX') syntaxValid = false;
        }
        expect(analysis.errors.length === 0).toBe(syntaxValid);
        const filtersKnown = analysis.filters.every((name) => name === 'default' || Object.hasOwn(builtinFilters, name));
        expect(engine.analyze(source).errors.length === 0).toBe(syntaxValid && filtersKnown);
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
