import { cpus, freemem, loadavg, totalmem, release, platform, arch } from 'node:os';
import { bytes } from './format.js';

/** Where the numbers were measured. Load averages tell a quiet machine from a busy one. */
export interface Environment {
  node: string;
  v8: string;
  platform: string;
  cpuModel: string;
  cpuCount: number;
  totalMemoryBytes: number;
  freeMemoryBytes: number;
  /** 1, 5 and 15 minute load averages when the run started. */
  loadAverage: number[];
  /** True when the 1-minute load average exceeds half the CPU count: numbers are noisy. */
  underLoad: boolean;
}

/** Describes this machine and Node.js. */
export function describeEnvironment(): Environment {
  const processors = cpus();
  const load = loadavg().map((value) => Number(value.toFixed(2)));
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${platform()} ${release()} ${arch()}`,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cpuCount: processors.length,
    totalMemoryBytes: totalmem(),
    freeMemoryBytes: freemem(),
    loadAverage: load,
    underLoad: (load[0] ?? 0) > processors.length / 2,
  };
}

/** One line per fact, printed before the tables. */
export function formatEnvironment(environment: Environment): string {
  return [
    `Node.js ${environment.node} (V8 ${environment.v8}) on ${environment.platform}`,
    `${environment.cpuCount} x ${environment.cpuModel}, ${bytes(environment.totalMemoryBytes)} memory (${bytes(environment.freeMemoryBytes)} free)`,
    `load average ${environment.loadAverage.join(' / ')}${environment.underLoad ? ' — MEASURED UNDER LOAD: absolute numbers are noisy, compare within a table' : ''}`,
  ].join('\n');
}
