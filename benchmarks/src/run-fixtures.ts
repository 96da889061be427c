import type { Run, RunPatchV1 } from '@llm-actions/core';
import { benchSubject, createBenchLlm, summaryAction } from './scenario.js';

/** Runs shaped like real ones (taken from an actual `llm.run`), varied by index. */
export interface RunFixtures {
  /** A run as the runner first stores it: status `running`, no output yet. */
  running(index: number): Run;
  /** The patch that finishes `running(index)`: output or error, usage, timings, all events. */
  finish(index: number): RunPatchV1;
  /** `running(index)` with `finish(index)` applied, for seeding finished runs in one write. */
  finished(index: number): Run;
}

const actions = 10;
const subjects = 1_000;
const startTime = Date.parse('2026-01-01T00:00:00.000Z');

/** Every 7th run failed; the filtered list query asks for failed runs of one action. */
export const filteredQuery = { actionId: 'action-3', status: 'failed' as const, limit: 50 };

/**
 * Builds fixtures from one real finished run of the benchmark action: same messages, events
 * and sizes, with ids, actions, subjects, times and outcomes spread by index (`prefix` keeps
 * ids of different phases apart).
 */
export async function createRunFixtures(prefix: string): Promise<RunFixtures> {
  const { run: model } = await createBenchLlm().run(summaryAction, benchSubject());
  const { output, usage, costUsd, proposalId: _proposalId, ...base } = model;
  const at = (index: number, offsetMs = 0) => new Date(startTime + index * 1_000 + offsetMs).toISOString();
  const running = (index: number): Run => ({
    ...base,
    id: `${prefix}-${index}`,
    actionId: `action-${index % actions}`,
    actionVersion: 1,
    subject: { type: 'idea', id: String(index % subjects) },
    status: 'running',
    attempts: 0,
    timings: { queuedAt: at(index), startedAt: at(index, 1) },
    events: model.events.slice(0, 2),
    createdAt: at(index),
    updatedAt: at(index),
  });
  const finish = (index: number): RunPatchV1 => {
    const failed = index % 7 === 0;
    return {
      status: failed ? 'failed' : 'succeeded',
      attempts: 1,
      ...(failed
        ? { error: { code: 'PROVIDER_UNAVAILABLE', message: 'The provider answered 503 three times.', details: { status: 503 } } }
        : { output: output!, ...(costUsd !== undefined ? { costUsd } : {}) }),
      ...(usage ? { usage } : {}),
      timings: { queuedAt: at(index), startedAt: at(index, 1), finishedAt: at(index, 900) },
      events: model.events,
      updatedAt: at(index, 900),
    };
  };
  return { running, finish, finished: (index) => ({ ...running(index), ...finish(index) }) as Run };
}
