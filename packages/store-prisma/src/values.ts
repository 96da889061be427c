import { timestampSchema } from '@llm-actions/core';
import { storeError } from './store-error.js';

/**
 * A stored timestamp as a `Date`. The database keeps milliseconds, so only the exact form
 * `Date.prototype.toISOString()` produces round-trips; anything else is `INVALID_INPUT`.
 */
export function toDate(value: unknown, name: string): Date {
  if (typeof value === 'string') {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime()) && date.toISOString() === value) return date;
  }
  throw storeError(
    'INVALID_INPUT',
    `${name} must be an ISO timestamp with milliseconds in UTC, as Date.prototype.toISOString() writes it (e.g. "2025-01-31T12:00:00.000Z"), got ${JSON.stringify(value)}.`,
    { [name]: value },
  );
}

/** A query bound (from, to) as a `Date`: any ISO 8601 UTC timestamp. */
export function toBound(value: unknown, name: string): Date {
  if (typeof value === 'string' && timestampSchema.safeParse(value).success) return new Date(value);
  throw storeError(
    'INVALID_INPUT',
    `${name} must be an ISO 8601 UTC timestamp such as "2025-01-31T12:00:00.000Z" (use Date.prototype.toISOString()), got ${JSON.stringify(value)}.`,
    { [name]: value },
  );
}

/** The contract's ISO string of a stored `Date` (or of a value the driver returned as text). */
export function fromDate(value: Date | string | number): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** `value` unless it is null (a database NULL), so optional fields stay absent instead of undefined. */
export function present<TValue>(value: TValue | null | undefined): value is TValue {
  return value !== null && value !== undefined;
}

/**
 * Copies the entries of `source` whose value is neither null nor undefined, so records never
 * carry optional keys set to undefined (`toHaveProperty` would see them).
 */
export function compact<TValue extends object>(source: { [Key in keyof TValue]: TValue[Key] | null | undefined }): TValue {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) if (present(value)) result[key] = value;
  return result as TValue;
}

/** The UTC date (YYYY-MM-DD) of a timestamp, stored beside runs for day aggregates. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
