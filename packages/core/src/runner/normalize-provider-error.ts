import { LlmActionsError } from '../errors/llm-actions-error.js';
import { ProviderError } from '../errors/provider-error.js';

/** Why core aborted an attempt: its own timeouts, told apart from the host's signal. */
export class CoreTimeout extends Error {
  constructor(
    readonly scope: 'attempt' | 'run',
    readonly milliseconds: number,
  ) {
    super(`${scope === 'attempt' ? 'Provider attempt' : 'Run'} timed out after ${milliseconds} ms`);
    this.name = 'CoreTimeout';
  }
}

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

function looksLikeNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && networkCodes.has(code)) return true;
  return /fetch failed|socket hang up|network|terminated|other side closed/i.test(error.message);
}

/**
 * Turns whatever an attempt threw into a `ProviderError` with the right kind:
 * core timeouts become `timeout` (retryable), the host's abort becomes `cancelled`,
 * and an error after streamed output is never retryable.
 */
export function normalizeProviderError(
  error: unknown,
  context: { provider: string; attemptSignal: AbortSignal; hostSignal?: AbortSignal; emittedOutput: boolean },
): LlmActionsError {
  const reason: unknown = context.attemptSignal.aborted ? context.attemptSignal.reason : undefined;
  let normalized: LlmActionsError;
  if (reason instanceof CoreTimeout) {
    normalized = new ProviderError({
      provider: context.provider,
      kind: 'timeout',
      retryable: reason.scope === 'attempt',
      message: `${reason.message}. Raise timeouts.${reason.scope === 'attempt' ? 'attemptMs' : 'runMs'} if the model needs longer.`,
      cause: error,
    });
  } else if (context.hostSignal?.aborted) {
    normalized = new ProviderError({ provider: context.provider, kind: 'cancelled', retryable: false, message: 'The run was cancelled through its AbortSignal.', cause: error });
  } else if (ProviderError.isInstance(error) || LlmActionsError.isInstance(error)) {
    normalized = error;
  } else if (looksLikeNetworkError(error)) {
    normalized = new ProviderError({ provider: context.provider, kind: 'network', message: `Network error calling ${context.provider}: ${(error as Error).message}`, cause: error });
  } else {
    normalized = new ProviderError({
      provider: context.provider,
      kind: 'bad-request',
      retryable: false,
      message: `Provider ${context.provider} failed: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }
  if (context.emittedOutput && ProviderError.isInstance(normalized) && normalized.retryable) {
    return new ProviderError({
      provider: normalized.provider,
      kind: normalized.kind,
      status: normalized.status,
      retryable: false,
      message: `${normalized.message} (the stream had already emitted output, so it is not retried)`,
      cause: normalized,
    });
  }
  return normalized;
}
