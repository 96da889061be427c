import { mockProvider } from '@llm-actions/core/testing';
import { count, percent, verdict, type Table } from './format.js';
import { assertEqual, type BenchmarkResult, type TargetCheck } from './result.js';
import { pool } from './measure.js';
import { benchSubject, createBenchLlm, scenario, scenarioRequest, summaryAction } from './scenario.js';
import type { BenchSettings } from './settings.js';

type Llm = ReturnType<typeof createBenchLlm>;

/** Item runs (`batch-item` from runMany, `action` from llm.run) stored as succeeded, page by page. */
async function succeededRuns(llm: Llm, kind: 'action' | 'batch-item'): Promise<number> {
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await llm.runs.list({ actionId: summaryAction.id, kind, status: 'succeeded', limit: 500, ...(cursor ? { cursor } : {}) });
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}

/** Times `task` in milliseconds. */
async function elapsed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

/** One concurrency level: runMany, a plain pool over llm.run, and the provider alone, each on fresh state. */
async function measureLevel(latencyMs: number, concurrency: number, runs: number) {
  const subjects = Array.from({ length: runs }, (_, index) => benchSubject(index + 1));
  const setup = async () => {
    const provider = mockProvider({ id: 'bench', fallback: { text: scenario.output, delayMs: latencyMs } });
    const llm = createBenchLlm(provider);
    // Warm-up: saves the action version and compiles the templates before the clock starts.
    await llm.run(summaryAction, benchSubject(-1));
    return { provider, llm };
  };
  const batch = await setup();
  let status = '';
  const runManyMs = await elapsed(async () => {
    status = (await batch.llm.runMany(summaryAction, subjects, { concurrency })).status;
  });
  assertEqual([status, await succeededRuns(batch.llm, 'batch-item')], ['succeeded', runs], `runMany of ${runs} at concurrency ${concurrency} succeeded and stored every run`);
  const plain = await setup();
  const poolMs = await elapsed(() => pool(subjects, concurrency, (subject) => plain.llm.run(summaryAction, subject)));
  assertEqual(await succeededRuns(plain.llm, 'action'), runs + 1, `pool over llm.run of ${runs} at concurrency ${concurrency} stored every run`);
  // A fresh request (and abort signal) per call, as the runner makes per attempt.
  const providerMs = await elapsed(() => pool(subjects, concurrency, () => plain.provider.doGenerate(scenarioRequest())));
  return { concurrency, runs, latencyMs, idealMs: (runs * latencyMs) / concurrency, runManyMs, poolMs, providerMs };
}

/**
 * Benchmark 3: batch throughput of `llm.runMany` against `mockProvider` with simulated
 * latency, achieved against ideal (n x latency / concurrency), beside a plain pool over
 * `llm.run` and the provider alone in the same pool (what the timers allow with no SDK).
 */
export async function runBatchBenchmark(settings: BenchSettings): Promise<BenchmarkResult> {
  const { latencyMs } = settings.batch;
  const levels = [];
  for (const { concurrency, runs } of settings.batch.levels) levels.push(await measureLevel(latencyMs, concurrency, runs));
  const targets: TargetCheck[] = levels
    .filter((level) => level.concurrency === 32)
    .map((level) => ({
      target: 'batch: runMany at concurrency 32 reaches at least 95% of ideal throughput',
      met: level.idealMs / level.runManyMs >= 0.95,
      detail: `${percent(level.idealMs / level.runManyMs)} of ideal; provider alone ${percent(level.idealMs / level.providerMs)}`,
    }));
  const table: Table = {
    title: `3. Batch throughput, model with ${latencyMs} ms simulated latency`,
    headers: ['concurrency', 'runs', 'ideal time', 'runMany time', 'runs/s', 'ideal runs/s', 'runMany of ideal', 'pool over llm.run', 'provider alone'],
    rows: levels.map((level) => [
      String(level.concurrency),
      count(level.runs),
      `${(level.idealMs / 1000).toFixed(2)} s`,
      `${(level.runManyMs / 1000).toFixed(2)} s`,
      count((level.runs / level.runManyMs) * 1000),
      count((level.runs / level.idealMs) * 1000),
      percent(level.idealMs / level.runManyMs),
      percent(level.idealMs / level.poolMs),
      percent(level.idealMs / level.providerMs),
    ]),
    notes: [
      `llm.runMany(action, subjects, { concurrency }) on a fresh memory store per level; model: mockProvider from @llm-actions/core/testing with delayMs ${latencyMs} (a timer per call). Every item is checked to be stored as succeeded.`,
      `Ideal = runs x ${latencyMs} ms / concurrency. Concurrency 1 uses ${count(settings.batch.levels[0]?.runs ?? 0)} runs, not 2,000 (that alone would take ${((2000 * latencyMs) / 1000).toFixed(0)} s).`,
      '"pool over llm.run" is the same work without runMany (a plain concurrency pool, fresh store); "provider alone" is that pool over provider.doGenerate, i.e. what timer latency and the event loop allow with no SDK. Both as % of ideal.',
      ...targets.map((check) => `Target — ${check.target}: ${verdict(check.met, check.detail)}`),
    ],
  };
  return { id: 'batch', tables: [table], data: { runner: 'llm.runMany', levels }, targets };
}
