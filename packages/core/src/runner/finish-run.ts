import { LlmActionsError } from '../errors/llm-actions-error.js';
import { ProviderError } from '../errors/provider-error.js';
import { redact } from '../diagnostics/redact.js';
import type { Run } from '../schemas/run.js';
import { nowIso, type RunnerContext } from './context.js';
import type { RunProgress } from './execute-action.js';
import { computeCostUsd } from './prices.js';
import type { RunRecorder } from './run-recorder.js';

function durationMs(context: RunnerContext, run: Run): number {
  return context.clock() - Date.parse(run.timings.startedAt ?? run.createdAt);
}

function finalFields(context: RunnerContext, run: Run, progress: RunProgress, finishedAt: string) {
  const costUsd = computeCostUsd(run.model, progress.usage, context.prices);
  return {
    attempts: progress.attempts,
    ...(progress.usage ? { usage: progress.usage } : {}),
    ...(costUsd !== undefined ? { costUsd } : {}),
    timings: { ...run.timings, ...(progress.firstTokenAt ? { firstTokenAt: progress.firstTokenAt } : {}), finishedAt },
  };
}

/** Step 9 on success: records usage, cost, timings and diagnostics; compare-and-set from `running`. */
export async function finishSucceededRun(
  context: RunnerContext,
  run: Run,
  recorder: RunRecorder,
  progress: RunProgress,
  output: { raw: string; parsed: unknown },
  proposalId: string | undefined,
): Promise<Run> {
  const finishedAt = nowIso(context);
  const fields = finalFields(context, run, progress, finishedAt);
  recorder.emit('run:finish', {
    status: 'succeeded',
    attempts: fields.attempts,
    ...(fields.usage ? { usage: fields.usage } : {}),
    ...(fields.costUsd !== undefined ? { costUsd: fields.costUsd } : {}),
    durationMs: durationMs(context, run),
  });
  return context.store.runs.update(
    run.id,
    { ...fields, status: 'succeeded', output, ...(proposalId ? { proposalId } : {}), events: [...recorder.events], updatedAt: finishedAt },
    { expectedStatus: 'running' },
  );
}

/** The error a failed run throws: always an `LlmActionsError` with `details.runId`. */
function toRunError(error: unknown, runId: string, attempts: number): LlmActionsError {
  if (ProviderError.isInstance(error)) {
    return new LlmActionsError({ code: error.code, message: error.message, details: { ...error.details, runId, attempts }, cause: error });
  }
  if (LlmActionsError.isInstance(error)) {
    Object.assign(error.details, { runId, attempts });
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LlmActionsError({
    code: 'UNEXPECTED_ERROR',
    message: `Run ${runId} failed unexpectedly: ${message}`,
    details: { runId, attempts, message },
    cause: error,
  });
}

/**
 * Step 9 on failure: stores the run as `failed` or `cancelled` with its error, the raw
 * output if any, and its diagnostics, then returns the error for the caller to throw.
 */
export async function finishFailedRun(
  context: RunnerContext,
  run: Run,
  recorder: RunRecorder,
  progress: RunProgress,
  error: unknown,
): Promise<LlmActionsError> {
  const runError = toRunError(error, run.id, progress.attempts);
  const status = runError.code === 'CANCELLED' ? 'cancelled' : 'failed';
  const finishedAt = nowIso(context);
  const fields = finalFields(context, run, progress, finishedAt);
  const stored = redact({ code: runError.code, message: runError.message, details: runError.details }, context.diagnostics) as Run['error'];
  recorder.emit('run:error', { error: stored! });
  recorder.emit('run:finish', { status, attempts: fields.attempts, ...(fields.usage ? { usage: fields.usage } : {}), durationMs: durationMs(context, run) });
  try {
    await context.store.runs.update(
      run.id,
      {
        ...fields,
        status,
        error: stored!,
        ...(progress.raw !== undefined ? { output: { raw: progress.raw } } : {}),
        events: [...recorder.events],
        updatedAt: finishedAt,
      },
      { expectedStatus: 'running' },
    );
  } catch (storeError) {
    // The caller must still learn why the run failed; the store failure rides along.
    runError.details.storeError = storeError instanceof Error ? storeError.message : String(storeError);
  }
  return runError;
}
