import { LlmActionsError, type Run } from '@llm-actions/core';
import { expect, it } from 'vitest';
import { expectStoreError, settleAll } from './expect-store-error.js';
import { at, makeFullRun, makeLargeEvents, makeRun } from './fixtures.js';
import type { StoreConformanceContext } from './store-conformance-context.js';

/** Registers the tests of `store.runs` create, get and compare-and-set update. */
export function describeRunRecords(context: StoreConformanceContext): void {
  const runs = () => context.store.runs;

  it('runs: every field round-trips exactly, unicode included', async () => {
    const run = makeFullRun();
    await runs().create(run);
    expect(await runs().get(run.id)).toStrictEqual(run);
    expect(await runs().get('never-created')).toBeUndefined();
  });

  it('runs: about 1 MB of diagnostics events round-trips exactly', async () => {
    const run = makeFullRun();
    run.events = makeLargeEvents(run.id);
    expect(JSON.stringify(run.events).length).toBeGreaterThan(1_000_000);
    await runs().create(run);
    expect(await runs().get(run.id)).toStrictEqual(run);
  });

  it('runs: optional fields that were absent stay absent', async () => {
    const run = makeRun();
    await runs().create(run);
    const fetched = (await runs().get(run.id)) as Run;
    expect(fetched).toStrictEqual(run);
    expect(Object.keys(fetched).sort()).toEqual(Object.keys(run).sort());
    expect(Object.keys(fetched.timings)).toEqual(['queuedAt']);
    const updated = await runs().update(run.id, { status: 'succeeded', output: { raw: 'text only' } }, { expectedStatus: 'running' });
    expect(updated.output).toStrictEqual({ raw: 'text only' });
    for (const field of ['actionId', 'subject', 'usage', 'costUsd', 'error', 'user', 'parentRunId', 'proposalId'] as const) {
      expect(fetched, `absent field ${field}`).not.toHaveProperty(field);
      expect(updated, `absent field ${field} after update`).not.toHaveProperty(field);
    }
  });

  it('runs: returned objects are copies; mutating them or the input never changes stored data', async () => {
    const run = makeFullRun();
    const expected = structuredClone(run);
    await runs().create(run);
    run.tags.push('mutated');
    run.input.body = 'mutated';
    const fetched = (await runs().get(run.id)) as Run;
    fetched.messages.push({ role: 'user', content: 'mutated' });
    fetched.timings.finishedAt = at(999);
    expect(await runs().get(run.id)).toStrictEqual(expected);
    const updated = await runs().update(run.id, { tags: ['a'] }, { expectedStatus: 'failed' });
    updated.tags.push('mutated');
    const [listed] = (await runs().list()).items;
    (listed as Run).events.length = 0;
    expect((await runs().get(run.id))?.tags).toEqual(['a']);
    expect((await runs().get(run.id))?.events).toStrictEqual(expected.events);
  });

  it('runs: creating an existing id fails with STORE_CONFLICT and keeps the first', async () => {
    const run = makeRun();
    await runs().create(run);
    await expectStoreError(() => runs().create({ ...makeRun(), id: run.id, model: 'openai/gpt-4o' }), 'STORE_CONFLICT');
    expect(await runs().get(run.id)).toStrictEqual(run);
  });

  it('runs: update applies the patch while the status matches, and returns the updated run', async () => {
    const run = makeRun();
    await runs().create(run);
    const patch = {
      status: 'succeeded' as const,
      output: { raw: '{"a":1}', parsed: { a: 1 } },
      usage: { inputTokens: 10, outputTokens: 2 },
      costUsd: 0.5,
      attempts: 1,
      timings: { queuedAt: run.timings.queuedAt, startedAt: at(1), finishedAt: at(2) },
      updatedAt: at(2),
    };
    const updated = await runs().update(run.id, patch, { expectedStatus: ['running'] });
    expect(updated).toStrictEqual({ ...run, ...patch });
    expect(await runs().get(run.id)).toStrictEqual(updated);
    const again = await runs().update(run.id, { tags: ['reviewed'], updatedAt: at(3) }, { expectedStatus: ['failed', 'succeeded'] });
    expect(again.tags).toEqual(['reviewed']);
    expect(again.status).toBe('succeeded');
  });

  it('runs: update with another status fails with STORE_CONFLICT and details.actualStatus', async () => {
    const run = makeRun({ status: 'cancelled' });
    await runs().create(run);
    const error = await expectStoreError(() => runs().update(run.id, { status: 'succeeded' }, { expectedStatus: 'running' }), 'STORE_CONFLICT');
    expect(error.details.actualStatus).toBe('cancelled');
    await expectStoreError(() => runs().update(run.id, { status: 'failed' }, { expectedStatus: ['running', 'failed'] }), 'STORE_CONFLICT');
    expect(await runs().get(run.id)).toStrictEqual(run);
  });

  it('runs: update of a missing run fails with NOT_FOUND', async () => {
    await expectStoreError(() => runs().update('never-created', { status: 'failed' }, { expectedStatus: 'running' }), 'NOT_FOUND');
  });

  it('runs: of two concurrent finishes exactly one wins; the other gets STORE_CONFLICT', async () => {
    for (let round = 0; round < 5; round += 1) {
      const run = makeRun();
      await runs().create(run);
      const { values, errors } = await settleAll([
        runs().update(run.id, { status: 'succeeded', updatedAt: at(10) }, { expectedStatus: 'running' }),
        runs().update(run.id, { status: 'failed', updatedAt: at(10) }, { expectedStatus: 'running' }),
      ]);
      expect(values).toHaveLength(1);
      expect(errors).toHaveLength(1);
      const [loser] = errors;
      expect(LlmActionsError.isInstance(loser)).toBe(true);
      expect((loser as LlmActionsError).code).toBe('STORE_CONFLICT');
      const winner = values[0] as Run;
      expect((loser as LlmActionsError).details.actualStatus).toBe(winner.status);
      expect((await runs().get(run.id))?.status).toBe(winner.status);
    }
  });
}
