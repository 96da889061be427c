import type { Run } from '../schemas/run.js';
import { nowIso, type RunnerContext } from './context.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';

/**
 * Marks runs left `running` by a stopped process as `interrupted`, keeping the events
 * they had stored. Only runs created more than `olderThanMs` ago are touched, so runs
 * of live processes are left alone. Returns the ids of the runs marked.
 */
export async function recoverStaleRuns(context: RunnerContext, options: { olderThanMs?: number } = {}): Promise<string[]> {
  const olderThanMs = options.olderThanMs ?? 15 * 60_000;
  const to = new Date(context.clock() - olderThanMs).toISOString();
  const stale: Run[] = [];
  let cursor: string | undefined;
  do {
    const page = await context.store.runs.list({ status: 'running', to, limit: 500, ...(cursor ? { cursor } : {}) });
    stale.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const recovered: string[] = [];
  for (const run of stale) {
    const at = nowIso(context);
    const event = {
      type: 'run:error',
      at,
      runId: run.id,
      ...(run.parentRunId ? { parentRunId: run.parentRunId } : {}),
      ...(run.actionId ? { actionId: run.actionId } : {}),
      data: { error: { code: 'INTERRUPTED', message: 'The run was still running when its process stopped; recovered by recoverStaleRuns.' } },
    };
    try {
      await context.store.runs.update(
        run.id,
        { status: 'interrupted', error: event.data.error, events: [...run.events, event], timings: { ...run.timings, finishedAt: at }, updatedAt: at },
        { expectedStatus: 'running' },
      );
      recovered.push(run.id);
    } catch (error) {
      // A run that finished meanwhile was not stale after all.
      if (!(LlmActionsError.isInstance(error) && error.code === 'STORE_CONFLICT')) throw error;
    }
  }
  return recovered;
}
