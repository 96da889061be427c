import { cloneRecord } from './clone-record.js';
import { timestampSchema } from '@llm-actions/core';
import { storeError } from './store-error.js';
import type { IndexEntry, IndexKey, ScanRange, SortedIndex } from './sorted-index.js';

/** Page size when a query gives none, and the largest allowed. */
export const defaultLimit = 50;
export const maximumLimit = 500;

/** Epoch milliseconds of an ISO timestamp; `INVALID_INPUT` naming `name` when it is not one. */
export function parseTimestamp(value: unknown, name: string): number {
  if (typeof value === 'string' && timestampSchema.safeParse(value).success) return Date.parse(value);
  throw storeError(
    'INVALID_INPUT',
    `${name} must be an ISO 8601 UTC timestamp such as "2025-01-31T12:00:00.000Z" (use Date.prototype.toISOString()), got ${JSON.stringify(value)}.`,
    { [name]: value },
  );
}

/** The page size of a query; `INVALID_INPUT` outside 1-500. */
export function parseLimit(limit: unknown): number {
  if (limit === undefined) return defaultLimit;
  if (typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 && limit <= maximumLimit) return limit;
  throw storeError('INVALID_INPUT', `limit must be an integer from 1 to ${maximumLimit}, got ${String(limit)}; page with nextCursor for more.`, {
    limit,
  });
}

/** An opaque cursor: base64url of the last item's `[createdAt, id]`. */
export function encodeCursor(entry: IndexEntry<unknown>): string {
  return Buffer.from(JSON.stringify([entry.createdAt, entry.id]), 'utf8').toString('base64url');
}

/** The key a cursor stands for; `INVALID_INPUT` for anything this store did not issue. */
export function decodeCursor(cursor: unknown): IndexKey {
  let decoded: unknown;
  try {
    decoded = typeof cursor === 'string' ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    decoded = undefined;
  }
  if (Array.isArray(decoded) && decoded.length === 2 && typeof decoded[1] === 'string' && typeof decoded[0] === 'string') {
    if (timestampSchema.safeParse(decoded[0]).success) return { time: Date.parse(decoded[0]), id: decoded[1] };
  }
  throw storeError('INVALID_INPUT', 'cursor is not one this store issued; pass the nextCursor of the previous page unchanged.', {
    cursor,
  });
}

/** The scan range of `from`, `to` and `cursor` query fields, validated. */
export function parseRange(query: { from?: unknown; to?: unknown; cursor?: unknown }): ScanRange {
  const range: ScanRange = {};
  if (query.from !== undefined) range.fromTime = parseTimestamp(query.from, 'from');
  if (query.to !== undefined) range.toTime = parseTimestamp(query.to, 'to');
  if (query.cursor !== undefined) range.before = decodeCursor(query.cursor);
  return range;
}

/**
 * One page newest first: up to `limit` matching entries, and a cursor only when another
 * match exists, so the last page never carries one.
 */
export function readPage<TRecord>(
  index: SortedIndex<TRecord>,
  range: ScanRange,
  limit: number,
  matches: (record: TRecord) => boolean,
): { items: TRecord[]; nextCursor?: string } {
  const items: TRecord[] = [];
  let last: IndexEntry<TRecord> | undefined;
  for (const entry of index.descending(range)) {
    if (!matches(entry.record)) continue;
    if (items.length === limit) return { items, nextCursor: encodeCursor(last as IndexEntry<TRecord>) };
    items.push(cloneRecord(entry.record));
    last = entry;
  }
  return { items };
}
