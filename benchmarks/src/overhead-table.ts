import { micros, times, verdict, type Table } from './format.js';
import type { Stats } from './measure.js';
import type { TargetCheck } from './result.js';

/** One library's timing and its overhead over the floor (median minus the floor's median). */
export interface OverheadRow {
  library: string;
  stats: Stats;
  overheadMicros: number;
}

/** The rows of one comparison, the floor first. */
export function overheadRows(stats: Record<string, Stats>, floor: string): OverheadRow[] {
  const floorMedian = stats[floor]!.median;
  return Object.entries(stats).map(([library, value]) => ({ library, stats: value, overheadMicros: Math.max(0, value.median - floorMedian) }));
}

/** Renders rows as a table with median, p99, ratio to the floor and overhead. */
export function overheadTable(title: string, rows: OverheadRow[], notes: string[]): Table {
  const floor = rows[0]!.stats.median;
  return {
    title,
    headers: ['library', 'median', 'p99', 'x floor', 'overhead (median - floor)'],
    rows: rows.map((row, index) => [
      row.library,
      micros(row.stats.median),
      micros(row.stats.p99),
      index === 0 ? '1.00x' : times(row.stats.median / floor),
      index === 0 ? '-' : micros(row.overheadMicros),
    ]),
    notes,
  };
}

/** The targets for our overhead against the AI SDK's and LangChain's. */
export function overheadTargets(kind: string, ours: OverheadRow, aiSdk: OverheadRow, langChain: OverheadRow, absoluteMicros?: number): TargetCheck[] {
  const checks: TargetCheck[] = [
    {
      target: `${kind}: overhead at most 1/3 of the AI SDK's`,
      met: ours.overheadMicros <= aiSdk.overheadMicros / 3,
      detail: `${micros(ours.overheadMicros)} vs ${micros(aiSdk.overheadMicros)} = ${times(ours.overheadMicros / aiSdk.overheadMicros)} of it`,
    },
    {
      target: `${kind}: overhead at most 1/10 of LangChain's`,
      met: ours.overheadMicros <= langChain.overheadMicros / 10,
      detail: `${micros(ours.overheadMicros)} vs ${micros(langChain.overheadMicros)} = ${times(ours.overheadMicros / langChain.overheadMicros)} of it`,
    },
  ];
  if (absoluteMicros !== undefined) {
    checks.push({
      target: `${kind}: overhead under ${absoluteMicros} µs median`,
      met: ours.overheadMicros < absoluteMicros,
      detail: `${micros(ours.overheadMicros)}, ${times(ours.overheadMicros / absoluteMicros)} the target`,
    });
  }
  return checks;
}

/** Notes listing the verdicts under a table. */
export function targetNotes(checks: TargetCheck[]): string[] {
  return checks.map((check) => `Target — ${check.target}: ${verdict(check.met, check.detail)}`);
}
