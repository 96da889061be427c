import './require-conditions.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PostgresqlClient } from '../src/generated/postgresql/client.js';
import { PrismaClient as SqliteClient } from '../src/generated/sqlite/client.js';
import { createPrismaStore, migrate } from '../src/index.js';
import type { StoreV1 } from '@llm-actions/core';
import type { PostgresServer } from './postgres-server.js';

/** A temporary directory for SQLite files, deleted by `remove()`. */
export function temporaryDirectory(): { path: string; file(name: string): string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'llm-actions-sqlite-'));
  return { path, file: (name) => join(path, name), remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A PrismaClient for PostgreSQL generated from this package's PostgreSQL schema. */
export function postgresqlClient(url: string): PostgresqlClient {
  return new PostgresqlClient({ adapter: new PrismaPg({ connectionString: url }) });
}

const tables = [
  'llm_prompt_versions',
  'llm_prompt_labels',
  'llm_prompt_label_moves',
  'llm_action_versions',
  'llm_action_labels',
  'llm_action_label_moves',
  'llm_bindings',
  'llm_runs',
  'llm_proposals',
  'llm_agent_runs',
  'llm_agent_steps',
  'llm_agent_journal',
  'llm_agent_snapshots',
  'llm_agent_approvals',
  'llm_skill_versions',
  'llm_skill_labels',
  'llm_skill_label_moves',
];

/** One migrated PostgreSQL database for a test file, emptied on demand between tests. */
export interface PostgresDatabase {
  url: string;
  /** A new store on the database, on its own client (closing the store disconnects it). */
  openStore(): StoreV1;
  /** Deletes every row of the store tables. */
  empty(): Promise<void>;
  /** Disconnects the helper client. */
  close(): Promise<void>;
}

/** Creates and migrates a database named `name` on `server`. */
export async function postgresDatabase(server: PostgresServer, name: string): Promise<PostgresDatabase> {
  const url = await server.createDatabase(name);
  const admin = postgresqlClient(url);
  await migrate(admin);
  return {
    url,
    openStore: () => createPrismaStore({ client: postgresqlClient(url), disconnectOnClose: true }),
    empty: async () => {
      await admin.$executeRawUnsafe(`TRUNCATE ${tables.map((table) => `"${table}"`).join(', ')} RESTART IDENTITY`);
    },
    close: () => admin.$disconnect(),
  };
}

/** A PrismaClient for SQLite generated from this package's schema, on `file`. */
export function sqliteClient(file: string): SqliteClient {
  return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: file }) });
}
