import { describe, expect, it } from 'vitest';
import type { BatchProgress, Subject } from '../src/index.js';
import { setup, summarize } from './helpers.js';

const ideas = (count: number): Subject[] =>
  Array.from({ length: count }, (_, index) => ({ type: 'idea', id: `idea-${index}`, fields: { idea_seed: `Idea number ${index}` } }));

describe('llm.runMany', () => {
  it('runs every subject with bounded concurrency, linked to a batch run, reporting progress', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const { llm, provider, store } = await setup();
    const generate = provider.doGenerate.bind(provider);
    provider.doGenerate = async (request) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10));
      inFlight--;
      return generate(request);
    };
    const progress: BatchProgress[] = [];
    const result = await llm.runMany(summarize, ideas(12), { concurrency: 3, onProgress: (current) => void progress.push(current) });
    expect(result.status).toBe('succeeded');
    expect(maxInFlight).toBe(3);
    expect(result.items.map((item) => item.status)).toEqual(Array(12).fill('succeeded'));
    expect(progress.at(-1)).toMatchObject({ total: 12, done: 12, succeeded: 12, failed: 0, remaining: 0 });
    expect(progress.map((current) => current.done)).toEqual([...Array(12).keys()].map((index) => index + 1));
    expect(progress[5]!.etaMs).toBeGreaterThan(0);
    const children = await store.runs.list({ parentRunId: result.batchRunId!, limit: 100 });
    expect(children.items).toHaveLength(12);
    expect(children.items.every((run) => run.kind === 'batch-item')).toBe(true);
    const batch = await store.runs.get(result.batchRunId!);
    expect(batch).toMatchObject({ kind: 'batch', status: 'succeeded', actionId: 'summarize-idea' });
    expect(batch!.events.map((event) => event.type)).toEqual(['batch:start', ...Array(12).fill('batch:progress'), 'batch:finish']);
  });

  it('keeps going past failed items and reports them', async () => {
    const { llm } = await setup({ responses: (request) => (request.messages.at(-1)!.content.includes('number 1') ? { error: { status: 400 } } : 'ok') });
    const result = await llm.runMany(summarize, ideas(3), { concurrency: 1 });
    expect(result.status).toBe('failed');
    expect(result.items.map((item) => item.status)).toEqual(['succeeded', 'failed', 'succeeded']);
    expect(result.items[1]!.error!.code).toBe('PROVIDER_ERROR');
    expect(result.items[1]!.runId).toBeDefined();
  });

  it('dry-runs: renders every prompt and estimates tokens and cost without calling a model or storing', async () => {
    const { llm, provider, store } = await setup({}, { prices: { 'mock/small': { input: 1, output: 2 } } });
    const result = await llm.runMany({ ...summarize, settings: { maxOutputTokens: 100 } } as typeof summarize, [...ideas(2), { type: 'idea', id: 'empty', fields: {} }], { dryRun: true });
    expect(provider.requests).toHaveLength(0);
    expect((await store.runs.list()).items).toHaveLength(0);
    expect(result.items.map((item) => item.status)).toEqual(['planned', 'planned', 'failed']);
    expect(result.items[2]!.error!.code).toBe('SOURCE_MISSING');
    const first = result.items[0]!.estimate!;
    expect(first.outputTokens).toBe(100);
    expect(first.costUsd).toBeCloseTo((first.inputTokens * 1 + 100 * 2) / 1_000_000, 12);
    expect(result.estimate!.outputTokens).toBe(200);
  });

  it('resumes: skips subjects that already succeeded with the same action version', async () => {
    const { llm, provider } = await setup({ responses: (request) => (request.messages.at(-1)!.content.includes('number 2') ? { error: { status: 400 } } : 'ok') });
    const first = await llm.runMany(summarize, ideas(4), { concurrency: 2 });
    expect(first.progress).toMatchObject({ succeeded: 3, failed: 1 });
    const before = provider.requests.length;
    const again = await llm.runMany(summarize, ideas(4), { resume: true });
    expect(provider.requests.length - before).toBe(1);
    expect(again.items.map((item) => item.status)).toEqual(['skipped', 'skipped', 'failed', 'skipped']);
    expect(again.progress.skipped).toBe(3);
  });

  it('stops cleanly on abort: started runs end cancelled, unstarted items are not run', async () => {
    const { llm, provider, store } = await setup({ fallback: { text: 'slow', delayMs: 200 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await llm.runMany(summarize, ideas(10), { concurrency: 2, signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(provider.requests).toHaveLength(2);
    expect(result.items.filter((item) => item.runId).map((item) => item.status)).toEqual(['cancelled', 'cancelled']);
    const stored = await store.runs.list({ kind: 'batch-item' });
    expect(stored.items.map((run) => run.status)).toEqual(['cancelled', 'cancelled']);
    expect((await store.runs.get(result.batchRunId!))!.status).toBe('cancelled');
  });
});
