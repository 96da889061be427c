import { LlmActionsError } from './llm-actions-error.js';

const marker = Symbol.for('llm-actions.error.provider');

/** How a provider call failed. Core decides retries from `retryable`, not from the kind. */
export type ProviderErrorKind =
  | 'auth'
  | 'not-found'
  | 'rate-limit'
  | 'bad-request'
  | 'timeout'
  | 'network'
  | 'server'
  | 'content-filter'
  | 'cancelled';

/** Constructor arguments of {@link ProviderError}. */
export interface ProviderErrorOptions {
  /** Provider id, e.g. `ollama`. */
  provider: string;
  /** How the call failed. Derived from `status` when omitted. */
  kind?: ProviderErrorKind;
  /** What went wrong, without secrets. */
  message: string;
  /** HTTP status, when there was a response. */
  status?: number;
  /** Whether core may retry. Derived from `status` and `kind` when omitted. */
  retryable?: boolean;
  /** Delay the server asked for (Retry-After, retry-after-ms), in milliseconds. */
  retryAfterMs?: number;
  /** The response body or a part of it, for diagnostics. */
  responseBody?: unknown;
  /** The underlying error. */
  cause?: unknown;
}

/** Status codes that core retries: request timeout, conflict, rate limit, every 5xx (and 529). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The kind that an HTTP status means. */
export function kindFromStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not-found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server';
  return 'bad-request';
}

/**
 * A failed provider call, thrown by provider plugins and surfaced by core as the
 * `cause` of a `PROVIDER_ERROR`. `retryable` is derived from the status by default.
 */
export class ProviderError extends LlmActionsError {
  private readonly [marker] = true;
  readonly provider: string;
  readonly kind: ProviderErrorKind;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly responseBody: unknown;

  constructor(options: ProviderErrorOptions) {
    const kind = options.kind ?? (options.status === undefined ? 'network' : kindFromStatus(options.status));
    const retryable =
      options.retryable ??
      (options.status === undefined ? kind === 'network' || kind === 'timeout' : isRetryableStatus(options.status));
    const code = kind === 'cancelled' ? 'CANCELLED' : kind === 'timeout' ? 'TIMEOUT' : 'PROVIDER_ERROR';
    super({
      code,
      message: options.message,
      details: { provider: options.provider, kind, status: options.status, retryable, retryAfterMs: options.retryAfterMs },
      cause: options.cause,
    });
    this.name = 'ProviderError';
    this.provider = options.provider;
    this.kind = kind;
    this.status = options.status;
    this.retryable = retryable;
    this.retryAfterMs = options.retryAfterMs;
    this.responseBody = options.responseBody;
  }

  /** True for any provider error created by any copy of this package. */
  static override isInstance(error: unknown): error is ProviderError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
