import { trace } from '@opentelemetry/api';
import { failure, idea, instrumented } from './instrumented-llm.js';
import type { Scenario } from './tracing.js';

const usage = { inputTokens: 120, outputTokens: 30, cacheReadTokens: 100 };

/** Real runs through `createLlmActions`, `mockProvider` and the memory store. */
export const scenarios: Record<string, Scenario> = {
  async succeeded(tracing) {
    const { llm, uninstrument } = await instrumented(tracing, [{ text: 'A queue for drafts.', usage }]);
    const { run, proposal } = await llm.run('summarize', idea, { user: 'editor@example.com' });
    uninstrument();
    return { runId: run.id, costUsd: run.costUsd, proposalId: proposal?.id };
  },
  async captureContent(tracing) {
    const { llm, uninstrument } = await instrumented(tracing, ['Short.'], { captureContent: true });
    await llm.run('summarize', idea, { user: 'editor@example.com' });
    uninstrument();
  },
  async retries(tracing) {
    const { llm, uninstrument } = await instrumented(tracing, [{ error: { status: 503 } }, { error: { status: 429 } }, 'Third time.']);
    const { run } = await llm.run('summarize', idea);
    uninstrument();
    return { storedDelays: run.events.filter((event) => event.type === 'run:retry').map((event) => (event.data as { delayMs: number }).delayMs) };
  },
  async failure(tracing) {
    const { llm, uninstrument } = await instrumented(tracing, [{ error: { status: 400, message: 'Bad request from the mock' } }]);
    const error = await failure(llm.run('summarize', idea));
    uninstrument();
    return { code: error?.code, message: error?.message };
  },
  async streaming(tracing) {
    const { llm, uninstrument } = await instrumented(tracing, [{ chunks: ['A queue ', 'for ', 'drafts.'], delayMs: 20 }]);
    await llm.run('summarize', idea, { stream: true });
    uninstrument();
  },
  async jsonRepair(tracing) {
    const { llm, uninstrument } = await instrumented(tracing, [{ text: 'Not JSON', usage }, { text: '{"title":"Queue"}', usage }]);
    await llm.run('title', idea);
    uninstrument();
  },



  async defaultTracer(tracing) {
    trace.setGlobalTracerProvider(tracing.provider);
    try {
      const { llm, uninstrument } = await instrumented(undefined, ['Global.']);
      await llm.run('summarize', idea);
      uninstrument();
    } finally {
      trace.disable();
    }
  },
};
