import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stats } from '../src/measure.js';
import { benchmarkIds, type BenchmarkId } from '../src/result.js';
import type { BenchReport } from '../src/run-benchmarks.js';
import { resolveSettings } from '../src/settings.js';

// `pnpm bench` with BENCH_SMOKE=1 (tiny counts), run as the real CLI in its own Node process:
// that is the entry point that must not rot, and it keeps the compared libraries out of
// vitest's module resolution. Every benchmark must finish, check that the libraries agree,
// and produce positive numbers.
const settings = resolveSettings({ BENCH_SMOKE: '1' });
const directory = mkdtempSync(join(tmpdir(), 'llm-actions-bench-smoke-'));
let stdout = '';
let report: BenchReport;

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const data = (id: BenchmarkId) => report.results.find((result) => result.id === id)!.data as Loose;
const positive = (stats: Record<string, Stats>) => Object.values(stats).every((value) => value.median > 0 && value.p99 >= value.median);

describe('pnpm bench (BENCH_SMOKE=1)', () => {
  beforeAll(async () => {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const { NODE_OPTIONS: _nodeOptions, ...environment } = process.env;
    const result = await promisify(execFile)(process.execPath, ['--conditions=@llm-actions/source', '--import', tsx, main], {
      env: { ...environment, BENCH_SMOKE: '1', BENCH_RESULTS_DIR: directory },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 170_000,
    });
    stdout = result.stdout;
    report = JSON.parse(readFileSync(join(directory, 'smoke.json'), 'utf8')) as BenchReport;
  }, 180_000);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('runs all five, prints the machine, a table for each and writes JSON and Markdown', () => {
    expect(report.results.map((result) => result.id)).toEqual([...benchmarkIds]);
    expect(stdout).toContain(`Node.js ${process.version}`);
    for (const title of ['### 1a.', '### 1b.', '### 1c.', '### 2.', '### 3.', '### 4a.', '### 4b.', '### 5.', '### Targets']) expect(stdout).toContain(title);
    expect(readFileSync(join(directory, 'smoke.md'), 'utf8')).toContain('SMOKE COUNTS');
    expect(report.environment.cpuCount).toBeGreaterThan(0);
  });

  it('overhead: same prompt, output and chunks everywhere; positive timings for all four calls', () => {
    const overhead = data('overhead');
    expect(overhead.check).toEqual({ samePrompt: true, sameOutput: true, sameChunks: true });
    expect(Object.keys(overhead.generate)).toHaveLength(4);
    expect(positive(overhead.generate)).toBe(true);
    expect(positive(overhead.streaming.timeToFirstChunk)).toBe(true);
    expect(positive(overhead.streaming.wholeStream)).toBe(true);
    expect(Object.keys(overhead.breakdown)).toHaveLength(5);
    expect(positive(overhead.breakdown)).toBe(true);
  });

  it('templates: four engines render identical text on three prompts, positive renders per second', () => {
    const prompts = Object.values(data('templates')) as Loose[];
    expect(prompts).toHaveLength(3);
    for (const prompt of prompts) {
      expect(prompt.outputsIdentical).toBe(true);
      expect(Object.keys(prompt.stats)).toEqual(['@llm-actions/core', 'Handlebars', 'Mustache', 'LiquidJS']);
      expect(Object.values(prompt.stats as Record<string, { opsPerSecond: number }>).every((value) => value.opsPerSecond > 0)).toBe(true);
    }
  });

  it('batch: every level stored all its runs and took at least about the ideal time', () => {
    const levels = data('batch').levels as Array<{ concurrency: number; idealMs: number; runManyMs: number; poolMs: number; providerMs: number }>;
    expect(levels.map((level) => level.concurrency)).toEqual([1, 8, 32, 128]);
    for (const level of levels) {
      expect(level.runManyMs).toBeGreaterThan(level.idealMs * 0.9);
      expect(level.poolMs).toBeGreaterThan(level.idealMs * 0.9);
      expect(level.providerMs).toBeGreaterThan(level.idealMs * 0.9);
    }
  });

  it('stores: memory and SQLite measured; PostgreSQL measured, or unavailable with a reason outside CI', () => {
    const stores = data('stores');
    for (const key of ['memory', 'sqlite', 'postgresql']) {
      const store = stores[key] as Loose;
      if (key === 'postgresql' && 'unavailable' in store) {
        expect(process.env.CI, `PostgreSQL must be measured in CI: ${store.unavailable}`).not.toBe('true');
        expect(store.unavailable).toMatch(/\w/);
        continue;
      }
      expect(store.unavailable, `${key} store unavailable`).toBeUndefined();
      for (const level of Object.values(store.throughput as Record<string, { runsPerSecond: number; pair: Stats }>)) {
        expect(level.runsPerSecond).toBeGreaterThan(0);
        expect(level.pair.median).toBeGreaterThan(0);
      }
      expect(store.storedRuns).toBe(settings.stores.storedRuns);
      expect(positive(store.list)).toBe(true);
    }
  });

  it('memory: the heap grows by a positive amount per 10,000 runs', () => {
    const memory = data('memory');
    expect(memory.runs).toBe(settings.memory.runs);
    expect(memory.heapPer10kRunsBytes).toBeGreaterThan(0);
    expect(memory.runJsonBytes).toBeGreaterThan(500);
  });
});
