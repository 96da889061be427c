import type { StoreV1 } from '@llm-actions/core';
import { count, micros, type Table } from './format.js';
import { compareAsync, pool, summarize, timeAsync } from './measure.js';
import type { BenchmarkResult } from './result.js';
import { filteredQuery, createRunFixtures, type RunFixtures } from './run-fixtures.js';
import type { BenchSettings } from './settings.js';
import { storeTargets, type OpenStore } from './store-targets.js';

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, index) => from + index);

/** Persists `indices` as create + finish pairs, `concurrency` at a time; stats per pair. */
async function persistPairs(store: StoreV1, fixtures: RunFixtures, indices: number[], concurrency: number) {
  const latencies: number[] = [];
  const start = performance.now();
  await pool(indices, concurrency, async (index) => {
    latencies.push(
      await timeAsync(async () => {
        await store.runs.create(fixtures.running(index));
        await store.runs.update(fixtures.running(index).id, fixtures.finish(index), { expectedStatus: 'running' });
      }),
    );
  });
  const elapsedMs = performance.now() - start;
  return { runsPerSecond: (indices.length / elapsedMs) * 1000, pair: summarize(latencies) };
}

/** Checks a page: newest first, every item matching the filter, and the expected size if known. */
function checkPage(page: Awaited<ReturnType<StoreV1['runs']['list']>>, expected: { size?: number; actionId?: string; status?: string }, what: string): void {
  const ordered = page.items.every((run, index, items) => index === 0 || items[index - 1]!.createdAt >= run.createdAt);
  const matching = page.items.every(
    (run) => (expected.actionId === undefined || run.actionId === expected.actionId) && (expected.status === undefined || run.status === expected.status),
  );
  const sized = expected.size === undefined ? page.items.length > 0 && page.items.length <= 50 : page.items.length === expected.size;
  if (!sized || !ordered || !matching) throw new Error(`Benchmark check failed: ${what} returned ${page.items.length} runs (ordered ${ordered}, matching ${matching})`);
}

/** Runs written through the store before SQL stores copy them in bulk (a multiple of 70 keeps the filter ratio). */
const seedSources = 1_400;

/**
 * Fills the store up to `stored` runs: finished runs through `runs.create` (16 at a time), and
 * for SQL stores past `seedSources` runs, SQL copies of those (see bulk-copy-runs.ts).
 */
async function seed(opened: OpenStore, fixtures: RunFixtures, from: number, stored: number) {
  const missing = stored - from;
  const start = performance.now();
  if (opened.copyRuns === undefined || missing <= seedSources) {
    await pool(range(from, stored), 16, (index) => opened.store.runs.create(fixtures.finished(index)));
    return { created: Math.max(0, missing), copied: 0, createsPerSecond: (missing / (performance.now() - start)) * 1000 };
  }
  const seedFixtures = await createRunFixtures('seed');
  await pool(range(0, seedSources), 16, (index) => opened.store.runs.create(seedFixtures.finished(index)));
  const createsPerSecond = (seedSources / (performance.now() - start)) * 1000;
  const copied = await opened.copyRuns('seed', missing - seedSources);
  return { created: seedSources, copied, createsPerSecond };
}

/** Benchmark 4 for one open store: throughput at each concurrency, then list latency when full. */
async function measureStore(opened: OpenStore, pairs: number, settings: BenchSettings, fixtures: RunFixtures) {
  const { store } = opened;
  await persistPairs(store, fixtures, range(0, 20), 1);
  let next = 20;
  const throughput: Record<string, Awaited<ReturnType<typeof persistPairs>>> = {};
  for (const concurrency of settings.stores.concurrencies) {
    throughput[concurrency] = await persistPairs(store, fixtures, range(next, next + pairs), concurrency);
    next += pairs;
  }
  const stored = Math.max(next, settings.stores.storedRuns);
  const seeding = await seed(opened, fixtures, next, stored);
  checkPage(await store.runs.list({ limit: 50 }), { size: 50 }, 'the first page');
  checkPage(await store.runs.list(filteredQuery), { size: stored >= 3_500 ? 50 : undefined, ...filteredQuery }, 'the filtered page');
  const list = await compareAsync(
    { 'first page': () => store.runs.list({ limit: 50 }), filtered: () => store.runs.list(filteredQuery) },
    settings.stores.listIterations,
  );
  return { throughput, seeding, storedRuns: stored, list };
}

