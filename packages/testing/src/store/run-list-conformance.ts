import type { Run, RunListQueryV1 } from '@llm-actions/core';
import { expect, it } from 'vitest';
import { expectStoreError } from './expect-store-error.js';
import { at, makeRun } from './fixtures.js';
import type { StoreConformanceContext } from './store-conformance-context.js';

const maximumRuns = 10_000;

/** Every run matching `query`, following cursors; fails on a repeated id. */
async function listAll(context: StoreConformanceContext, query: RunListQueryV1 = {}): Promise<Run[]> {
  const all: Run[] = [];
  let cursor: string | undefined;
  do {
    const page = await context.store.runs.list({ ...query, cursor });
    all.push(...page.items);
    cursor = page.nextCursor;
    // A store whose cursor repeats pages would otherwise loop forever.
    expect(all.length, 'pagination does not end').toBeLessThanOrEqual(maximumRuns);
  } while (cursor !== undefined);
  expect(new Set(all.map((run) => run.id)).size, 'a run appeared on two pages').toBe(all.length);
  return all;
}

const ids = (runs: Run[]) => runs.map((run) => run.id);

/** Registers the tests of `store.runs.list`: ordering, filters, pagination and limits. */
export function describeRunList(context: StoreConformanceContext): void {
  const runs = () => context.store.runs;

  it('runs.list: newest first by createdAt, then id descending', async () => {
    const created = [
      makeRun({ id: 'run-b', createdAt: at(20) }),
      makeRun({ id: 'run-a', createdAt: at(30) }),
      makeRun({ id: 'run-d', createdAt: at(10) }),
      makeRun({ id: 'run-tie-1', createdAt: at(25) }),
      makeRun({ id: 'run-tie-2', createdAt: at(25) }),
      makeRun({ id: 'run-next-day', createdAt: at(86_400) }),
    ];
    for (const run of created) await runs().create(run);
    expect(ids((await runs().list()).items)).toEqual(['run-next-day', 'run-a', 'run-tie-2', 'run-tie-1', 'run-b', 'run-d']);
    expect(ids(await listAll(context, { limit: 1 }))).toEqual(['run-next-day', 'run-a', 'run-tie-2', 'run-tie-1', 'run-b', 'run-d']);
  });

  it('runs.list: filters by action, subject, status, kind, parent run and user; all given filters must match', async () => {
    const fixtures = [
      makeRun({ id: 'r1', actionId: 'summarize', subject: { type: 'post', id: '1' }, status: 'succeeded', user: 'ana', createdAt: at(10) }),
      makeRun({ id: 'r2', actionId: 'summarize', subject: { type: 'post', id: '2' }, status: 'failed', kind: 'test', user: 'ben', createdAt: at(20) }),
      makeRun({ id: 'r3', actionId: 'title', subject: { type: 'page', id: '1' }, kind: 'batch-item', parentRunId: 'batch-1', createdAt: at(30) }),
      makeRun({ id: 'r4', actionId: 'title', subject: { type: 'post', id: '1' }, status: 'cancelled', kind: 'batch-item', parentRunId: 'batch-1', user: 'ana', createdAt: at(40) }),
      makeRun({ id: 'r5', kind: 'chain', status: 'succeeded', createdAt: at(50) }),
    ];
    for (const run of fixtures) await runs().create(run);
    const cases: Array<[RunListQueryV1, string[]]> = [
      [{}, ['r5', 'r4', 'r3', 'r2', 'r1']],
      [{ actionId: 'summarize' }, ['r2', 'r1']],
      [{ subjectType: 'post' }, ['r4', 'r2', 'r1']],
      [{ subjectId: '1' }, ['r4', 'r3', 'r1']],
      [{ subjectType: 'post', subjectId: '1' }, ['r4', 'r1']],
      [{ status: 'succeeded' }, ['r5', 'r1']],
      [{ status: ['running', 'cancelled'] }, ['r4', 'r3']],
      [{ status: ['failed'] }, ['r2']],
      [{ kind: 'batch-item' }, ['r4', 'r3']],
      [{ kind: ['chain', 'test'] }, ['r5', 'r2']],
      [{ parentRunId: 'batch-1' }, ['r4', 'r3']],
      [{ user: 'ana' }, ['r4', 'r1']],
      [{ actionId: 'title', status: 'running', parentRunId: 'batch-1' }, ['r3']],
      [{ actionId: 'summarize', user: 'ana', subjectType: 'post', kind: 'action' }, ['r1']],
      [{ actionId: 'missing' }, []],
      [{ subjectType: 'post', subjectId: '9' }, []],
    ];
    for (const [query, expected] of cases) {
      expect(ids((await runs().list(query)).items), JSON.stringify(query)).toEqual(expected);
    }
  });

  it('runs.list: from is inclusive and to is exclusive on createdAt', async () => {
    for (const seconds of [0, 10, 20, 30]) await runs().create(makeRun({ id: `run-at-${seconds}`, createdAt: at(seconds) }));
    expect(ids((await runs().list({ from: at(10), to: at(30) })).items)).toEqual(['run-at-20', 'run-at-10']);
    expect(ids((await runs().list({ from: at(10) })).items)).toEqual(['run-at-30', 'run-at-20', 'run-at-10']);
    expect(ids((await runs().list({ to: at(10) })).items)).toEqual(['run-at-0']);
    expect(ids((await runs().list({ from: at(0.001), to: at(9.999) })).items)).toEqual([]);
    expect(ids(await listAll(context, { from: at(0), to: at(30), limit: 2 }))).toEqual(['run-at-20', 'run-at-10', 'run-at-0']);
  });

  it('runs.list: cursor pages neither skip nor repeat while new runs are inserted between fetches', async () => {
    const original = Array.from({ length: 25 }, (_, index) => makeRun({ createdAt: at(index) }));
    // Two runs share a timestamp at a page boundary, so the cursor must carry the id too.
    original.push(makeRun({ createdAt: at(15) }));
    for (const run of original) await runs().create(run);
    const seen: string[] = [];
    let cursor: string | undefined;
    let inserted = 0;
    do {
      const page = await runs().list({ limit: 10, cursor });
      expect(page.items.length).toBeLessThanOrEqual(10);
      seen.push(...ids(page.items));
      cursor = page.nextCursor;
      await runs().create(makeRun({ createdAt: at(1_000 + inserted) }));
      inserted += 1;
      expect(inserted, 'pagination does not end').toBeLessThanOrEqual(10);
    } while (cursor !== undefined);
    const expected = [...original].sort((left, right) => (left.createdAt === right.createdAt ? (left.id < right.id ? 1 : -1) : left.createdAt < right.createdAt ? 1 : -1));
    expect(seen).toEqual(ids(expected));
    const last = await runs().list({ limit: 26 + inserted });
    expect(last.items).toHaveLength(26 + inserted);
    expect(last).not.toHaveProperty('nextCursor');
  });

  it('runs.list: limit defaults to 50, accepts 1-500 and refuses others; bad cursors fail with INVALID_INPUT', async () => {
    for (let index = 0; index < 60; index += 1) await runs().create(makeRun({ createdAt: at(index) }));
    const first = await runs().list();
    expect(first.items).toHaveLength(50);
    expect(typeof first.nextCursor).toBe('string');
    expect((await runs().list({ cursor: first.nextCursor })).items).toHaveLength(10);
    expect((await runs().list({ limit: 1 })).items).toHaveLength(1);
    expect((await runs().list({ limit: 500 })).items).toHaveLength(60);
    for (const limit of [0, -1, 501, 1.5, Number.NaN]) {
      await expectStoreError(() => runs().list({ limit }), 'INVALID_INPUT');
    }
    await expectStoreError(() => runs().list({ cursor: 'not-a-cursor!' }), 'INVALID_INPUT');
  });

  it('runs: 200 runs created concurrently are all stored and listed', async () => {
    const created = Array.from({ length: 200 }, (_, index) => makeRun({ createdAt: at(index % 7), actionId: 'bulk' }));
    await Promise.all(created.map((run) => runs().create(run)));
    const listed = await listAll(context, { limit: 37 });
    expect(listed).toHaveLength(200);
    expect(new Set(ids(listed))).toEqual(new Set(ids(created)));
    expect(await listAll(context, { actionId: 'bulk', limit: 500 })).toHaveLength(200);
    for (const run of created.slice(0, 5)) expect(await runs().get(run.id)).toStrictEqual(run);
  });
}
