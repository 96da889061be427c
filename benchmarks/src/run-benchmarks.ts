import { loadavg } from 'node:os';
import { runBatchBenchmark } from './batch.js';
import { describeEnvironment, formatEnvironment, type Environment } from './environment.js';
import { formatTable, verdict } from './format.js';
import { runMemoryBenchmark } from './memory.js';
import { runOverheadBenchmark } from './overhead.js';
import type { BenchmarkId, BenchmarkResult, TargetCheck } from './result.js';
import type { BenchSettings } from './settings.js';
import { runStoreBenchmark } from './stores.js';
import { runTemplateBenchmark } from './templates.js';

const runners: Record<BenchmarkId, (settings: BenchSettings) => Promise<BenchmarkResult>> = {
  overhead: runOverheadBenchmark,
  templates: runTemplateBenchmark,
  batch: runBatchBenchmark,
  stores: runStoreBenchmark,
  memory: runMemoryBenchmark,
};

/** Everything one `pnpm bench` produced, as written to `results/latest.json`. */
export interface BenchReport {
  startedAt: string;
  durationSeconds: number;
  environment: Environment;
  /** Load averages when the last benchmark finished. */
  loadAverageAtEnd: number[];
  settings: BenchSettings;
  results: BenchmarkResult[];
  targets: TargetCheck[];
}

/** Runs the named benchmarks in order; `onResult` sees each as soon as it is done. */
export async function runBenchmarks(
  ids: readonly BenchmarkId[],
  settings: BenchSettings,
  onResult: (result: BenchmarkResult) => void = () => {},
): Promise<BenchReport> {
  const startedAt = new Date();
  const environment = describeEnvironment();
  const results: BenchmarkResult[] = [];
  for (const id of ids) {
    const result = await runners[id](settings);
    results.push(result);
    onResult(result);
  }
  return {
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    environment,
    loadAverageAtEnd: loadavg().map((value) => Number(value.toFixed(2))),
    settings,
    results,
    targets: results.flatMap((result) => result.targets),
  };
}

/** The tables of one benchmark, ready to print. */
export function formatResult(result: BenchmarkResult): string {
  return result.tables.map(formatTable).join('\n\n');
}

/** The targets of the issue with their verdicts, as a table. */
export function formatTargets(targets: TargetCheck[]): string {
  return formatTable({
    title: 'Targets',
    headers: ['target', 'verdict'],
    rows: targets.map((check) => [check.target, verdict(check.met, check.detail)]),
  });
}

/** The whole report as Markdown: environment, every table, the targets. */
export function formatReport(report: BenchReport): string {
  const end = `load average at the end ${report.loadAverageAtEnd.join(' / ')}; ${report.durationSeconds} s in all; ${report.startedAt}`;
  const machine = ['```', formatEnvironment(report.environment), `${end}${report.settings.smoke ? '; SMOKE COUNTS (not a measurement)' : ''}`, '```'].join('\n');
  return [machine, ...report.results.map(formatResult), ...(report.targets.length > 0 ? [formatTargets(report.targets)] : [])].join('\n\n');
}
