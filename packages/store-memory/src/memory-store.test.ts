import { LlmActionsError, type Run } from '@llm-actions/core';
import { makeRun, runStoreConformance } from '@llm-actions/testing';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './index.js';

runStoreConformance({ name: 'memory', createStore: () => createMemoryStore() });

const createdAt = '2025-03-01T08:00:00.000Z';

/** A minimal running run with a fixed id. */
function run(id: string, overrides: Partial<Run> = {}): Run {
  return makeRun({ id, createdAt, updatedAt: createdAt, timings: { queuedAt: createdAt }, ...overrides });
}

async function failure(operation: () => Promise<unknown>): Promise<LlmActionsError> {
  const error = await operation().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!LlmActionsError.isInstance(error)) throw new Error(`expected an LlmActionsError, got ${String(error)}`);
  return error;
}

describe('createMemoryStore', () => {
  it('declares durable and multi-process unsupported, with reasons', () => {
    const { capabilities } = createMemoryStore();
    expect(capabilities.durable).toEqual({ supported: false, reason: expect.stringContaining('memory') });
    expect(capabilities['multi-process']).toEqual({ supported: false, reason: expect.stringContaining('process') });
  });

  it('sets updatedAt from the injected clock when a patch leaves it out', async () => {
    const store = createMemoryStore({ clock: () => new Date('2030-01-02T03:04:05.006Z') });
    await store.runs.create(run('a'));
    const updated = await store.runs.update('a', { status: 'succeeded' }, { expectedStatus: 'running' });
    expect(updated.updatedAt).toBe('2030-01-02T03:04:05.006Z');
    const explicit = await store.runs.update('a', { updatedAt: createdAt }, { expectedStatus: 'succeeded' });
    expect(explicit.updatedAt).toBe(createdAt);
  });

  it('refuses invalid records and unknown query options with a prefixed INVALID_INPUT', async () => {
    const store = createMemoryStore();
    const invalid = await failure(() => store.runs.create({ ...run('b'), createdAt: 'yesterday' }));
    expect(invalid.code).toBe('INVALID_INPUT');
    expect(invalid.message).toMatch(/^\[llm-actions\/store-memory\] .*createdAt/);
    const typo = await failure(() => store.runs.list({ actionID: 'x' } as never));
    expect(typo.code).toBe('INVALID_INPUT');
    expect(typo.message).toContain('"actionID"');
    const frozen = await failure(() => store.runs.update('b', { id: 'c' } as never, { expectedStatus: 'running' }));
    expect(frozen.code).toBe('INVALID_INPUT');
    await store.runs.create(run('b'));
    const removal = await failure(() => store.runs.update('b', { status: undefined }, { expectedStatus: 'running' }));
    expect(removal.code).toBe('INVALID_INPUT');
  });

  it('removes optional run fields given as undefined in a patch', async () => {
    const store = createMemoryStore();
    await store.runs.create(run('d', { status: 'failed', error: { code: 'TIMEOUT', message: 'slow' } }));
    const updated = await store.runs.update('d', { error: undefined }, { expectedStatus: 'failed' });
    expect(updated).not.toHaveProperty('error');
  });

  it('keeps filtered lists correct when an update moves a run to another action or parent', async () => {
    const store = createMemoryStore();
    await store.runs.create(run('e', { actionId: 'first', parentRunId: 'p1' }));
    await store.runs.update('e', { actionId: 'second', parentRunId: 'p2' }, { expectedStatus: 'running' });
    expect((await store.runs.list({ actionId: 'first' })).items).toEqual([]);
    expect((await store.runs.list({ parentRunId: 'p1' })).items).toEqual([]);
    expect((await store.runs.list({ actionId: 'second', parentRunId: 'p2' })).items.map((item) => item.id)).toEqual(['e']);
    const usage = await store.runs.usage({ groupBy: ['action'], actionId: 'second' });
    expect(usage.map((row) => [row.group.actionId, row.runs])).toEqual([['second', 1]]);
  });

  it('pages through 100,000 runs newest first without sorting per call', async () => {
    const store = createMemoryStore({ validate: false });
    const base = Date.parse(createdAt);
    for (let index = 0; index < 100_000; index += 1) {
      const at = new Date(base + index * 1000).toISOString();
      await store.runs.create(run(`run-${index}`, { createdAt: at, actionId: index % 1000 === 0 ? 'rare' : 'common' }));
    }
    const started = performance.now();
    let page = await store.runs.list({ limit: 100 });
    for (let count = 1; count < 50 && page.nextCursor !== undefined; count += 1) {
      page = await store.runs.list({ limit: 100, cursor: page.nextCursor });
    }
    const rare = await store.runs.list({ actionId: 'rare', limit: 500 });
    const elapsed = performance.now() - started;
    expect(page.items[0]?.id).toBe('run-95099');
    expect(rare.items).toHaveLength(100);
    expect(rare.nextCursor).toBeUndefined();
    // Generous bound on a shared machine; a sort or full scan per call would take seconds.
    expect(elapsed).toBeLessThan(2_000);
  });
});
