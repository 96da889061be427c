import type { ActionRecord, Run, RunPatchV1, StoreV1 } from '@llm-actions/core';
import { createMemoryStore } from '@llm-actions/store-memory';
import { micros, type Table } from './format.js';
import { compareAsync, type Stats } from './measure.js';
import { benchSubject, createBenchLlm, scenarioRequest, summaryAction, zeroLatencyProvider } from './scenario.js';
import type { BenchSettings } from './settings.js';

/**
 * A store that keeps only what one run needs while it is in flight, with no validation or
 * copying: what `llm.run` costs without any store work. Only the methods a run calls exist.
 */
function passThroughStore(): StoreV1 {
  let action: ActionRecord | undefined;
  const running = new Map<string, Run>();
  const store = {
    specificationVersion: 'v1',
    name: 'pass-through',
    capabilities: {},
    actions: {
      get: async () => action,
      create: async (record: Omit<ActionRecord, 'version'>) => (action = { ...record, version: 1 } as ActionRecord),
    },
    prompts: { get: async () => undefined },
    runs: {
      create: async (run: Run) => void running.set(run.id, run),
      update: async (id: string, patch: RunPatchV1) => {
        const run = { ...running.get(id)!, ...patch } as Run;
        running.delete(id);
        return run;
      },
    },
    proposals: { create: async () => undefined },
  };
  return store as unknown as StoreV1;
}

/**
 * Benchmark 1c: where our per-run time goes, by taking parts away: store validation, then all
 * store work, then everything but rendering (`llm.preview`). Differences between rows are
 * the cost of what was removed.
 */
export async function measureBreakdown(settings: BenchSettings): Promise<{ table: Table; data: Record<string, Stats> }> {
  const provider = zeroLatencyProvider();
  const full = createBenchLlm(provider);
  const unvalidated = createBenchLlm(provider, createMemoryStore({ validate: false }));
  const bare = createBenchLlm(provider, passThroughStore());
  const subject = benchSubject();
  const request = scenarioRequest();
  for (const llm of [full, unvalidated, bare]) await llm.run(summaryAction, subject);
  const labels = {
    floor: 'provider.doGenerate (floor)',
    preview: 'llm.preview (resolve, scope, render; no store, no model)',
    bare: 'llm.run, pass-through store (no validation, no copies)',
    unvalidated: 'llm.run, memory store with validate: false',
    full: 'llm.run, memory store (default: validates)',
  };
  const stats = await compareAsync(
    {
      [labels.floor]: () => provider.doGenerate(request),
      [labels.preview]: () => bare.preview(summaryAction, subject),
      [labels.bare]: () => bare.run(summaryAction, subject),
      [labels.unvalidated]: () => unvalidated.run(summaryAction, subject),
      [labels.full]: () => full.run(summaryAction, subject),
    },
    { ...settings.overhead, iterations: Math.ceil(settings.overhead.iterations / 2) },
  );
  const rows = Object.values(labels).map((label, index, all) => {
    const previous = index === 0 ? undefined : stats[all[index - 1]!]!.median;
    return [label, micros(stats[label]!.median), micros(stats[label]!.p99), previous === undefined ? '-' : `+${micros(stats[label]!.median - previous)}`];
  });
  return {
    table: {
      title: '1c. Where our per-run time goes (zero-latency model, parts taken away)',
      headers: ['variant', 'median', 'p99', 'added by this layer (median)'],
      rows,
      notes: [
        'Each row adds one layer to the row above: rendering only; the whole runner with a store that does nothing; the memory store without zod validation; the memory store as shipped.',
        'Profile of llm.run (node --cpu-prof) is summarised in benchmarks/README.md.',
      ],
    },
    data: stats,
  };
}
