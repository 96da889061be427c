import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonTooLongError, toSafeJson } from './safe-json.js';

describe('toSafeJson', () => {
  it('matches JSON.stringify for any JSON value and indent', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('', '  ', '\t'), (value, indent) => {
        expect(toSafeJson(value, indent)).toBe(JSON.stringify(value, null, indent));
      }),
      { numRuns: 1_000 },
    );
  });

  it('follows JSON.stringify for undefined, functions, non-finite numbers and dates', () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 1, Number.NaN], d: new Date(0), e: Number.POSITIVE_INFINITY };
    expect(toSafeJson(value)).toBe(JSON.stringify(value));
    expect(toSafeJson(undefined)).toBeUndefined();
  });

  it('writes bigints as digits', () => {
    expect(toSafeJson({ big: 10n ** 20n })).toBe('{"big":100000000000000000000}');
  });

  it('throws on cycles, deep nesting and excess length instead of hanging', () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(() => toSafeJson(cyclic)).toThrowError(TypeError);
    let deep: unknown = 0;
    for (let index = 0; index < 600; index += 1) deep = [deep];
    expect(() => toSafeJson(deep)).toThrowError(RangeError);
    // Shared references double at every level: 2^40 leaves if nothing stopped it.
    let wide: unknown = 'leaf';
    for (let index = 0; index < 40; index += 1) wide = [wide, wide];
    expect(() => toSafeJson(wide, '', 10_000)).toThrowError(JsonTooLongError);
  });

  it('allows the same object twice when it is not its own ancestor', () => {
    const shared = { a: 1 };
    expect(toSafeJson([shared, shared])).toBe('[{"a":1},{"a":1}]');
  });
});
