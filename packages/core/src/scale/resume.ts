import type { RunnerContext } from '../runner/context.js';

/** Keys (`type\0id\0version`) of subjects with a succeeded run of an action, per version. */
export async function succeededSubjects(context: RunnerContext, actionId: string): Promise<Set<string>> {
  const keys = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await context.store.runs.list({ actionId, status: 'succeeded', kind: ['action', 'batch-item'], limit: 500, ...(cursor ? { cursor } : {}) });
    for (const run of page.items) {
      if (run.subject) keys.add(`${run.subject.type}\u0000${run.subject.id}\u0000${run.actionVersion}`);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return keys;
}
