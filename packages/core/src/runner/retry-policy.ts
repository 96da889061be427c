import { ProviderError } from '../errors/provider-error.js';

/** How core retries failed provider calls. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** Backoff before the first retry, in ms. Default 500. */
  initialDelayMs?: number;
  /** Upper bound of the exponential backoff, in ms. Default 8,000. */
  maxDelayMs?: number;
  /** Upper bound of a server-requested delay (Retry-After), in ms. Default 60,000. */
  maxRetryAfterMs?: number;
  /** Growth of the backoff per retry. Default 2. */
  factor?: number;
}

/** Per-attempt and per-run time limits, in ms. */
export interface TimeoutOptions {
  /** Limit of one provider attempt, streaming included. Default 120,000. */
  attemptMs?: number;
  /** Limit of the whole run: attempts, waits and repair. Default 300,000. */
  runMs?: number;
}

/** Retry options with defaults applied. */
export type ResolvedRetryOptions = Required<RetryOptions>;

/** Applies defaults to retry options. */
export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  return {
    maxRetries: options.maxRetries ?? 2,
    initialDelayMs: options.initialDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    factor: options.factor ?? 2,
  };
}

/**
 * The wait before retry number `retry` (1-based): the server's Retry-After when it
 * sent one (capped), else exponential backoff with "equal jitter" (half fixed, half random).
 */
export function retryDelayMs(
  error: unknown,
  retry: number,
  options: ResolvedRetryOptions,
  random: () => number = Math.random,
): number {
  if (ProviderError.isInstance(error) && error.retryAfterMs !== undefined && error.retryAfterMs >= 0) {
    return Math.min(error.retryAfterMs, options.maxRetryAfterMs);
  }
  const base = Math.min(options.maxDelayMs, options.initialDelayMs * options.factor ** (retry - 1));
  return Math.round(base / 2 + random() * (base / 2));
}

/** Whether core may retry an error: only retryable provider errors are. */
export function isRetryable(error: unknown): boolean {
  return ProviderError.isInstance(error) && error.retryable;
}
