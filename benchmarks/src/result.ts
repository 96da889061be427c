import type { Table } from './format.js';

/** The five benchmarks, by the names `main.ts` accepts on the command line. */
export const benchmarkIds = ['overhead', 'templates', 'batch', 'stores', 'memory'] as const;

/** A benchmark's name. */
export type BenchmarkId = (typeof benchmarkIds)[number];

/** A target from the issue, checked against the measurement. */
export interface TargetCheck {
  target: string;
  met: boolean;
  /** The measured values behind the verdict. */
  detail: string;
}

/** What one benchmark returns: printed tables, raw numbers for the JSON file, target checks. */
export interface BenchmarkResult<TData = unknown> {
  id: BenchmarkId;
  tables: Table[];
  data: TData;
  targets: TargetCheck[];
}

/** Throws when a benchmark's libraries disagree, before anything is timed. */
export function assertEqual(actual: unknown, expected: unknown, what: string): void {
  const left = JSON.stringify(actual);
  const right = JSON.stringify(expected);
  if (left !== right) throw new Error(`Benchmark check failed: ${what}\n  expected ${right.slice(0, 300)}\n  actual   ${left.slice(0, 300)}`);
}
