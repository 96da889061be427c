import { LlmActionsError, type ErrorCode } from '@llm-actions/core';
import { expect } from 'vitest';

/**
 * Runs `operation` and asserts that it fails with an `LlmActionsError` carrying `code`
 * (checked with `LlmActionsError.isInstance`, so duplicate package copies still pass).
 * Returns the error for further checks.
 */
export async function expectStoreError(operation: () => Promise<unknown>, code: ErrorCode): Promise<LlmActionsError> {
  let caught: unknown;
  let settled = false;
  try {
    await operation();
    settled = true;
  } catch (error) {
    caught = error;
  }
  expect(settled, `expected the operation to fail with ${code}, but it succeeded`).toBe(false);
  expect(LlmActionsError.isInstance(caught), `expected an LlmActionsError with code ${code}, got ${String(caught)}`).toBe(true);
  expect((caught as LlmActionsError).code).toBe(code);
  return caught as LlmActionsError;
}

/** Outcomes of operations run at once: how many succeeded, and the errors of the rest. */
export async function settleAll<TValue>(operations: Array<Promise<TValue>>): Promise<{ values: TValue[]; errors: unknown[] }> {
  const results = await Promise.allSettled(operations);
  return {
    values: results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])),
    errors: results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : [])),
  };
}
