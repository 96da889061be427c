import { LlmActionsError, type ErrorCode } from '@llm-actions/core';

const prefix = '[llm-actions/store-memory]';

/** An `LlmActionsError` whose message names this package. */
export function storeError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): LlmActionsError {
  return new LlmActionsError({ code, message: `${prefix} ${message}`, details });
}

/** The shape of a zod schema this package needs: only `safeParse` and its issues. */
export interface RecordSchema {
  safeParse(
    value: unknown,
  ): { success: true } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } };
}

/** Throws `INVALID_INPUT` listing every problem when `value` does not match `schema`. */
export function assertValid(schema: RecordSchema, value: unknown, what: string): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  throw storeError('INVALID_INPUT', `${what} is invalid (${problems.join('; ')}); fix these fields and store it again.`, {
    problems,
  });
}

/** Throws `INVALID_INPUT` when `query` has keys this store does not know, so typos never widen a filter. */
export function assertKnownKeys(query: object, allowed: ReadonlySet<string>, what: string): void {
  const unknown = Object.keys(query).filter((key) => !allowed.has(key));
  if (unknown.length === 0) return;
  throw storeError(
    'INVALID_INPUT',
    `${what} has unknown option(s) ${unknown.map((key) => `"${key}"`).join(', ')}; use only ${[...allowed].join(', ')}.`,
    { unknown },
  );
}

/** Throws `INVALID_INPUT` unless `value` is a non-empty string. */
export function assertText(value: unknown, name: string): asserts value is string {
  if (typeof value === 'string' && value.length > 0) return;
  throw storeError('INVALID_INPUT', `${name} must be a non-empty string, got ${describeValue(value)}.`, { [name]: value });
}

/** A short description of a value for error messages (never the whole value). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value);
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}
