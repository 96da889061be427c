import { compareAsync } from './measure.js';
import { measureBreakdown } from './overhead-breakdown.js';
import { overheadRows, overheadTable, overheadTargets, targetNotes } from './overhead-table.js';
import type { BenchmarkResult } from './result.js';
import { aiSdkGenerate, createAiSdkModel, createLangChainChain, langChainInvoke } from './rivals.js';
import { checkScenario, type ScenarioCheck } from './scenario-checks.js';
import { benchSubject, createBenchLlm, scenarioRequest, summaryAction, zeroLatencyProvider } from './scenario.js';
import type { BenchSettings } from './settings.js';
import { measureStreaming } from './streaming.js';

/** Labels of the compared calls, shared by both tables. */
export const libraries = {
  ours: '@llm-actions llm.run (memory store, diagnostics)',
  aiSdk: 'Vercel AI SDK 6 generateText (mock model)',
  langChain: 'LangChain.js ChatPromptTemplate.pipe(fake model)',
} as const;

/**
 * Benchmark 1: the cost of one run with a model that answers instantly, ours against the
 * provider call alone (the floor) and against the AI SDK and LangChain.js on the same prompt.
 */
export async function runOverheadBenchmark(settings: BenchSettings): Promise<BenchmarkResult> {
  const provider = zeroLatencyProvider();
  const llm = createBenchLlm(provider);
  const aiModel = createAiSdkModel();
  const langChain = createLangChainChain();
  const check: ScenarioCheck = await checkScenario(llm, aiModel, langChain);
  const request = scenarioRequest();
  const subject = benchSubject();

  const generate = await compareAsync(
    {
      'provider.doGenerate (floor)': () => provider.doGenerate(request),
      [libraries.ours]: () => llm.run(summaryAction, subject),
      [libraries.aiSdk]: () => aiSdkGenerate(aiModel),
      [libraries.langChain]: () => langChainInvoke(langChain.chain),
    },
    settings.overhead,
  );
  const rows = overheadRows(generate, 'provider.doGenerate (floor)');
  const targets = overheadTargets('per run', rows[1]!, rows[2]!, rows[3]!, 50);
  const streaming = await measureStreaming(settings, { provider, llm, aiModel, langChain: langChain.chain });
  const breakdown = await measureBreakdown(settings);
  const iterations = `${settings.overhead.iterations.toLocaleString('en-US')} timed calls per library after ${settings.overhead.warmup.toLocaleString('en-US')} warm-up calls, interleaved in ${settings.overhead.rounds ?? 5} rounds`;
  return {
    id: 'overhead',
    tables: [
      overheadTable('1a. Per-run overhead, zero-latency model', rows, [
        iterations,
        'Same system prompt and user message reach every model and every library returns the same text (checked before timing).',
        'Ours includes rendering the template, storing the run as running, calling the provider, validating, storing the proposal and finishing the run with its diagnostics.',
        ...targetNotes(targets),
      ]),
      streaming.table,
      breakdown.table,
    ],
    data: { check, generate, streaming: streaming.data, breakdown: breakdown.data },
    targets: [...targets, ...streaming.targets],
  };
}
