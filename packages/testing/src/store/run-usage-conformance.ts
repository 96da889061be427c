import type { Run, UsageRowV1 } from '@llm-actions/core';
import { expect, it } from 'vitest';
import { expectStoreError } from './expect-store-error.js';
import { at, makeRun } from './fixtures.js';
import type { StoreConformanceContext } from './store-conformance-context.js';

const day = 86_400;

/** A finished run with usage and cost. */
function finished(overrides: Partial<Run>): Run {
  return makeRun({ status: 'succeeded', attempts: 1, usage: { inputTokens: 100, outputTokens: 10 }, costUsd: 0.01, ...overrides });
}

/** Runs over two days, two actions, two models and two users (one run has no user). */
function usageFixtures(): Run[] {
  return [
    finished({ actionId: 'summarize', model: 'ollama/llama3.2:3b', user: 'ana', createdAt: at(10) }),
    finished({ actionId: 'summarize', model: 'ollama/llama3.2:3b', user: 'ben', createdAt: at(20), usage: { inputTokens: 200, outputTokens: 20, cacheReadTokens: 5, cacheWriteTokens: 3 }, costUsd: 0.02 }),
    finished({ actionId: 'summarize', model: 'openai/gpt-4o-mini', user: 'ana', status: 'failed', createdAt: at(day + 10) }),
    finished({ actionId: 'title', model: 'openai/gpt-4o-mini', user: 'ana', status: 'cancelled', createdAt: at(day + 20), costUsd: 0.5 }),
    finished({ actionId: 'title', model: 'openai/gpt-4o-mini', user: 'ben', status: 'interrupted', createdAt: at(day + 30), usage: { inputTokens: 1 } }),
    // Still running, without usage yet: counts in `runs` only.
    makeRun({ actionId: 'title', model: 'openai/gpt-4o-mini', user: 'ben', createdAt: at(day + 40) }),
  ];
}

/** A row with every number, for exact comparison (costs compared separately, as floats). */
function row(group: UsageRowV1['group'], numbers: Omit<UsageRowV1, 'group' | 'successRate' | 'costUsd'>, costUsd: number): UsageRowV1 {
  const ended = numbers.succeeded + numbers.failed;
  return { group, ...numbers, successRate: ended === 0 ? 0 : numbers.succeeded / ended, costUsd };
}

function expectRows(actual: UsageRowV1[], expected: UsageRowV1[]): void {
  expect(actual.map((item) => item.group)).toEqual(expected.map((item) => item.group));
  actual.forEach((item, index) => {
    const wanted = expected[index] as UsageRowV1;
    expect({ ...item, costUsd: 0, successRate: 0 }).toEqual({ ...wanted, costUsd: 0, successRate: 0 });
    expect(item.costUsd).toBeCloseTo(wanted.costUsd, 9);
    expect(item.successRate).toBeCloseTo(wanted.successRate, 9);
  });
}

