import type { StoreV1 } from '@llm-actions/core';
import { rmSync } from 'node:fs';
import { runStoreConformance } from '@llm-actions/testing';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, type SqliteStore } from '../src/index.js';
import { sqliteClient, temporaryDirectory } from './databases.js';
import { sqliteShape } from './database-shape.js';
import { describeMigrations } from './migration-behaviour.js';
import { describeAgentBehaviour } from './agent-behaviour.js';
import { describeDefinitionBehaviour } from './definition-behaviour.js';
import { at, makeFullRun } from './fixtures.js';
import { describeRunBehaviour } from './run-behaviour.js';

const directory = temporaryDirectory();
afterAll(() => directory.remove());

const files = new WeakMap<StoreV1, string>();
runStoreConformance({
  name: 'prisma-sqlite (file)',
  createStore: async () => {
    const file = directory.file(`conformance-${Math.random().toString(36).slice(2)}.db`);
    const store = await createSqliteStore({ file });
    files.set(store, file);
    return store;
  },
  reopen: async (store) => {
    const file = files.get(store) as string;
    const other = await createSqliteStore({ file });
    files.set(other, file);
    return other;
  },
  cleanup: async (store) => {
    await store.close?.();
    const file = files.get(store) as string;
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  },
});

runStoreConformance({ name: 'prisma-sqlite (:memory:)', createStore: () => createSqliteStore({ file: ':memory:' }) });

describe('store-prisma on a SQLite file', () => {
  let file = '';
  let store: SqliteStore;
  const opened: StoreV1[] = [];
  beforeEach(async () => {
    file = directory.file(`store-${Math.random().toString(36).slice(2)}.db`);
    store = await createSqliteStore({ file });
  });
  afterEach(async () => {
    for (const other of opened.splice(0)) await other.close?.();
    await store.close();
  });
  const harness = {
    store: () => store,
    reopen: async () => {
      const other = await createSqliteStore({ file });
      opened.push(other);
      return other;
    },
  };
  describeRunBehaviour(harness);
  describeDefinitionBehaviour(harness);
  describeAgentBehaviour(harness);

  it('is durable: data written before close is there after reopening the file', async () => {
    const run = makeFullRun();
    await store.runs.create(run);
    await store.prompts.create({ id: 'tone', template: 'Be brief.', createdAt: at(0) });
    await store.close();
    store = await createSqliteStore({ file });
    expect(await store.runs.get(run.id)).toEqual(run);
    expect((await store.prompts.get('tone'))?.version).toBe(1);
    expect(store.name).toBe('prisma-sqlite');
    expect(store.capabilities.durable.supported).toBe(true);
  });
});

describe('store-prisma on SQLite :memory:', () => {
  it('declares that it is neither durable nor shared, with a reason', async () => {
    const store = await createSqliteStore({ file: ':memory:' });
    try {
      expect(store.capabilities.durable).toMatchObject({ supported: false, reason: expect.stringContaining(':memory:') });
      expect(store.capabilities['multi-process'].supported).toBe(false);
      const run = makeFullRun();
      await store.runs.create(run);
      expect(await store.runs.get(run.id)).toEqual(run);
    } finally {
      await store.close();
    }
  });
});

describe('migrations on SQLite', () => {
  const clients: Array<{ $disconnect(): Promise<void> }> = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.$disconnect();
  });
  describeMigrations({
    provider: 'sqlite',
    concurrentClients: false,
    fresh: async () => {
      const file = directory.file(`migrate-${Math.random().toString(36).slice(2)}.db`);
      const open = () => {
        const client = sqliteClient(file);
        clients.push(client);
        return client;
      };
      return { client: open(), openClient: open, shape: async () => sqliteShape(file) };
    },
  });

  it('createSqliteStore calls made at once on one file migrate it once', async () => {
    const file = directory.file('parallel.db');
    const stores = await Promise.all([1, 2, 3].map(() => createSqliteStore({ file })));
    await stores[0]?.runs.create(makeFullRun());
    for (const store of stores) await store.close();
  });
});
