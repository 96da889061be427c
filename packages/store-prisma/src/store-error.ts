import { LlmActionsError, type ErrorCode } from '@llm-actions/core';

const prefix = '[llm-actions/store-prisma]';

/** An `LlmActionsError` whose message names this package. */
export function storeError(code: ErrorCode, message: string, details: Record<string, unknown> = {}, cause?: unknown): LlmActionsError {
  return new LlmActionsError({ code, message: `${prefix} ${message}`, details, cause });
}

/** The shape of a zod schema this package needs: only `safeParse` and its issues. */
export interface RecordSchema<TValue = unknown> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: TValue }
    | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } };
}

/** The parsed value, or `INVALID_INPUT` listing every problem when `value` does not match `schema`. */
export function assertValid<TValue>(schema: RecordSchema<TValue>, value: unknown, what: string): TValue {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  throw storeError('INVALID_INPUT', `${what} is invalid (${problems.join('; ')}); fix these fields and store it again.`, { problems });
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
  throw storeError('INVALID_INPUT', `${name} must be a non-empty string, got ${describe(value)}.`, { [name]: value });
}

/** A short description of a value for error messages (never the whole value). */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value);
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}

function prismaCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * True for Prisma's unique-constraint error (P2002). Checked by code, not by class, because the
 * error comes from the host's generated client, which may be another copy of Prisma's runtime.
 */
export function isUniqueViolation(error: unknown): boolean {
  return prismaCode(error) === 'P2002' && !LlmActionsError.isInstance(error);
}

/** True for Prisma's "record to update not found" error (P2025). */
export function isRecordNotFound(error: unknown): boolean {
  return prismaCode(error) === 'P2025' && !LlmActionsError.isInstance(error);
}

/**
 * Runs one store operation and turns any failure that is not already an `LlmActionsError`
 * (a lost connection, a missing table) into `STORE_ERROR`, keeping the original as `cause`.
 */
export async function guard<TResult>(operation: string, run: () => Promise<TResult>): Promise<TResult> {
  try {
    return await run();
  } catch (error) {
    if (LlmActionsError.isInstance(error)) throw error;
    if (/invalid byte sequence for encoding "UTF8": 0x00/.test(String(error))) {
      throw storeError(
        'INVALID_INPUT',
        `${operation} got text with a NUL character (U+0000), which PostgreSQL text columns cannot hold; remove it from ids, names, templates and notes (JSON fields may contain it).`,
        { operation },
        error,
      );
    }
    const reason = error instanceof Error ? error.message.trim().split('\n').at(-1) : String(error);
    const hint = /no such table|does not exist/i.test(String(reason))
      ? ' The llm_ tables are missing: run migrate(client) or apply the package migrations first.'
      : ' Check the database connection and that migrate(client) ran.';
    throw storeError('STORE_ERROR', `${operation} failed: ${reason}.${hint}`, { operation, prismaCode: prismaCode(error) }, error);
  }
}
