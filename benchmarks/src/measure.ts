/**
 * Timing helpers: warm-up, many iterations, median and p99 from `process.hrtime.bigint()`,
 * and a concurrency pool.
 * Cases that are compared run interleaved in rounds, so a burst of load from elsewhere on
 * the machine hits every case rather than whichever happened to run at that moment.
 */

/** Summary of a set of samples, in microseconds (per operation). */
export interface Stats {
  median: number;
  p99: number;
  mean: number;
  min: number;
  /** How many samples the summary is computed from. */
  samples: number;
}

/** How many times to run each case. */
export interface Iterations {
  /** Untimed calls before the first sample (JIT, caches, lazy compilation). */
  warmup: number;
  /** Timed calls per case, split evenly over the rounds. */
  iterations: number;
  /** Interleaved rounds; each round runs every case in turn. Default 5. */
  rounds?: number;
}

const now = (): bigint => process.hrtime.bigint();

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank]!;
}

/** Median, p99, mean and minimum of samples given in nanoseconds, reported in microseconds. */
export function summarize(nanoseconds: number[]): Stats {
  const sorted = nanoseconds.map((value) => value / 1000).sort((left, right) => left - right);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { median: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), mean, min: sorted[0] ?? Number.NaN, samples: sorted.length };
}

/** Times one call of `task`, in nanoseconds. */
export async function timeAsync(task: () => Promise<unknown>): Promise<number> {
  const start = now();
  await task();
  return Number(now() - start);
}

/** A case that takes its own samples, e.g. time to first chunk, which ends before the call does. */
export type SampledCase = () => Promise<number>;

/**
 * Runs async cases interleaved in rounds and summarizes each. A case is either a task (the
 * whole call is timed) or a `SampledCase` marked with {@link sampled} that returns nanoseconds.
 */
export async function compareAsync(
  cases: Record<string, (() => Promise<unknown>) | { sample: SampledCase }>,
  options: Iterations,
): Promise<Record<string, Stats>> {
  const names = Object.keys(cases);
  const takeSample = (name: string): Promise<number> => {
    const entry = cases[name]!;
    return typeof entry === 'function' ? timeAsync(entry) : entry.sample();
  };
  for (const name of names) for (let index = 0; index < options.warmup; index += 1) await takeSample(name);
  const rounds = Math.max(1, options.rounds ?? 5);
  const perRound = Math.max(1, Math.ceil(options.iterations / rounds));
  const samples = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    // Rotating the order keeps any case from always running right after the same neighbour.
    const order = names.map((_, index) => names[(index + round) % names.length]!);
    for (const name of order) {
      const bucket = samples.get(name)!;
      for (let index = 0; index < perRound; index += 1) bucket.push(await takeSample(name));
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples.get(name)!)]));
}

/** Marks a case whose samples are taken by the case itself. */
export function sampled(sample: SampledCase): { sample: SampledCase } {
  return { sample };
}

/**
 * Times a fast synchronous operation in batches (one clock read per `batchSize` calls),
 * interleaving the cases in rounds. Stats are per operation; `opsPerSecond` uses the median.
 */
export function compareSync(
  cases: Record<string, () => string>,
  options: Iterations & { batchSize: number },
): Record<string, Stats & { opsPerSecond: number }> {
  const names = Object.keys(cases);
  let sink = 0;
  const batch = (task: () => string): number => {
    const start = now();
    for (let index = 0; index < options.batchSize; index += 1) sink ^= task().length;
    return Number(now() - start) / options.batchSize;
  };
  for (const name of names) for (let index = 0; index < options.warmup; index += 1) batch(cases[name]!);
  const rounds = Math.max(1, options.rounds ?? 5);
  const perRound = Math.max(1, Math.ceil(options.iterations / rounds));
  const samples = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (let offset = 0; offset < names.length; offset += 1) {
      const name = names[(offset + round) % names.length]!;
      for (let index = 0; index < perRound; index += 1) samples.get(name)!.push(batch(cases[name]!));
    }
  }
  // Keeps the rendered strings observable so the engines' work cannot be optimised away.
  if (sink === -1) console.log(sink);
  return Object.fromEntries(
    names.map((name) => {
      const stats = summarize(samples.get(name)!);
      return [name, { ...stats, opsPerSecond: 1_000_000 / stats.median }];
    }),
  );
}

/** Runs `task` over `items` with at most `concurrency` in flight; resolves when all are done. */
export async function pool<TItem>(items: readonly TItem[], concurrency: number, task: (item: TItem, index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
