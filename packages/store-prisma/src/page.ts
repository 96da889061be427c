import { timestampSchema } from '@llm-actions/core';
import { storeError } from './store-error.js';
import { fromDate } from './values.js';

/** Page size when a query gives none. */
export const defaultLimit = 50;
/** The largest page size a query may ask for. */
export const maximumLimit = 500;

/** A position in a newest-first list: the last item of the previous page. */
export interface CursorKey {
  createdAt: Date;
  id: string;
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
export function encodeCursor(item: { createdAt: Date | string; id: string }): string {
  const createdAt = typeof item.createdAt === 'string' ? item.createdAt : fromDate(item.createdAt);
  return Buffer.from(JSON.stringify([createdAt, item.id]), 'utf8').toString('base64url');
}

/** The key a cursor stands for; `INVALID_INPUT` for anything this store did not issue. */
export function decodeCursor(cursor: unknown): CursorKey {
  let decoded: unknown;
  try {
    decoded = typeof cursor === 'string' ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    decoded = undefined;
  }
  if (Array.isArray(decoded) && decoded.length === 2 && typeof decoded[0] === 'string' && typeof decoded[1] === 'string') {
    if (timestampSchema.safeParse(decoded[0]).success) return { createdAt: new Date(decoded[0]), id: decoded[1] };
  }
  throw storeError('INVALID_INPUT', 'cursor is not one this store issued; pass the nextCursor of the previous page unchanged.', { cursor });
}

/**
 * The keyset condition "after the cursor" in newest-first order: created earlier, or at the
 * same instant with a smaller id. Uses the (createdAt, id) index, so pages cost the same deep
 * into a long history, and runs added meanwhile (newer) never shift later pages.
 */
export function afterCursor(cursor: unknown): object {
  if (cursor === undefined) return {};
  const key = decodeCursor(cursor);
  return { OR: [{ createdAt: { lt: key.createdAt } }, { createdAt: key.createdAt, id: { lt: key.id } }] };
}

/** Ordering that matches {@link afterCursor}. */
export const newestFirst = [{ createdAt: 'desc' }, { id: 'desc' }] as const;

/** One page from rows fetched with `take: limit + 1`: the extra row only says a next page exists. */
export function toPage<TRow extends { createdAt: Date; id: string }, TItem>(
  rows: TRow[],
  limit: number,
  map: (row: TRow) => TItem,
): { items: TItem[]; nextCursor?: string } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return rows.length > limit && last !== undefined ? { items: items.map(map), nextCursor: encodeCursor(last) } : { items: items.map(map) };
}
