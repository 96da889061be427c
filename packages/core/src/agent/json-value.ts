import { createHash } from 'node:crypto';
import { LlmActionsError } from '../errors/llm-actions-error.js';

/** True for JSON data that round-trips exactly: no `undefined`, functions, non-finite numbers or class instances. */
export function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > 200) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value as Record<string, unknown>).every((item) => isJsonValue(item, depth + 1));
}

/**
 * The JSON form of a value with object keys sorted, so equal data always serialises
 * equally (journal arguments, replay digests). `undefined` members are dropped, as
 * `JSON.stringify` does; `undefined` itself becomes `null`.
 */
export function toCanonicalJson(value: unknown, what: string): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_key, item: unknown) => sortKeys(item));
  } catch (error) {
    throw new LlmActionsError({
      code: 'INVALID_INPUT',
      message: `${what} is not JSON data (${error instanceof Error ? error.message : String(error)}); return plain objects, arrays, strings, numbers and booleans.`,
      details: { what },
      cause: error,
    });
  }
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}

/** A SHA-256 hex digest of the canonical JSON of a value. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(toCanonicalJson(value, 'digest input'))).digest('hex');
}
