import { describe, expect, it } from 'vitest';
import { cloneRecord } from './clone-record.js';

describe('cloneRecord', () => {
  it('copies JSON-shaped data deeply, like structuredClone', () => {
    const record = { id: 'r', list: [1, { nested: ['a', null, true] }], empty: {}, text: 'é🚀' };
    const copy = cloneRecord(record);
    expect(copy).toEqual(structuredClone(record));
    (copy.list[1] as { nested: unknown[] }).nested.push('changed');
    expect(record.list[1]).toEqual({ nested: ['a', null, true] });
  });

  it('keeps an own __proto__ key as data without touching the prototype', () => {
    const record = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = cloneRecord(record);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('hands other objects to structuredClone', () => {
    const when = new Date('2026-01-01T00:00:00.000Z');
    const copy = cloneRecord({ when, map: new Map([['k', 1]]) });
    expect(copy.when).toEqual(when);
    expect(copy.when).not.toBe(when);
    expect(copy.map.get('k')).toBe(1);
  });
});
