import type { StoreV1 } from '@llm-actions/core';
import { expect, it } from 'vitest';
import { at, expectError, makeFullRun, makeProposal, makeRun, uniqueId } from './fixtures.js';

/** How the behaviour tests reach a store: an empty one per test, and a second instance on its data. */
export interface StoreHarness {
  store(): StoreV1;
  /** Another store on the same database (another client, so another connection). */
  reopen(): Promise<StoreV1>;
}

/** Regression tests for runs and proposals that target what a database can get wrong. */
export function describeRunBehaviour(harness: StoreHarness): void {
  it('runs: a run with every field and awkward JSON round-trips exactly, key order included', async () => {
    const run = makeFullRun();
    await harness.store().runs.create(run);
    const fetched = await harness.store().runs.get(run.id);
    expect(fetched).toEqual(run);
    // The JSON columns keep the text as written: same keys in the same order, same numbers.
    for (const field of ['input', 'messages', 'settings', 'output', 'error', 'usage', 'events', 'tags'] as const) {
      expect(JSON.stringify(fetched?.[field])).toBe(JSON.stringify(run[field]));
    }
    const minimal = makeRun();
    await harness.store().runs.create(minimal);
    expect(await harness.store().runs.get(minimal.id)).toEqual(minimal);
  });

  it('runs: compare-and-set reports the actual status, NOT_FOUND, and clears fields given as undefined', async () => {
    const run = makeFullRun({ status: 'running' });
    await harness.store().runs.create(run);
    const updated = await harness.store().runs.update(
      run.id,
      { status: 'succeeded', error: undefined, usage: undefined, updatedAt: at(9) },
      { expectedStatus: 'running' },
    );
    expect(updated).toEqual({ ...run, status: 'succeeded', error: undefined, usage: undefined, updatedAt: at(9) });
    expect(updated).not.toHaveProperty('error');
    expect(await harness.store().runs.get(run.id)).toEqual(updated);
    const conflict = await expectError(() => harness.store().runs.update(run.id, { status: 'failed' }, { expectedStatus: ['running'] }), 'STORE_CONFLICT');
    expect(conflict.details.actualStatus).toBe('succeeded');
    await expectError(() => harness.store().runs.update('missing', { status: 'failed' }, { expectedStatus: 'running' }), 'NOT_FOUND');
    await expectError(() => harness.store().runs.create(run), 'STORE_CONFLICT');
    await expectError(() => harness.store().runs.create(makeRun({ createdAt: '2025-03-01T08:00:00Z' })), 'INVALID_INPUT');
  });

  it('runs: of concurrent updates from two store instances exactly one wins', async () => {
    const run = makeRun();
    await harness.store().runs.create(run);
    const other = await harness.reopen();
    const stores = [harness.store(), other];
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        (stores[index % 2] as StoreV1).runs.update(run.id, { status: 'succeeded', attempts: index }, { expectedStatus: 'running' }),
      ),
    );
    const winners = results.filter((result) => result.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    const stored = await other.runs.get(run.id);
    expect(stored?.attempts).toBe((winners[0] as PromiseFulfilledResult<{ attempts: number }>).value.attempts);
  });

  it('runs: pages follow (createdAt, id) newest first and neither skip nor repeat while runs are added', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      const run = makeRun({ id: `page-${index}`, createdAt: at(index < 4 ? 10 : 20), actionId: 'summarize', user: 'ana' });
      ids.push(run.id);
      await harness.store().runs.create(run);
    }
    await harness.store().runs.create(makeRun({ actionId: 'other', createdAt: at(15) }));
    const first = await harness.store().runs.list({ actionId: 'summarize', limit: 3 });
    await harness.store().runs.create(makeRun({ id: 'page-new', actionId: 'summarize', createdAt: at(30) }));
    const second = await harness.store().runs.list({ actionId: 'summarize', limit: 3, cursor: first.nextCursor });
    const third = await harness.store().runs.list({ actionId: 'summarize', limit: 3, cursor: second.nextCursor });
    const seen = [...first.items, ...second.items, ...third.items].map((run) => run.id);
    expect(seen).toEqual(['page-6', 'page-5', 'page-4', 'page-3', 'page-2', 'page-1', 'page-0']);
    expect(third.nextCursor).toBeUndefined();
    const window = await harness.store().runs.list({ from: at(10), to: at(20), user: 'ana', status: ['running'], kind: 'action' });
    expect(window.items.map((run) => run.id)).toEqual(['page-3', 'page-2', 'page-1', 'page-0']);
    await expectError(() => harness.store().runs.list({ cursor: 'not-a-cursor' }), 'INVALID_INPUT');
    await expectError(() => harness.store().runs.list({ limit: 501 }), 'INVALID_INPUT');
  });

  it('runs: usage is aggregated by UTC day, model and action in the database', async () => {
    const base = { usage: { inputTokens: 10, outputTokens: 5 }, costUsd: 0.5 };
    await harness.store().runs.create(makeRun({ ...base, status: 'succeeded', createdAt: '2025-03-01T23:59:59.999Z', actionId: 'a' }));
    await harness.store().runs.create(makeRun({ ...base, status: 'failed', createdAt: '2025-03-02T00:00:00.000Z', actionId: 'a' }));
    await harness.store().runs.create(makeRun({ ...base, status: 'running', createdAt: '2025-03-02T10:00:00.000Z', model: 'openai/gpt-4o' }));
    const byDay = await harness.store().runs.usage({ groupBy: ['day'] });
    expect(byDay.map((row) => [row.group.day, row.runs, row.succeeded, row.failed, row.inputTokens, row.costUsd])).toEqual([
      ['2025-03-01', 1, 1, 0, 10, 0.5],
      ['2025-03-02', 2, 0, 1, 20, 1],
    ]);
    const byAction = await harness.store().runs.usage({ groupBy: ['action', 'model'], from: '2025-03-01T00:00:00.000Z' });
    expect(byAction.map((row) => [row.group, row.runs, row.successRate])).toEqual([
      [{ actionId: 'a', model: 'ollama/llama3.2:3b' }, 2, 0.5],
      [{ model: 'openai/gpt-4o' }, 1, 0],
    ]);
    expect(await harness.store().runs.usage({ groupBy: [], to: '2025-01-01T00:00:00.000Z' })).toEqual([
      { group: {}, runs: 0, succeeded: 0, failed: 0, successRate: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 },
    ]);
  });

  it('proposals: before/after keep null apart from undefined, and review updates are compare-and-set', async () => {
    const withNull = makeProposal({ before: null, after: { nested: [1, 'two'] } });
    const withoutBefore = makeProposal({ before: undefined, after: 42 });
    await harness.store().proposals.create(withNull);
    await harness.store().proposals.create(withoutBefore);
    expect(await harness.store().proposals.get(withNull.id)).toEqual(withNull);
    const fetched = await harness.store().proposals.get(withoutBefore.id);
    expect(fetched).toEqual(withoutBefore);
    expect(fetched?.before).toBeUndefined();
    expect(await harness.store().proposals.get(withNull.id)).toHaveProperty('before', null);
    const resolved = { status: 'applied' as const, resolvedAt: at(5), resolvedBy: 'ana' };
    expect(await harness.store().proposals.update(withNull.id, resolved, { expectedStatus: 'pending' })).toEqual({ ...withNull, ...resolved });
    const conflict = await expectError(
      () => harness.store().proposals.update(withNull.id, { status: 'rejected' }, { expectedStatus: 'pending' }),
      'STORE_CONFLICT',
    );
    expect(conflict.details.actualStatus).toBe('applied');
    await expectError(() => harness.store().proposals.update(uniqueId('missing'), { status: 'applied' }, { expectedStatus: 'pending' }), 'NOT_FOUND');
    const page = await harness.store().proposals.list({ status: 'pending' });
    expect(page.items.map((proposal) => proposal.id)).toEqual([withoutBefore.id]);
  });
}
