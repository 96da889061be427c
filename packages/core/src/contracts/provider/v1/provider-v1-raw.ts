/**
 * The raw HTTP exchange, kept for diagnostics. Core redacts secrets before storing;
 * providers should still never copy API keys into these objects.
 */
export interface ProviderV1RawExchange {
  /** The request body as sent (parsed JSON). */
  request?: { body?: unknown; url?: string; headers?: Record<string, string> };
  /** The response as received; for streams, the final parts. */
  response?: { id?: string; modelId?: string; status?: number; headers?: Record<string, string>; body?: unknown };
}
