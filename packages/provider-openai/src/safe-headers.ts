/** Header names that may carry credentials, so they never reach diagnostics. */
const secretHeader = /authorization|api-key|apikey|cookie|token|secret|session/i;

/**
 * A plain record of HTTP headers, for diagnostics, without any header that may carry a secret
 * (`Authorization`, `api-key`, `x-api-key`, cookies, tokens). Names are lowercased.
 */
export function safeHeaders(headers: Headers | Record<string, string> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  const keep = (value: string, name: string) => {
    if (!secretHeader.test(name)) result[name.toLowerCase()] = value;
  };
  if (headers instanceof Headers) headers.forEach(keep);
  else for (const [name, value] of Object.entries(headers ?? {})) keep(value, name);
  return result;
}
