import pRetry from 'p-retry';
import type { ProviderV1 } from '../contracts/provider/v1/provider-v1.js';
import type { ProviderV1Request } from '../contracts/provider/v1/provider-v1-request.js';
import type { ProviderV1Result } from '../contracts/provider/v1/provider-v1-result.js';
import type { LlmActionsError } from '../errors/llm-actions-error.js';
import { linkedController, raceAbort, sleep } from '../runtime/abort.js';
import { consumeStream } from './consume-stream.js';
import { CoreTimeout, normalizeProviderError } from './normalize-provider-error.js';
import { isRetryable, retryDelayMs, type ResolvedRetryOptions } from './retry-policy.js';

/** Everything one guarded provider call needs. */
export interface CallProviderOptions {
  provider: ProviderV1;
  request: Omit<ProviderV1Request, 'signal'>;
  stream: boolean;
  retry: ResolvedRetryOptions;
  attemptTimeoutMs: number;
  /** Aborted by the host (cancellation) or by the run timeout. */
  runSignal: AbortSignal;
  /** The host's own signal, to tell cancellation from a run timeout. */
  hostSignal?: AbortSignal;
  onAttempt(attempt: number): void;
  /** Awaited before each attempt (rate limits); may reject with the run signal's reason. */
  beforeAttempt?(signal: AbortSignal): Promise<void>;
  /** Told about each failed attempt before the retry decision (the limiter slows down on 429). */
  onFailure?(error: LlmActionsError): void;
  onRetry(details: { attempt: number; delayMs: number; error: LlmActionsError }): void | Promise<void>;
  onDelta(delta: string, index: number): void;
}

/** The result of a guarded call and how many attempts it took. */
export interface CallProviderResult {
  result: ProviderV1Result;
  attempts: number;
}

/**
 * Calls a provider with core's reliability rules: per-attempt timeout (which also
 * aborts the HTTP request), retries of retryable errors with backoff or the server's
 * Retry-After, no retry once a stream emitted output, and cancellation through
 * `runSignal`. Throws the last normalised error, with `attempts` in its details.
 */
export async function callProvider(options: CallProviderOptions): Promise<CallProviderResult> {
  const { provider, retry, runSignal } = options;
  let attempts = 0;
  const attempt = async (attemptNumber: number): Promise<ProviderV1Result> => {
    attempts = attemptNumber;
    if (options.beforeAttempt) {
      try {
        await options.beforeAttempt(runSignal);
      } catch (error) {
        throw normalizeProviderError(error, { provider: provider.id, attemptSignal: runSignal, hostSignal: options.hostSignal, emittedOutput: false });
      }
    }
    options.onAttempt(attemptNumber);
    const controller = linkedController(runSignal);
    const state = { emittedOutput: false };
    const request: ProviderV1Request = { ...options.request, signal: controller.signal };
    const pending =
      options.stream && provider.doStream
        ? consumeStream(provider as ProviderV1 & Required<Pick<ProviderV1, 'doStream'>>, request, { onDelta: options.onDelta }, state)
        : provider.doGenerate(request);
    // The attempt's deadline aborts its signal, which closes the HTTP request and settles the
    // race at once even if the provider ignores the signal (decision 3).
    const timer = setTimeout(() => controller.abort(new CoreTimeout('attempt', options.attemptTimeoutMs)), options.attemptTimeoutMs);
    try {
      return await raceAbort(pending, controller.signal);
    } catch (error) {
      pending.catch(() => undefined);
      throw normalizeProviderError(error, {
        provider: provider.id,
        attemptSignal: controller.signal,
        hostSignal: options.hostSignal,
        emittedOutput: state.emittedOutput,
      });
    } finally {
      clearTimeout(timer);
    }
  };

  try {
    const result = await pRetry(attempt, {
      retries: retry.maxRetries,
      minTimeout: 0,
      maxTimeout: 0,
      randomize: false,
      signal: runSignal,
      onFailedAttempt: ({ error }) => options.onFailure?.(error as LlmActionsError),
      shouldRetry: async ({ error, attemptNumber }) => {
        if (!isRetryable(error) || runSignal.aborted) return false;
        const delayMs = retryDelayMs(error, attemptNumber, retry);
        await options.onRetry({ attempt: attemptNumber, delayMs, error: error as LlmActionsError });
        await sleep(delayMs, runSignal);
        return true;
      },
    });
    return { result, attempts };
  } catch (error) {
    const normalized = normalizeProviderError(error, {
      provider: provider.id,
      attemptSignal: runSignal,
      hostSignal: options.hostSignal,
      emittedOutput: false,
    });
    (normalized.details as Record<string, unknown>).attempts = attempts;
    throw normalized;
  }
}
