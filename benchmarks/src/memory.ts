import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { bytes, count, type Table } from './format.js';
import type { BenchmarkResult } from './result.js';
import type { BenchSettings } from './settings.js';

/** What the child process reports. */
interface MemorySample {
  runs: number;
  heapGrowthBytes: number;
  rssGrowthBytes: number;
  runJsonBytes: number;
  proposalJsonBytes: number;
  events: number;
  newest: boolean;
}

/** Runs `memory-child.ts` under `node --expose-gc`, with tsx and the source condition. */
async function sampleInChild(runs: number): Promise<MemorySample> {
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = fileURLToPath(new URL('memory-child.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '--conditions=@llm-actions/source', '--import', tsxLoader, child, String(runs)],
    { maxBuffer: 1024 * 1024, timeout: 600_000 },
  );
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const sample = JSON.parse(line) as MemorySample;
  if (!sample.newest || sample.heapGrowthBytes <= 0) throw new Error(`Benchmark check failed: memory child reported ${line}`);
  return sample;
}

/** Benchmark 5: heap held by finished runs (and their proposals) in the memory store. */
export async function runMemoryBenchmark(settings: BenchSettings): Promise<BenchmarkResult> {
  const sample = await sampleInChild(settings.memory.runs);
  const per10k = (sample.heapGrowthBytes / sample.runs) * 10_000;
  const table: Table = {
    title: '5. Memory: heap per 10,000 finished runs in the memory store',
    headers: ['runs measured', 'heap growth', 'per 10,000 runs', 'per run', 'run as JSON', 'proposal as JSON', 'RSS growth'],
    rows: [
      [
        count(sample.runs),
        bytes(sample.heapGrowthBytes),
        bytes(per10k),
        bytes(sample.heapGrowthBytes / sample.runs),
        bytes(sample.runJsonBytes),
        bytes(sample.proposalJsonBytes),
        bytes(sample.rssGrowthBytes),
      ],
    ],
    notes: [
      'Measured in a child process (node --expose-gc): heapUsed after three forced collections, before and after the runs, after 50 warm-up runs.',
      `Each llm.run stores a finished run (${sample.events} diagnostic events, redacted copies) and a pending proposal; both are counted.`,
      ...(sample.runs === 10_000 ? [] : [`Scaled from ${count(sample.runs)} runs.`]),
    ],
  };
  return { id: 'memory', tables: [table], data: { ...sample, heapPer10kRunsBytes: per10k }, targets: [] };
}
