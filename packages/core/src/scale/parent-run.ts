import type { Run, RunKind } from '../schemas/run.js';
import { nowIso, type RunnerContext } from '../runner/context.js';
import { RunRecorder } from '../runner/run-recorder.js';

/** A run that groups other runs (a batch or a chain): created running, finished with a summary. */
export interface ParentRun {
  readonly run: Run;
  readonly recorder: RunRecorder;
  finish(status: 'succeeded' | 'failed' | 'cancelled', summary: Record<string, unknown>, error?: { code: string; message: string }): Promise<Run>;
}

/** Creates the parent run record; its events are the batch or chain events. */
export async function startParentRun(
  context: RunnerContext,
  input: { kind: Extract<RunKind, 'batch' | 'chain'>; actionId?: string; actionVersion?: number; model: string; user?: string; tags?: string[]; parentRunId?: string },
): Promise<ParentRun> {
  const id = context.generateId('run');
  const now = nowIso(context);
  const recorder = new RunRecorder(
    context.events,
    { runId: id, ...(input.actionId ? { actionId: input.actionId } : {}), ...(input.parentRunId ? { parentRunId: input.parentRunId } : {}) },
    context.clock,
    context.diagnostics,
  );
  const run: Run = {
    id,
    kind: input.kind,
    ...(input.actionId !== undefined ? { actionId: input.actionId } : {}),
    ...(input.actionVersion !== undefined ? { actionVersion: input.actionVersion } : {}),
    input: {},
    messages: [],
    model: input.model,
    settings: {},
    status: 'running',
    attempts: 0,
    timings: { queuedAt: now, startedAt: now },
    events: [],
    ...(input.user !== undefined ? { user: input.user } : {}),
    ...(input.parentRunId !== undefined ? { parentRunId: input.parentRunId } : {}),
    tags: input.tags ?? [],
    createdAt: now,
    updatedAt: now,
  };
  await context.store.runs.create(run);
  return {
    run,
    recorder,
    finish: (status, summary, error) => {
      const at = nowIso(context);
      return context.store.runs.update(
        id,
        {
          status,
          output: { raw: JSON.stringify(summary), parsed: summary },
          ...(error ? { error } : {}),
          events: [...recorder.events],
          timings: { ...run.timings, finishedAt: at },
          updatedAt: at,
        },
        { expectedStatus: 'running' },
      );
    },
  };
}
