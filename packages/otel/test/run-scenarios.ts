/**
 * Runs every scenario of a scenario module in plain Node and prints their results as
 * JSON: `node --conditions=@llm-actions/source --import tsx test/run-scenarios.ts <module>`.
 *
 * Why a child process: vitest passes its resolve conditions to Node, `module` included,
 * and with it Node loads the bundler-only ESM build of `@opentelemetry/api`, whose
 * extensionless imports fail. Plain Node resolves OpenTelemetry as users' programs do.
 */
import { createTracing, type Scenario, type ScenarioResult } from './tracing.js';

const file = process.argv[2];
if (!file) throw new Error('usage: run-scenarios.ts <scenario module, relative to test/>');
const { scenarios } = (await import(new URL(file, import.meta.url).href)) as { scenarios: Record<string, Scenario> };

const results: Record<string, ScenarioResult> = {};
for (const [name, scenario] of Object.entries(scenarios)) {
  const tracing = createTracing();
  try {
    const facts = await scenario(tracing);
    results[name] = { facts: facts ?? {}, spans: tracing.spans() };
  } catch (error) {
    results[name] = { facts: {}, spans: tracing.spans(), error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
process.stdout.write(JSON.stringify(results));
