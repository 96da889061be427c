import type { Iterations } from './measure.js';

/** Iteration counts of every benchmark; `BENCH_SMOKE=1` shrinks them so CI can run all five. */
export interface BenchSettings {
  smoke: boolean;
  /** Benchmark 1, per library, for both the whole-run and the streaming tables. */
  overhead: Iterations;
  /** Benchmark 2: timed batches of `batchSize` renders per engine and prompt. */
  templates: Iterations & { batchSize: number };
  /** Benchmark 3: runs per concurrency level against a model with `latencyMs` latency. */
  batch: { latencyMs: number; levels: Array<{ concurrency: number; runs: number }> };
  /** Benchmark 4: create + finish pairs per store and concurrency, then list latency over `storedRuns`. */
  stores: {
    pairs: { memory: number; sqlite: number; postgresql: number };
    concurrencies: number[];
    storedRuns: number;
    listIterations: Iterations;
  };
  /** Benchmark 5: finished runs whose heap is measured (reported per 10,000). */
  memory: { runs: number };
}

const full: BenchSettings = {
  smoke: false,
  overhead: { warmup: 1_000, iterations: 10_000, rounds: 10 },
  templates: { warmup: 20, iterations: 200, rounds: 10, batchSize: 50 },
  batch: {
    latencyMs: 20,
    levels: [
      { concurrency: 1, runs: 200 },
      { concurrency: 8, runs: 2_000 },
      { concurrency: 32, runs: 2_000 },
      { concurrency: 128, runs: 2_000 },
    ],
  },
  stores: {
    pairs: { memory: 10_000, sqlite: 2_000, postgresql: 2_000 },
    concurrencies: [1, 16],
    storedRuns: 100_000,
    listIterations: { warmup: 10, iterations: 200, rounds: 4 },
  },
  memory: { runs: 10_000 },
};

const smoke: BenchSettings = {
  smoke: true,
  overhead: { warmup: 20, iterations: 60, rounds: 2 },
  templates: { warmup: 2, iterations: 6, rounds: 2, batchSize: 5 },
  batch: {
    latencyMs: 20,
    levels: [
      { concurrency: 1, runs: 4 },
      { concurrency: 8, runs: 32 },
      { concurrency: 32, runs: 64 },
      { concurrency: 128, runs: 128 },
    ],
  },
  stores: {
    pairs: { memory: 32, sqlite: 16, postgresql: 16 },
    concurrencies: [1, 16],
    storedRuns: 300,
    listIterations: { warmup: 2, iterations: 6, rounds: 2 },
  },
  memory: { runs: 300 },
};

/**
 * The settings for this process: smoke counts when `BENCH_SMOKE=1`. `BENCH_STORED_RUNS`
 * overrides how many runs the list benchmark stores (100,000 by default).
 */
export function resolveSettings(environment: NodeJS.ProcessEnv = process.env): BenchSettings {
  const base = environment.BENCH_SMOKE === '1' ? smoke : full;
  const storedRuns = Number(environment.BENCH_STORED_RUNS);
  return Number.isInteger(storedRuns) && storedRuns > 0 ? { ...base, stores: { ...base.stores, storedRuns } } : base;
}
