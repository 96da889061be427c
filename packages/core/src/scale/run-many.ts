import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { BatchProgress } from '../events/event-types.js';
import type { Subject, SubjectRef } from '../schemas/common.js';
import type { Proposal } from '../schemas/proposal.js';
import type { RunnerContext } from '../runner/context.js';
import { executeAction, prepareRun } from '../runner/execute-action.js';
import type { ResolvedAction } from '../runner/resolve-action.js';
import type { RunOptions } from '../runner/run-types.js';
import { estimateRun, type RunEstimate } from './estimate.js';
import { startParentRun } from './parent-run.js';
import { combineLimiters, RateLimiter, type RateLimit } from './rate-limiter.js';
import { succeededSubjects } from './resume.js';

/** Options of `llm.runMany`. */
export interface RunManyOptions extends Omit<RunOptions, 'onChunk' | 'stream' | 'parentRunId'> {
  /** Runs in flight at once. Default 4. */
  concurrency?: number;
  /** A limit for this batch, on top of the instance's rate limits. */
  rateLimit?: RateLimit;
  /** Render every prompt and estimate tokens and cost; call no model, store nothing. */
  dryRun?: boolean;
  /** Skip subjects that already have a succeeded run of the same action version. */
  resume?: boolean;
  /** Called with the counts after every item (also emitted as `batch:progress`). */
  onProgress?: (progress: BatchProgress) => void;
}

/** What happened to one subject of a batch. */
export interface BatchItemResult<TOutput = unknown> {
  subject: SubjectRef;
  status: 'succeeded' | 'failed' | 'cancelled' | 'skipped' | 'planned';
  runId?: string;
  output?: TOutput;
  proposal?: Proposal;
  error?: { code: string; message: string };
  /** Dry runs: the expected tokens and cost. */
  estimate?: RunEstimate;
}

/** The outcome of a batch. */
export interface BatchResult<TOutput = unknown> {
  /** The parent run of the item runs (absent for dry runs). */
  batchRunId?: string;
  status: 'succeeded' | 'failed' | 'cancelled';
  items: BatchItemResult<TOutput>[];
  progress: BatchProgress;
  /** Dry runs: totals of the estimates. */
  estimate?: { inputTokens: number; outputTokens: number; costUsd: number };
}

/** Runs one action over many subjects; see `LlmActions.runMany`. */
export async function runMany(
  context: RunnerContext,
  resolve: (subject?: Subject) => Promise<ResolvedAction>,
  subjects: Subject[],
  options: RunManyOptions,
): Promise<BatchResult> {
  const { concurrency = 4, dryRun = false, signal } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new LlmActionsError({ code: 'INVALID_INPUT', message: `runMany: concurrency must be a positive integer, got ${String(concurrency)}.` });
  }
  // Split labels pick a version per subject; the batch record names the unsplit resolution.
  const { action } = await resolve();
  const done = options.resume ? await succeededSubjects(context, action.id) : new Set<string>();
  const items: BatchItemResult[] = subjects.map((subject) => ({ subject: { type: subject.type, id: subject.id }, status: 'cancelled' }));
  const parent = dryRun
    ? undefined
    : await startParentRun(context, {
        kind: 'batch',
        actionId: action.id,
        ...(action.version !== undefined ? { actionVersion: action.version } : {}),
        model: action.model,
        ...(options.user !== undefined ? { user: options.user } : {}),
        ...(options.tags ? { tags: options.tags } : {}),
      });
  const batchContext: RunnerContext = options.rateLimit
    ? { ...context, limiter: combineLimiters(context.limiter, new RateLimiter({ [action.model]: options.rateLimit }, context.clock)) }
    : context;
  const started = context.clock();
  // Counted as items end, so progress costs the same for item 10 and item 10,000.
  const counts = { succeeded: 0, failed: 0, skipped: 0, planned: 0 };
  const progress = (): BatchProgress => {
    const finished = counts.succeeded + counts.failed + counts.planned;
    const unstarted = items.length - finished - counts.skipped;
    const remaining = signal?.aborted ? 0 : unstarted;
    const elapsed = context.clock() - started;
    return {
      total: items.length,
      done: finished + counts.skipped,
      succeeded: counts.succeeded + counts.planned,
      failed: counts.failed,
      skipped: counts.skipped,
      remaining,
      ...(finished > 0 ? { etaMs: Math.round((elapsed / finished) * remaining) } : {}),
    };
  };
  // Every item's progress reaches the bus; the batch run stores about a hundred of them.
  const storeEvery = Math.max(1, Math.ceil(items.length / 100));
  const emitProgress = (): void => {
    const current = progress();
    parent?.recorder.emit('batch:progress', current, { store: current.done % storeEvery === 0 || current.remaining === 0 });
    options.onProgress?.(current);
  };
  parent?.recorder.emit('batch:start', { total: items.length, concurrency, dryRun });

  const handle = async (index: number): Promise<void> => {
    const subject = subjects[index]!;
    const item = items[index]!;
    try {
      const resolved = await resolve(subject);
      if (done.has(`${subject.type}\u0000${subject.id}\u0000${resolved.action.version}`)) {
        item.status = 'skipped';
        counts.skipped++;
        return;
      }
      if (dryRun) {
        const prepared = await prepareRun(context, resolved, subject, options);
        item.estimate = estimateRun(action.model, prepared.messages, action.settings, context.prices);
        item.status = 'planned';
        counts.planned++;
        return;
      }
      const result = await executeAction(batchContext, resolved, subject, { ...options, ...(parent ? { parentRunId: parent.run.id } : {}) }, 'batch-item');
      Object.assign(item, { status: 'succeeded', runId: result.run.id, output: result.output, ...(result.proposal ? { proposal: result.proposal } : {}) });
      counts.succeeded++;
    } catch (error) {
      const known = LlmActionsError.isInstance(error) ? error : undefined;
      item.status = known?.code === 'CANCELLED' ? 'cancelled' : 'failed';
      if (item.status === 'failed') counts.failed++;
      item.error = { code: known?.code ?? 'UNEXPECTED_ERROR', message: error instanceof Error ? error.message : String(error) };
      if (typeof known?.details.runId === 'string') item.runId = known.details.runId;
    } finally {
      emitProgress();
    }
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) await handle(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, items.length)) }, worker));

  const final = progress();
  const status = signal?.aborted ? 'cancelled' : final.failed > 0 ? 'failed' : 'succeeded';
  parent?.recorder.emit('batch:finish', { ...final, status, durationMs: context.clock() - started });
  if (parent) {
    await parent.finish(status, { ...final }, final.failed > 0 ? { code: 'BATCH_ITEMS_FAILED', message: `${final.failed} of ${final.total} items failed.` } : undefined);
  }
  const estimates = items.flatMap((item) => (item.estimate ? [item.estimate] : []));
  return {
    ...(parent ? { batchRunId: parent.run.id } : {}),
    status,
    items,
    progress: final,
    ...(dryRun
      ? {
          estimate: {
            inputTokens: estimates.reduce((sum, estimate) => sum + estimate.inputTokens, 0),
            outputTokens: estimates.reduce((sum, estimate) => sum + estimate.outputTokens, 0),
            costUsd: estimates.reduce((sum, estimate) => sum + (estimate.costUsd ?? 0), 0),
          },
        }
      : {}),
  };
}
