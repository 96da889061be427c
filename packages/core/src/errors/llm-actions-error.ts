import type { ErrorCode } from './error-codes.js';

const marker = Symbol.for('llm-actions.error');

/** Constructor arguments of {@link LlmActionsError}. */
export interface LlmActionsErrorOptions {
  /** Stable machine-readable code. */
  code: ErrorCode;
  /** What went wrong and what to do about it. */
  message: string;
  /** Structured facts about the failure (never secrets). */
  details?: Record<string, unknown>;
  /** The underlying error, kept for debugging. */
  cause?: unknown;
}

/**
 * The one error type the SDK throws. Check with {@link LlmActionsError.isInstance}
 * rather than `instanceof`, which fails when two copies of the package are installed.
 *
 * @example
 * ```ts
 * try { await llm.run('summarize', post) }
 * catch (error) { if (LlmActionsError.isInstance(error) && error.code === 'SOURCE_MISSING') ... }
 * ```
 */
export class LlmActionsError extends Error {
  private readonly [marker] = true;
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor({ code, message, details = {}, cause }: LlmActionsErrorOptions) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'LlmActionsError';
    this.code = code;
    this.details = details;
  }

  /** True for any error created by any copy of this package. */
  static isInstance(error: unknown): error is LlmActionsError {
    return typeof error === 'object' && error !== null && marker in error;
  }

  /** A plain, JSON-safe form for storage on a failed run. */
  toJSON(): { name: string; code: ErrorCode; message: string; details: Record<string, unknown> } {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}
