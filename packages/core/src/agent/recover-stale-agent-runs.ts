import type { AgentRunV1 } from '../contracts/store/v1/agent-run-v1.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import { agentNow, type AgentContext } from './agent-context.js';

/**
 * Ends agent runs that a stopped process left `running` or `rolling-back`: such a run
 * would otherwise never move again, since only its process held it. Runs not updated for
 * `olderThanMs` are marked `failed` with the reason `INTERRUPTED`; their steps, journal and
 * snapshots stay, so what was done can still be rolled back. Each change is a compare-and-set
 * on the run's revision, so a run whose process is alive after all and moves on is left alone.
 * Returns the ids of the runs marked.
 */
export async function recoverStaleAgentRuns(context: AgentContext, options: { olderThanMs?: number } = {}): Promise<string[]> {
  const olderThanMs = options.olderThanMs ?? 15 * 60_000;
  const threshold = context.clock() - olderThanMs;
  const stale: AgentRunV1[] = [];
  let cursor: string | undefined;
  do {
    const page = await context.repository.listRuns({ status: ['running', 'rolling-back'], limit: 500, ...(cursor ? { cursor } : {}) });
    stale.push(...page.items.filter((run) => Date.parse(run.updatedAt) < threshold));
    cursor = page.nextCursor;
  } while (cursor);
  const recovered: string[] = [];
  for (const run of stale) {
    const message =
      run.status === 'rolling-back'
        ? 'The rollback was interrupted when its process stopped; the journal shows what was undone. Roll back again to finish.'
        : 'The run was interrupted when its process stopped; the journal shows what was done. Roll it back or start a new run.';
    try {
      await context.repository.updateRun(
        run.id,
        { status: 'failed', reason: { code: 'INTERRUPTED', message }, updatedAt: agentNow(context) },
        { expectedRevision: run.revision },
      );
      recovered.push(run.id);
    } catch (error) {
      if (!(LlmActionsError.isInstance(error) && error.code === 'STORE_CONFLICT')) throw error;
    }
  }
  return recovered;
}
