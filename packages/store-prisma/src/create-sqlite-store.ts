import type { StoreV1 } from '@llm-actions/core';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { createPrismaStore, type PrismaStoreOptions } from './create-prisma-store.js';
import { PrismaClient } from './generated/sqlite/client.js';
import { migrate } from './migrate.js';
import type { PrismaStoreClient } from './prisma-store-client.js';
import { guard } from './store-error.js';

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
  const adapter = new PrismaBetterSqlite3({ url: options.file, timeout: options.busyTimeoutMs ?? 5_000 });
  const client = new PrismaClient({ adapter });
  try {
    await guard('createSqliteStore', async () => {
      if (!inMemory) await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
      await migrate(client, { provider: 'sqlite', ...(options.clock === undefined ? {} : { clock: options.clock }) });
    });
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