const zero = { runs: 0, succeeded: 0, failed: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

/** Registers the tests of `store.runs.usage`. */
export function describeRunUsage(context: StoreConformanceContext): void {
  const runs = () => context.store.runs;
  const seed = async () => {
    for (const run of usageFixtures()) await runs().create(run);
  };

  it('runs.usage: groupBy [] gives one total row; running runs count only in runs', async () => {
    await seed();
    expectRows(await runs().usage({ groupBy: [] }), [
      row({}, { runs: 6, succeeded: 2, failed: 3, inputTokens: 501, outputTokens: 50, cacheReadTokens: 5, cacheWriteTokens: 3 }, 0.55),
    ]);
    expectRows(await runs().usage({ groupBy: [], from: at(day * 10) }), [row({}, zero, 0)]);
  });

  it('runs.usage: groups by action, model, day and user, rows ordered by group keys', async () => {
    await seed();
    expectRows(await runs().usage({ groupBy: ['action'] }), [
      row({ actionId: 'summarize' }, { runs: 3, succeeded: 2, failed: 1, inputTokens: 400, outputTokens: 40, cacheReadTokens: 5, cacheWriteTokens: 3 }, 0.04),
      row({ actionId: 'title' }, { runs: 3, succeeded: 0, failed: 2, inputTokens: 101, outputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0 }, 0.51),
    ]);
    expectRows(await runs().usage({ groupBy: ['model'] }), [
      row({ model: 'ollama/llama3.2:3b' }, { runs: 2, succeeded: 2, failed: 0, inputTokens: 300, outputTokens: 30, cacheReadTokens: 5, cacheWriteTokens: 3 }, 0.03),
      row({ model: 'openai/gpt-4o-mini' }, { runs: 4, succeeded: 0, failed: 3, inputTokens: 201, outputTokens: 20, cacheReadTokens: 0, cacheWriteTokens: 0 }, 0.52),
    ]);
    expectRows(await runs().usage({ groupBy: ['day'] }), [
      row({ day: at(0).slice(0, 10) }, { runs: 2, succeeded: 2, failed: 0, inputTokens: 300, outputTokens: 30, cacheReadTokens: 5, cacheWriteTokens: 3 }, 0.03),
      row({ day: at(day).slice(0, 10) }, { runs: 4, succeeded: 0, failed: 3, inputTokens: 201, outputTokens: 20, cacheReadTokens: 0, cacheWriteTokens: 0 }, 0.52),
    ]);
    expectRows(await runs().usage({ groupBy: ['user'] }), [
      row({ user: 'ana' }, { runs: 3, succeeded: 1, failed: 2, inputTokens: 300, outputTokens: 30, cacheReadTokens: 0, cacheWriteTokens: 0 }, 0.52),
      row({ user: 'ben' }, { runs: 3, succeeded: 1, failed: 1, inputTokens: 201, outputTokens: 20, cacheReadTokens: 5, cacheWriteTokens: 3 }, 0.03),
    ]);
  });

  it('runs.usage: combined keys group by every key and order by them in the given order', async () => {
    await seed();
    const byActionAndDay = await runs().usage({ groupBy: ['action', 'day'] });
    const first = at(0).slice(0, 10);
    const second = at(day).slice(0, 10);
    expect(byActionAndDay.map((item) => [item.group, item.runs])).toEqual([
      [{ actionId: 'summarize', day: first }, 2],
      [{ actionId: 'summarize', day: second }, 1],
      [{ actionId: 'title', day: second }, 3],
    ]);
    const byUserAndModel = await runs().usage({ groupBy: ['user', 'model'] });
    expect(byUserAndModel.map((item) => [item.group, item.runs, item.succeeded, item.failed])).toEqual([
      [{ user: 'ana', model: 'ollama/llama3.2:3b' }, 1, 1, 0],
      [{ user: 'ana', model: 'openai/gpt-4o-mini' }, 2, 0, 2],
      [{ user: 'ben', model: 'ollama/llama3.2:3b' }, 1, 1, 0],
      [{ user: 'ben', model: 'openai/gpt-4o-mini' }, 2, 0, 1],
    ]);
    const all = await runs().usage({ groupBy: ['action', 'model', 'day', 'user'] });
    expect(all.reduce((sum, item) => sum + item.runs, 0)).toBe(6);
    expect(all.every((item) => Object.keys(item.group).length === 4)).toBe(true);
  });

  it('runs.usage: honours the time window (from inclusive, to exclusive) and actionId', async () => {
    await seed();
    expectRows(await runs().usage({ groupBy: [], from: at(20), to: at(day + 30) }), [
      row({}, { runs: 3, succeeded: 1, failed: 2, inputTokens: 400, outputTokens: 40, cacheReadTokens: 5, cacheWriteTokens: 3 }, 0.53),
    ]);
    expectRows(await runs().usage({ groupBy: ['action'], actionId: 'title', from: at(day) }), [
      row({ actionId: 'title' }, { runs: 3, succeeded: 0, failed: 2, inputTokens: 101, outputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0 }, 0.51),
    ]);
    expect(await runs().usage({ groupBy: ['model'], from: at(day * 10) })).toEqual([]);
  });

  it('runs.usage: refuses unknown group keys with INVALID_INPUT', async () => {
    await expectStoreError(() => runs().usage({ groupBy: ['week' as never] }), 'INVALID_INPUT');
  });
}
