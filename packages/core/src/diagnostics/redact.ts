/** How secrets are found and how large values are cut in stored diagnostics. */
export interface RedactOptions {
  /** Extra object keys whose values are always replaced (case-insensitive). */
  keys?: string[];
  /** Extra patterns; every match inside a string is replaced. Use the `g` flag or not, both work. */
  patterns?: RegExp[];
  /** Strings longer than this are cut, with a marker saying how much. Default 20,000. */
  maxStringLength?: number;
  /** Arrays longer than this are cut, with a marker item. Default 2,000. */
  maxArrayLength?: number;
}

/** The text that replaces a secret. */
export const REDACTED = '[REDACTED]';

const secretKeys = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'apikey',
  'api_key',
  'x-goog-api-key',
  'cookie',
  'set-cookie',
  'password',
  'secret',
  'client_secret',
  'access_token',
  'refresh_token',
]);

const secretPatterns: RegExp[] = [
  /\bsk-[A-Za-z0-9_-]{12,}/g, // OpenAI and Anthropic style keys
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\b(?:ghp|gho|github_pat|xox[abp])_[A-Za-z0-9_]{12,}/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
];

/** A prepared redactor: patterns and keys compiled once, then applied to many values. */
export interface Redactor {
  /** A redacted deep copy of `value`. */
  (value: unknown): unknown;
  /** The redacted copy and about how many characters its JSON takes, measured in the same walk. */
  withSize(value: unknown): { value: unknown; size: number };
}

/**
 * Prepares a redactor for `options`. Core creates one per instance, so the patterns are
 * compiled once rather than for every event.
 */
export function createRedactor(options: RedactOptions = {}): Redactor {
  const keys = new Set([...secretKeys, ...(options.keys ?? []).map((key) => key.toLowerCase())]);
  const patterns = [...secretPatterns, ...(options.patterns ?? [])].map((pattern) =>
    pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`),
  );
  const maxString = options.maxStringLength ?? 20_000;
  const maxArray = options.maxArrayLength ?? 2_000;

  const visitString = (text: string): string => {
    let result = text;
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      if (pattern.test(result)) result = result.replace(pattern, REDACTED);
    }
    if (result.length > maxString) {
      result = `${result.slice(0, maxString)}…[truncated ${result.length - maxString} chars]`;
    }
    return result;
  };

  // `state.size` approximates the JSON length: string lengths plus a few characters per value and key.
  const visit = (current: unknown, depth: number, seen: WeakSet<object>, state: { size: number }): unknown => {
    if (typeof current === 'string') {
      const text = visitString(current);
      state.size += text.length + 2;
      return text;
    }
    if (current === null || typeof current !== 'object') {
      state.size += 8;
      return typeof current === 'function' || typeof current === 'symbol' || typeof current === 'bigint'
        ? String(typeof current === 'bigint' ? current : `[${typeof current}]`)
        : current;
    }
    if (seen.has(current)) return '[Circular]';
    if (depth > 32) return '[Truncated: too deep]';
    seen.add(current);
    try {
      if (Array.isArray(current)) {
        const length = Math.min(current.length, maxArray);
        const items: unknown[] = new Array(length);
        for (let index = 0; index < length; index++) items[index] = visit(current[index], depth + 1, seen, state);
        if (current.length > maxArray) items.push(`…[truncated ${current.length - maxArray} items]`);
        state.size += 2 + length;
        return items;
      }
      if (current instanceof Date) return visit(current.toISOString(), depth, seen, state);
      if (current instanceof Error) return { name: current.name, message: visitString(current.message) };
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(current)) {
        const item = (current as Record<string, unknown>)[key];
        if (typeof item === 'function') continue;
        state.size += key.length + 4;
        copy[key] = keys.has(key.toLowerCase()) && item !== undefined && item !== null ? REDACTED : visit(item, depth + 1, seen, state);
      }
      return copy;
    } finally {
      seen.delete(current);
    }
  };

  const withSize = (value: unknown) => {
    const state = { size: 0 };
    return { value: visit(value, 0, new WeakSet(), state), size: state.size };
  };
  return Object.assign((value: unknown) => withSize(value).value, { withSize });
}

/**
 * Returns a deep copy of `value` with secrets replaced by `[REDACTED]` and large
 * strings and arrays cut with a marker. Functions and symbols are dropped; cycles
 * become `[Circular]`. The input is never modified.
 */
export function redact(value: unknown, options: RedactOptions = {}): unknown {
  return createRedactor(options)(value);
}
