import type { LlmActionsError } from '@llm-actions/core';
import { storeError, type RecordSchema } from './store-error.js';

/** One status or kind, or a non-empty list of them, as an array; undefined when not given. */
export function parseChoice<TValue extends string>(value: TValue | TValue[] | undefined, schema: RecordSchema, name: string): TValue[] | undefined {
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  const invalid = values.filter((item) => !schema.safeParse(item).success);
  if (values.length === 0 || invalid.length > 0) {
    throw storeError(
      'INVALID_INPUT',
      `${name} must be one known value or a non-empty array of them, got ${JSON.stringify(value)}; omit it to match every ${name}.`,
      { [name]: value },
    );
  }
  return [...new Set(values)];
}

/** The `STORE_CONFLICT` of a compare-and-set update that found another status. */
export function statusConflict(kind: string, id: string, expected: string[], actualStatus: string, advice: string): LlmActionsError {
  return storeError(
    'STORE_CONFLICT',
    `${kind} "${id}" is "${actualStatus}", not ${expected.map((status) => `"${status}"`).join(' or ')}; ${advice}.`,
    { id, expectedStatus: expected, actualStatus },
  );
}
