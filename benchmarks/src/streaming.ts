import type { LlmActions, ProviderV1 } from '@llm-actions/core';
import type { MockLanguageModelV3 } from 'ai/test';
import { micros, type Table } from './format.js';
import { compareAsync, sampled, summarize, type Stats } from './measure.js';
import { overheadRows, overheadTable, overheadTargets, targetNotes } from './overhead-table.js';
import type { TargetCheck } from './result.js';
import { aiSdkStream, langChainStream, type LangChainChain } from './rivals.js';
import { benchSubject, scenarioRequest, summaryAction } from './scenario.js';
import type { BenchSettings } from './settings.js';

/** What the streaming half of benchmark 1 compares. */
export interface StreamingSubjects {
  provider: ProviderV1 & Required<Pick<ProviderV1, 'doStream'>>;
  llm: LlmActions;
  aiModel: MockLanguageModelV3;
  langChain: LangChainChain;
}

const now = (): bigint => process.hrtime.bigint();

/**
 * A sampled case: starts the clock, lets `consume` drive a whole stream calling `chunk()` per
 * delta, and reports the time to the first delta. The whole call's time is kept in `totals`.
 */
function timeToFirstChunk(totals: number[], consume: (chunk: () => void) => Promise<unknown>) {
  return sampled(async () => {
    const start = now();
    let first: bigint | undefined;
    await consume(() => {
      first ??= now();
    });
    const end = now();
    totals.push(Number(end - start));
    if (first === undefined) throw new Error('Benchmark check failed: a stream produced no chunk');
    return Number(first - start);
  });
}

/** Benchmark 1, streaming: time to first chunk and whole-stream time, ours against the floor and rivals. */
export async function measureStreaming(settings: BenchSettings, subjects: StreamingSubjects) {
  const { provider, llm, aiModel, langChain } = subjects;
  const request = scenarioRequest();
  const subject = benchSubject();
  const labels = {
    floor: 'provider.doStream (floor)',
    ours: '@llm-actions llm.run({ stream: true })',
    aiSdk: 'Vercel AI SDK 6 streamText (mock model)',
    langChain: 'LangChain.js ChatPromptTemplate.pipe(fake model).stream',
  };
  const totals: Record<string, number[]> = Object.fromEntries(Object.values(labels).map((label) => [label, []]));
  const stats = await compareAsync(
    {
      [labels.floor]: timeToFirstChunk(totals[labels.floor]!, async (chunk) => {
        const { stream } = await provider.doStream(request);
        for await (const part of stream) if (part.type === 'text-delta') chunk();
      }),
      [labels.ours]: timeToFirstChunk(totals[labels.ours]!, (chunk) => llm.run(summaryAction, subject, { stream: true, onChunk: chunk })),
      [labels.aiSdk]: timeToFirstChunk(totals[labels.aiSdk]!, (chunk) => aiSdkStream(aiModel, chunk)),
      [labels.langChain]: timeToFirstChunk(totals[labels.langChain]!, (chunk) => langChainStream(langChain, chunk)),
    },
    settings.overhead,
  );
  // Warm-up calls come first in each list; the whole-stream stats use the timed ones only.
  const whole: Record<string, Stats> = Object.fromEntries(
    Object.entries(totals).map(([label, values]) => [label, summarize(values.slice(settings.overhead.warmup))]),
  );
  const rows = overheadRows(stats, labels.floor);
  const targets: TargetCheck[] = overheadTargets('time to first chunk', rows[1]!, rows[2]!, rows[3]!);
  const base = overheadTable('1b. Streaming: time to first chunk, zero-latency model', rows, [
    `Same ${settings.overhead.iterations.toLocaleString('en-US')} calls per library as 1a; every library streams the same 8-character chunks (checked before timing).`,
    'The clock starts before the call and stops at the first text delta the caller receives; each stream is then read to its end before the next call.',
    ...targetNotes(targets),
  ]);
  const table: Table = {
    ...base,
    headers: [...base.headers, 'whole stream, median'],
    rows: base.rows.map((row, index) => [...row, micros(whole[rows[index]!.library]!.median)]),
  };
  return { table, targets, data: { timeToFirstChunk: stats, wholeStream: whole } };
}
