import type { RunnerContext } from '../runner/context.js';

/** Keys (`type\0id`) of subjects that have a succeeded run of this exact action version. */
export async function succeededSubjects(context: RunnerContext, actionId: string, actionVersion: number): Promise<Set<string>> {
  const keys = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await context.store.runs.list({ actionId, status: 'succeeded', kind: ['action', 'batch-item'], limit: 500, ...(cursor ? { cursor } : {}) });
    for (const run of page.items) {
      if (run.actionVersion === actionVersion && run.subject) keys.add(`${run.subject.type}\u0000${run.subject.id}`);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return keys;
}
