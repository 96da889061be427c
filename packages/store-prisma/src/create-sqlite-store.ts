import type { StoreV1 } from '@llm-actions/core';
import { resolve } from 'node:path';
import { createPrismaStore, type PrismaStoreOptions } from './create-prisma-store.js';
import { migrate } from './migrate.js';
import type { PrismaStoreClient } from './prisma-store-client.js';
import { guard } from './store-error.js';

/** Set-ups in progress in this process, by database file. */
const settingUp = new Map<string, Promise<unknown>>();

/**
 * Runs `task` after any earlier set-up of the same file in this process has finished. Migrating
 * keeps a write transaction open across awaits, and better-sqlite3 waits for locks by blocking the
 * thread, so two connections of one process migrating the same file at once would stall each
 * other until the busy timeout. Other processes are not affected: their lock holder keeps running.
 */
async function oneAtATime(file: string | undefined, task: () => Promise<void>): Promise<void> {
  if (file === undefined) return task();
  const previous = settingUp.get(file) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(task);
  settingUp.set(file, current);
  try {
    await current;
  } finally {
    if (settingUp.get(file) === current) settingUp.delete(file);
  }
}

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions extends Pick<PrismaStoreOptions, 'validate' | 'clock'> {
  /** Path of the database file (created when missing), or `:memory:` for a private in-memory database. */
  file: string;
  /**
   * How long a statement waits for another connection's write lock before failing, in
   * milliseconds. Defaults to 5000.
   */
  busyTimeoutMs?: number;
}

/** A store on an embedded SQLite database, with the client it owns. */
export interface SqliteStore extends StoreV1 {
  /** The PrismaClient the store built (generated from this package's SQLite schema). */
  readonly client: PrismaStoreClient;
  /** Disconnects the client; the store is unusable afterwards. */
  close(): Promise<void>;
}

/**
 * An embedded store: builds a PrismaClient on `better-sqlite3` for `file`, applies the
 * migrations and returns the store. File databases use WAL journaling, so readers never wait
 * for a writer and several processes can share the file.
 *
 * @example
 * ```ts
 * import { createSqliteStore } from '@llm-actions/store-prisma';
 *
 * const store = await createSqliteStore({ file: '.data/llm-actions.db' });
 * await store.prompts.create({ id: 'tone', template: 'Be brief.', createdAt: new Date().toISOString() });
 * await store.close();
 * ```
 */
export async function createSqliteStore(options: SqliteStoreOptions): Promise<SqliteStore> {
  const inMemory = options.file === ':memory:';
  // Loaded on first use, so hosts on PostgreSQL never load better-sqlite3 or the SQLite client.
  const [{ PrismaBetterSqlite3 }, { PrismaClient }] = await Promise.all([
    import('@prisma/adapter-better-sqlite3'),
    import('./generated/sqlite/client.js'),
  ]);
  const adapter = new PrismaBetterSqlite3({ url: options.file, timeout: options.busyTimeoutMs ?? 5_000 });
  const client = new PrismaClient({ adapter });
  try {
    await guard('createSqliteStore', () =>
      oneAtATime(inMemory ? undefined : resolve(options.file), async () => {
        if (!inMemory) await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
        await migrate(client, { provider: 'sqlite', ...(options.clock === undefined ? {} : { clock: options.clock }) });
      }),
    );
  } catch (error) {
    await client.$disconnect();
    throw error;
  }
  const reason = 'a :memory: database lives in one connection of one process and is gone when it closes';
  const store = createPrismaStore({
    client,
    provider: 'sqlite',
    disconnectOnClose: true,
    ...(inMemory ? { capabilities: { durable: { supported: false, reason }, 'multi-process': { supported: false, reason } } } : {}),
    ...(options.validate === undefined ? {} : { validate: options.validate }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  return { ...store, client, close: store.close as () => Promise<void> };
}
