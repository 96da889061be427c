/**
 * `pnpm bench [overhead] [templates] [batch] [stores] [memory]`: runs all five benchmarks, or
 * the ones named, prints a table per benchmark and writes `results/latest.json` and
 * `results/latest.md` (`results/smoke.*` with `BENCH_SMOKE=1`; `BENCH_RESULTS_DIR` picks another directory).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeEnvironment, formatEnvironment } from './environment.js';
import { benchmarkIds, type BenchmarkId } from './result.js';
import { formatReport, formatResult, formatTargets, runBenchmarks } from './run-benchmarks.js';
import { resolveSettings } from './settings.js';

function selectedBenchmarks(argv: string[]): BenchmarkId[] {
  const names = argv.filter((argument) => !argument.startsWith('-'));
  const unknown = names.filter((name) => !(benchmarkIds as readonly string[]).includes(name));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Choose from: ${benchmarkIds.join(', ')} (none means all).`);
    process.exit(2);
  }
  return names.length === 0 ? [...benchmarkIds] : benchmarkIds.filter((id) => names.includes(id));
}

const ids = selectedBenchmarks(process.argv.slice(2));
const settings = resolveSettings();
console.log(formatEnvironment(describeEnvironment()));
console.log(`Benchmarks: ${ids.join(', ')}${settings.smoke ? ' (BENCH_SMOKE=1: tiny counts, not a measurement)' : ''}\n`);

const report = await runBenchmarks(ids, settings, (result) => console.log(`${formatResult(result)}\n`));
if (report.targets.length > 0) console.log(`${formatTargets(report.targets)}\n`);

const directory = process.env.BENCH_RESULTS_DIR ?? fileURLToPath(new URL('../results/', import.meta.url));
const name = settings.smoke ? 'smoke' : 'latest';
mkdirSync(directory, { recursive: true });
writeFileSync(join(directory, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(directory, `${name}.md`), `${formatReport(report)}\n`);
console.log(`Wrote ${join(directory, name)}.json and .md`);
