import { describe, expect, it } from 'vitest';
import { digestOf, isJsonValue, toCanonicalJson } from './json-value.js';

describe('agent JSON values', () => {
  it('tells JSON data that round-trips from values a store would change', () => {
    expect(isJsonValue({ a: [1, 'x', null, true, { b: 2.5 }] })).toBe(true);
    for (const value of [undefined, { a: undefined }, [undefined], Number.NaN, Infinity, new Date(), () => 1, new Map(), 1n]) {
      expect(isJsonValue(value), String(value)).toBe(false);
    }
  });

  it('sorts object keys so equal data serialises equally, and digests it', () => {
    const left = toCanonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } }, 'test');
    expect(JSON.stringify(left)).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
    expect(digestOf({ b: 1, a: 2 })).toBe(digestOf({ a: 2, b: 1 }));
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
    expect(toCanonicalJson(undefined, 'test')).toBeNull();
  });

  it('refuses values JSON cannot hold with INVALID_INPUT naming them', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toCanonicalJson(cyclic, 'result of tool "loop"')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('result of tool "loop"') }));
  });
});
