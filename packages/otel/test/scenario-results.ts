import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ScenarioResult, SerializedSpan } from './tracing.js';

const execute = promisify(execFile);
const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

// The test files must not import @opentelemetry/api (see run-scenarios.ts), so the two
// enums they compare with are mirrored here, with the API's values.
/** `SpanKind` values of `@opentelemetry/api`. */
export const SpanKind = { INTERNAL: 0, SERVER: 1, CLIENT: 2 } as const;
/** `SpanStatusCode` values of `@opentelemetry/api`. */
export const SpanStatusCode = { UNSET: 0, OK: 1, ERROR: 2 } as const;

/** The results of a scenario module, by scenario name (see `run-scenarios.ts` for why a child process). */
export type ScenarioResults = Record<string, ScenarioResult>;

/** Runs a scenario module (path relative to `test/`) in a child Node process. */
export async function runScenarios(module: string): Promise<ScenarioResults> {
  const { stdout } = await execute(
    process.execPath,
    ['--conditions=@llm-actions/source', '--import', 'tsx', 'test/run-scenarios.ts', module],
    { cwd: packageDirectory, timeout: 60_000, maxBuffer: 32 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as ScenarioResults;
}

/** One scenario's result; fails with the scenario's own error when it threw. */
export function resultOf(results: ScenarioResults, name: string): ScenarioResult {
  const result = results[name];
  if (!result) throw new Error(`no scenario "${name}" ran`);
  if (result.error) throw new Error(`scenario "${name}" failed: ${result.error}`);
  return result;
}

/** Every span of a result with this name. */
export function spansNamed(result: ScenarioResult, name: string): SerializedSpan[] {
  return result.spans.filter((span) => span.name === name);
}

/** The one span with this name; fails when there is none or more than one. */
export function spanNamed(result: ScenarioResult, name: string): SerializedSpan {
  const spans = spansNamed(result, name);
  if (spans.length !== 1) throw new Error(`expected one span "${name}", found ${spans.length}: ${result.spans.map((span) => span.name).join(', ')}`);
  return spans[0]!;
}
