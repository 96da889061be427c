import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/index.js';
import { failure, idea, setup, summarize } from './helpers.js';

describe('rate limits', () => {
  it('spaces requests by a token bucket shared by every run of the instance', async () => {
    const { llm, provider } = await setup({}, { rateLimits: { 'mock/*': { requestsPerMinute: 600 } } });
    const burstWaits: number[] = [];
    llm.events.on('rate-limit:wait', (event) => void burstWaits.push(event.data.waitMs));
    await Promise.all([llm.run(summarize, idea), llm.run(summarize, idea), llm.run(summarize, idea)]);
    // 600/min = one every 100 ms, with a burst of 10: three runs pass without waiting.
    expect(burstWaits).toEqual([]);
    expect(provider.requests).toHaveLength(3);
    const strict = await setup({}, { rateLimits: { 'mock/small': { requestsPerMinute: 60 } } });
    const waits: number[] = [];
    strict.llm.events.on('rate-limit:wait', (event) => void waits.push(event.data.waitMs));
    const strictStart = performance.now();
    await Promise.all([strict.llm.run(summarize, idea), strict.llm.run(summarize, idea)]);
    expect(performance.now() - strictStart).toBeGreaterThanOrEqual(950);
    expect(waits.length).toBeGreaterThan(0);
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[0]).toBeLessThanOrEqual(1_000);
  });

  it('limits tokens per minute and reports waits as events', async () => {
    let now = 0;
    const limiter = new RateLimiter({ 'p/m': { tokensPerMinute: 6_000 } }, () => now);
    const waits: number[] = [];
    await limiter.acquire('p/m', 100);
    const second = limiter.acquire('p/m', 100, undefined, (waitMs) => {
      waits.push(waitMs);
      now += waitMs;
    });
    await second;
    expect(waits).toEqual([1_000]);
  });

  it('slows down after a 429 and speeds up again after successes', async () => {
    const { llm } = await setup(
      { responses: [{ error: { status: 429, headers: { 'retry-after-ms': '1' } } }, 'ok', 'ok', 'ok'] },
      { rateLimits: { 'mock/small': { requestsPerMinute: 6_000 } } },
    );
    const result = await llm.run(summarize, idea);
    expect(result.run.attempts).toBe(2);
    const rates: number[] = [];
    const limiter = new RateLimiter({ 'x/y': { requestsPerMinute: 60 } });
    limiter.rateLimited('x/y');
    rates.push(limiter.currentRate('x/y'));
    limiter.rateLimited('x/y');
    rates.push(limiter.currentRate('x/y'));
    for (let index = 0; index < 4; index++) limiter.succeeded('x/y');
    rates.push(limiter.currentRate('x/y'));
    expect(rates).toEqual([0.5, 0.25, 0.5]);
  });
});

describe('budgets', () => {
  it('fails a run that would exceed a budget before calling the model, with an event and a stored run', async () => {
    const { llm, provider, store } = await setup(
      { fallback: { text: 'ok', usage: { inputTokens: 1_000_000, outputTokens: 0 } } },
      { prices: { 'mock/small': { input: 1, output: 1 } }, budgets: [{ scope: { actionId: 'summarize-idea' }, period: 'day', maxCostUsd: 1 }] },
    );
    const exceeded: unknown[] = [];
    llm.events.on('budget:exceeded', (event) => void exceeded.push(event.data));
    await llm.run(summarize, idea);
    expect(provider.requests).toHaveLength(1);
    const error = await failure(llm.run(summarize, idea));
    expect(error.code).toBe('BUDGET_EXCEEDED');
    expect(error.details).toMatchObject({ spentUsd: 1 });
    expect(provider.requests).toHaveLength(1);
    expect(exceeded).toHaveLength(1);
    expect((await store.runs.get(error.details.runId as string))!).toMatchObject({ status: 'failed', attempts: 0, error: { code: 'BUDGET_EXCEEDED' } });
  });

  it('applies per-user and global budgets only to their scope', async () => {
    const { llm } = await setup(
      { fallback: { text: 'ok', usage: { inputTokens: 1_000_000, outputTokens: 0 } } },
      { prices: { 'mock/small': { input: 1, output: 0 } }, budgets: [{ scope: { user: 'ada' }, period: 'month', maxCostUsd: 1 }, { scope: 'global', period: 'day', maxCostUsd: 2 }] },
    );
    await llm.run(summarize, idea, { user: 'ada' });
    await expect(llm.run(summarize, idea, { user: 'ada' })).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
    await llm.run(summarize, idea, { user: 'bob' });
    await expect(llm.run(summarize, idea, { user: 'bob' })).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED', details: { budget: { scope: 'global' } } });
  });
});