/**
 * Benchmark 4: runs persisted per second (runs.create, then runs.update with expectedStatus
 * 'running') for memory, SQLite and PostgreSQL, and runs.list latency with many runs stored.
 */
export async function runStoreBenchmark(settings: BenchSettings): Promise<BenchmarkResult> {
  const fixtures = await createRunFixtures('run');
  const throughputRows: string[][] = [];
  const listRows: string[][] = [];
  const data: Record<string, unknown> = {};
  const setups: string[] = [];
  for (const target of storeTargets) {
    const opened = await target.open();
    if ('unavailable' in opened) {
      const cell = `not available: ${opened.unavailable}`;
      throughputRows.push([target.name, cell, '', '', '']);
      listRows.push([target.name, cell, '', '', '', '', '']);
      data[target.key] = { unavailable: opened.unavailable };
      continue;
    }
    try {
      const result = await measureStore(opened, settings.stores.pairs[target.key], settings, fixtures);
      setups.push(`${target.name}: ${opened.setup}.`);
      for (const [concurrency, value] of Object.entries(result.throughput)) {
        throughputRows.push([target.name, concurrency, count(value.runsPerSecond), micros(value.pair.median), micros(value.pair.p99)]);
      }
      const { 'first page': first, filtered } = result.list;
      const { created, copied } = result.seeding;
      const seededBy = copied > 0 ? `runs.create x ${count(created)} + SQL copies x ${count(copied)}` : `runs.create x ${count(created)}`;
      listRows.push([target.name, count(result.storedRuns), micros(first!.median), micros(first!.p99), micros(filtered!.median), micros(filtered!.p99), seededBy]);
      data[target.key] = { pairs: settings.stores.pairs[target.key], ...result };
    } finally {
      await opened.close();
    }
  }
  const pairs = settings.stores.pairs;
  return {
    id: 'stores',
    tables: [
      {
        title: '4a. Store throughput: runs persisted per second (runs.create + runs.update with expectedStatus "running")',
        headers: ['store', 'concurrency', 'runs/s', 'create + finish, median', 'p99'],
        rows: throughputRows,
        notes: [
          `Pairs per concurrency level: memory ${count(pairs.memory)}, SQLite ${count(pairs.sqlite)}, PostgreSQL ${count(pairs.postgresql)}, after 20 warm-up pairs. Runs are copies of a real finished run (7 events, messages, usage), ids and times varied.`,
          ...setups,
        ],
      } satisfies Table,
      {
        title: `4b. runs.list latency, first page of 50 (newest first) and filtered (actionId + status), ${count(settings.stores.storedRuns)} runs stored`,
        headers: ['store', 'runs stored', 'first page, median', 'p99', 'filtered, median', 'p99', 'filled beyond 4a by'],
        rows: listRows,
        notes: [
          `Filtered query: ${JSON.stringify(filteredQuery)} (1 run in 70 matches). ${settings.stores.listIterations.iterations} timed calls per query after ${settings.stores.listIterations.warmup} warm-up calls; each page checked for size, order and filter before timing.`,
          `Runs beyond those of 4a are stored finished with runs.create (16 at a time); SQL stores write ${count(seedSources)} that way and then copy them with INSERT ... SELECT (new ids, same columns, so the same filter ratio; copies share their source's createdAt). PostgreSQL gets ANALYZE after the copy, as autovacuum would do.`,
        ],
      },
    ],
    data,
    targets: [],
  };
}
