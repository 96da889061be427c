import type { StoreV1 } from '@llm-actions/core';
import { runStoreConformance } from '@llm-actions/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPrismaStore, migrate } from '../src/index.js';
import { postgresDatabase, postgresqlClient, type PostgresDatabase } from './databases.js';
import { postgresqlShape } from './database-shape.js';
import { describeAgentBehaviour } from './agent-behaviour.js';
import { describeDefinitionBehaviour } from './definition-behaviour.js';
import { at, expectError, makeProposal, makeRun } from './fixtures.js';
import { describeMigrations } from './migration-behaviour.js';
import { startPostgresServer } from './postgres-server.js';
import { describeRunBehaviour } from './run-behaviour.js';

// Started at collection time so that the suites below can be skipped (with a printed reason)
// when PostgreSQL is not installed; with CI=true a missing server fails here instead.
const startedAt = Date.now();
const server = await startPostgresServer();
if (server !== undefined) console.info(`[store-prisma tests] PostgreSQL started in ${Date.now() - startedAt} ms`);
afterAll(() => server?.stop());

if (server !== undefined) {
  const database = await postgresDatabase(server, 'conformance');
  afterAll(() => database.close());
  runStoreConformance({
    name: 'prisma-postgresql',
    createStore: async () => {
      await database.empty();
      return database.openStore();
    },
    reopen: async () => database.openStore(),
  });
}

describe.skipIf(server === undefined)('store-prisma on PostgreSQL', () => {
  let database: PostgresDatabase;
  let store: StoreV1;
  const opened: StoreV1[] = [];
  beforeAll(async () => {
    database = await postgresDatabase(server!, 'behaviour');
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await database.empty();
    store = database.openStore();
  });
  afterEach(async () => {
    for (const other of opened.splice(0)) await other.close?.();
    await store.close?.();
  });
  const harness = {
    store: () => store,
    reopen: async () => {
      const other = database.openStore();
      opened.push(other);
      return other;
    },
  };
  describeRunBehaviour(harness);
  describeDefinitionBehaviour(harness);
  describeAgentBehaviour(harness);

  it('refuses U+0000 in text columns with INVALID_INPUT (JSON fields keep it)', async () => {
    const error = await expectError(() => store.prompts.create({ id: 'nul', template: 'a\u0000b', createdAt: at(0) }), 'INVALID_INPUT');
    expect(error.message).toContain('U+0000');
    expect(await store.prompts.get('nul')).toBeUndefined();
  });

  it('names itself prisma-postgresql and declares durable, multi-process and agents support', () => {
    const other = createPrismaStore({ client: postgresqlClient(database.url) });
    expect(other.name).toBe('prisma-postgresql');
    expect(other.capabilities).toEqual({ durable: { supported: true }, 'multi-process': { supported: true }, agents: { supported: true } });
  });
});

describe.skipIf(server === undefined)('PostgreSQL with a locale-aware default collation', () => {
  it('orders runs and proposals created in the same millisecond by id code units, across pages', async () => {
    const client = postgresqlClient(await server!.createDatabase('icu_order', { icuLocale: 'en-US' }));
    await migrate(client);
    const store = createPrismaStore({ client, disconnectOnClose: true });
    try {
      // en-US compares case and punctuation differently from code units: "Run-a" < "run-b" here.
      const ids = ['run-b', 'Run-a', 'run_a', 'run-B', 'runa', 'RUN'];
      for (const id of ids) {
        await store.runs.create(makeRun({ id, createdAt: at(0) }));
        await store.proposals.create(makeProposal({ id, createdAt: at(0) }));
      }
      const expected = [...ids].sort().reverse();
      for (const list of [store.runs.list.bind(store.runs), store.proposals.list.bind(store.proposals)]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await list({ limit: 2, cursor });
          seen.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor;
        } while (cursor !== undefined);
        expect(seen).toEqual(expected);
      }
    } finally {
      await store.close?.();
    }
  });
});

describe.skipIf(server === undefined)('migrations on PostgreSQL', () => {
  const clients: Array<{ $disconnect(): Promise<void> }> = [];
  let counter = 0;
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.$disconnect();
  });
  describeMigrations({
    provider: 'postgresql',
    concurrentClients: true,
    fresh: async () => {
      counter += 1;
      const url = await server!.createDatabase(`migrate_${counter}`);
      const open = () => {
        const client = postgresqlClient(url);
        clients.push(client);
        return client;
      };
      return { client: open(), openClient: open, shape: () => postgresqlShape(url) };
    },
  });
});
