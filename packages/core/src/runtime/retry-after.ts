/**
 * Reads the delay a server asks for: `retry-after-ms` (milliseconds), else
 * `retry-after` as seconds or an HTTP date. Header names are matched case-insensitively.
 * Providers use it to fill `ProviderError.retryAfterMs`.
 */
export function retryAfterFromHeaders(
  headers: Record<string, string | undefined> | Headers | undefined,
  now: number = Date.now(),
): { retryAfterMs?: number } {
  if (!headers) return {};
  const get = (name: string): string | undefined => {
    if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
    const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
    return entry?.[1];
  };
  const milliseconds = Number(get('retry-after-ms'));
  if (get('retry-after-ms') !== undefined && Number.isFinite(milliseconds) && milliseconds >= 0) return { retryAfterMs: milliseconds };
  const value = get('retry-after');
  if (value === undefined) return {};
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return { retryAfterMs: Math.round(seconds * 1000) };
  const date = Date.parse(value);
  return Number.isNaN(date) ? {} : { retryAfterMs: Math.max(0, date - now) };
}
