import type { StoreV1 } from '@llm-actions/core';
import { createMemoryStore } from '@llm-actions/store-memory';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { startPostgresServer as StartPostgresServer } from '../../packages/store-prisma/test/postgres-server.js';
import { sqlRunCopier, type CopyRuns, type RawClient } from './bulk-copy-runs.js';

/** An open store and how to dispose of it. */
export interface OpenStore {
  store: StoreV1;
  /** How it was set up, for the table notes. */
  setup: string;
  /** SQL stores: copies stored runs in bulk, to reach 100,000 runs quickly. */
  copyRuns?: CopyRuns;
  close(): Promise<void>;
}

/** A store to benchmark; `open` resolves `{ unavailable }` with a reason instead of failing. */
export interface StoreTarget {
  name: 'memory' | 'SQLite' | 'PostgreSQL';
  key: 'memory' | 'sqlite' | 'postgresql';
  open(): Promise<OpenStore | { unavailable: string }>;
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}

// store-prisma's PostgreSQL client, pg adapter and test server helper live in that package
// (devDependencies and test files), so they are loaded from there rather than duplicated.
const storePrismaManifest = createRequire(import.meta.url).resolve('@llm-actions/store-prisma/package.json');
const fromStorePrisma = (path: string) => new URL(path, pathToFileURL(storePrismaManifest)).href;

async function openSqlite(): Promise<OpenStore> {
  const { createSqliteStore } = await import('@llm-actions/store-prisma');
  const directory = mkdtempSync(join(tmpdir(), 'llm-actions-bench-'));
  const store = await createSqliteStore({ file: join(directory, 'bench.db') });
  return {
    store,
    setup: 'createSqliteStore on a file in the temp directory (WAL), better-sqlite3',
    copyRuns: sqlRunCopier(store.client as unknown as RawClient, 'sqlite'),
    close: async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function openPostgres(): Promise<OpenStore | { unavailable: string }> {
  const { startPostgresServer } = (await import(fromStorePrisma('test/postgres-server.ts'))) as { startPostgresServer: typeof StartPostgresServer };
  const server = await startPostgresServer();
  if (server === undefined) return { unavailable: 'PostgreSQL binaries (initdb, pg_ctl) are not on the PATH' };
  try {
    const url = await server.createDatabase('llm_actions_bench');
    const { PrismaPg } = await import(pathToFileURL(createRequire(storePrismaManifest).resolve('@prisma/adapter-pg')).href);
    const { PrismaClient } = await import(fromStorePrisma('src/generated/postgresql/client.ts'));
    const { createPrismaStore, migrate } = await import('@llm-actions/store-prisma');
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    await migrate(client);
    const store = createPrismaStore({ client, disconnectOnClose: true });
    return {
      store,
      setup: 'createPrismaStore on @prisma/adapter-pg (default pool), PostgreSQL 15 started by initdb/pg_ctl on 127.0.0.1 with fsync off',
      copyRuns: sqlRunCopier(client, 'postgresql'),
      close: async () => {
        await store.close?.();
        server.stop();
      },
    };
  } catch (error) {
    server.stop();
    throw error;
  }
}

/** Wraps an opener so any failure becomes a reason printed in the table. */
const available =
  (open: () => Promise<OpenStore | { unavailable: string }>) =>
  async (): Promise<OpenStore | { unavailable: string }> => {
    try {
      return await open();
    } catch (error) {
      return { unavailable: reasonOf(error) };
    }
  };

/** The three stores of benchmark 4. */
export const storeTargets: StoreTarget[] = [
  {
    name: 'memory',
    key: 'memory',
    open: available(async () => ({ store: createMemoryStore(), setup: 'createMemoryStore() with its default validation', close: async () => {} })),
  },
  { name: 'SQLite', key: 'sqlite', open: available(openSqlite) },
  { name: 'PostgreSQL', key: 'postgresql', open: available(openPostgres) },
];
