import type { VersionedRepositoryV1 } from '@llm-actions/core';
import { expect, it } from 'vitest';
import { expectStoreError } from './expect-store-error.js';
import { at } from './fixtures.js';
import type { StoreConformanceContext } from './store-conformance-context.js';

type VersionedRecord = { id: string; version: number; createdAt: string };

/** How the versioned tests reach one repository and build its records. */
export interface VersionedSubject<TRecord extends VersionedRecord> {
  /** `prompts` or `actions`, used in test titles. */
  name: string;
  repository(context: StoreConformanceContext): VersionedRepositoryV1<TRecord>;
  /** A valid record; the same id unless `overrides.id` says otherwise. */
  make(overrides: { id?: string; createdAt?: string }): Omit<TRecord, 'version'>;
  /** A field that can be mutated on returned copies to test isolation. */
  mutate(record: TRecord): void;
}

/** Registers the tests every versioned repository (prompts, actions) must pass. */
export function describeVersionedRepository<TRecord extends VersionedRecord>(
  context: StoreConformanceContext,
  subject: VersionedSubject<TRecord>,
): void {
  const { name, make } = subject;
  const repository = (): VersionedRepositoryV1<TRecord> => subject.repository(context);

  it(`${name}: create numbers immutable versions 1, 2, ... and keeps older ones unchanged`, async () => {
    const first = make({ createdAt: at(0) });
    const created1 = await repository().create(first);
    const created2 = await repository().create(make({ createdAt: at(60) }));
    expect(created1).toEqual({ ...first, version: 1 });
    expect(created2.version).toBe(2);
    expect(await repository().get(first.id, { version: 1 })).toEqual({ ...first, version: 1 });
    expect((await repository().versions(first.id)).map((record) => record.version)).toEqual([1, 2]);
    expect(await repository().versions('never-created')).toEqual([]);
  });

  it(`${name}: get returns the newest by default, a version, a label, and latest`, async () => {
    const id = make({}).id;
    for (let index = 0; index < 3; index += 1) await repository().create(make({ createdAt: at(index) }));
    await repository().setLabel(id, 'staging', 2, { at: at(10) });
    expect((await repository().get(id))?.version).toBe(3);
    expect((await repository().get(id, { version: 1 }))?.version).toBe(1);
    expect((await repository().get(id, { label: 'staging' }))?.version).toBe(2);
    expect((await repository().get(id, { label: 'latest' }))?.version).toBe(3);
    expect(await repository().get(id, { version: 9 })).toBeUndefined();
    expect(await repository().get(id, { label: 'production' })).toBeUndefined();
    expect(await repository().get('never-created')).toBeUndefined();
  });

  it(`${name}: labels move only through setLabel, and every move is recorded`, async () => {
    const id = make({}).id;
    await repository().create(make({}));
    await repository().setLabel(id, 'production', 1, { by: 'ana', at: at(100) });
    await repository().create(make({ createdAt: at(50) }));
    expect((await repository().get(id, { label: 'production' }))?.version).toBe(1);
    expect(await repository().labels(id)).toEqual({ production: 1 });
    await repository().setLabel(id, 'production', 2, { by: 'ben', at: at(200) });
    await repository().setLabel(id, 'staging', 1, { at: at(300) });
    expect(await repository().labels(id)).toEqual({ production: 2, staging: 1 });
    const history = await repository().labelHistory(id);
    expect(history).toHaveLength(3);
    expect(history[0]).toEqual({ label: 'production', to: 1, by: 'ana', at: at(100) });
    expect(history[1]).toEqual({ label: 'production', from: 1, to: 2, by: 'ben', at: at(200) });
    expect(history[2]).toEqual({ label: 'staging', to: 1, at: at(300) });
    expect(history[0]).not.toHaveProperty('from');
    expect(history[2]).not.toHaveProperty('by');
    expect(await repository().labels('never-created')).toEqual({});
    expect(await repository().labelHistory('never-created')).toEqual([]);
  });

  it(`${name}: setLabel refuses a missing version (NOT_FOUND) and the reserved label latest (INVALID_INPUT)`, async () => {
    const id = make({}).id;
    await repository().create(make({}));
    await expectStoreError(() => repository().setLabel(id, 'production', 2, { at: at(1) }), 'NOT_FOUND');
    await expectStoreError(() => repository().setLabel('never-created', 'production', 1, { at: at(1) }), 'NOT_FOUND');
    await expectStoreError(() => repository().setLabel(id, 'latest', 1, { at: at(1) }), 'INVALID_INPUT');
    expect(await repository().labels(id)).toEqual({});
    expect(await repository().labelHistory(id)).toEqual([]);
  });

  it(`${name}: concurrent creates of one id get distinct, consecutive versions`, async () => {
    const id = make({}).id;
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, index) => repository().create(make({ createdAt: at(index) }))),
    );
    const numbers = created.map((record) => record.version).sort((left, right) => left - right);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    expect((await repository().versions(id)).map((record) => record.version)).toEqual(numbers);
    expect((await repository().get(id))?.version).toBe(12);
  });

  it(`${name}: list returns the newest version of every id, ordered by id`, async () => {
    const base = make({}).id;
    const ids = [`${base}-b`, `${base}-a`, `${base}-c`];
    for (const id of ids) await repository().create(make({ id }));
    await repository().create(make({ id: `${base}-a`, createdAt: at(5) }));
    const listed = await repository().list();
    expect(listed.map((record) => [record.id, record.version])).toEqual([
      [`${base}-a`, 2],
      [`${base}-b`, 1],
      [`${base}-c`, 1],
    ]);
  });

  it(`${name}: returned objects are copies; mutating them or the input never changes stored data`, async () => {
    const input = make({});
    const created = await repository().create(input);
    const stored = structuredClone(created);
    subject.mutate(created);
    subject.mutate(input as TRecord);
    const fetched = await repository().get(stored.id, { version: 1 });
    expect(fetched).toEqual(stored);
    subject.mutate(fetched as TRecord);
    expect(await repository().get(stored.id)).toEqual(stored);
    const [listed] = await repository().versions(stored.id);
    subject.mutate(listed as TRecord);
    expect((await repository().list())[0]).toEqual(stored);
  });
}
