import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it, onTestFinished } from 'vitest';
import { migrate, type PrismaStoreClient, type PrismaStoreProvider } from '../src/index.js';
import { temporaryDirectory } from './databases.js';
import { expectedShape, type DatabaseShape } from './database-shape.js';
import { expectError } from './fixtures.js';
import { readPrismaSchema, schemaPath } from './prisma-schema.js';
import { schemaDifferences } from './schema-agreement.js';

/** An empty database to migrate, with a way to read back its tables. */
export interface FreshDatabase {
  client: PrismaStoreClient;
  /** A second client on the same database. */
  openClient(): PrismaStoreClient;
  shape(): Promise<DatabaseShape>;
}

/** How the migration tests reach databases of one provider. */
export interface MigrationHarness {
  provider: PrismaStoreProvider;
  /** A new, empty database (closed by the harness after the test). */
  fresh(): Promise<FreshDatabase>;
  /** Whether clients of one process may migrate at once (PostgreSQL; not SQLite, see the README). */
  concurrentClients: boolean;
}

/** A copy of the shipped migrations with `edit` applied to one file (0001_init.sql by default), as a directory URL. */
function editedMigrations(provider: PrismaStoreProvider, edit: (sql: string) => string, name = '0001_init.sql'): URL {
  const directory = temporaryDirectory();
  cpSync(schemaPath(`migrations/${provider}`), directory.path, { recursive: true });
  const file = join(directory.path, name);
  const edited = edit(readFileSync(file, 'utf8'));
  writeFileSync(file, edited);
  onTestFinished(() => directory.remove());
  return pathToFileURL(`${directory.path}/`);
}

/** Migration tests: idempotence, agreement with the Prisma schema, drift and edit detection. */
export function describeMigrations(harness: MigrationHarness): void {
  const { provider } = harness;
  const expected = expectedShape(readPrismaSchema('prisma/schema.prisma'), provider);
  // The drift check compares the database every shipped migration built, in order, with the schema.
  const shipped = ['0001_init', '0002_agents'];

  it(`${provider}: migrate (0001, then 0002) creates every model of the Prisma schema with matching columns, keys and indexes, once`, async () => {
    const database = await harness.fresh();
    expect(await migrate(database.client, { provider })).toEqual({ applied: shipped, skipped: [] });
    expect(await migrate(database.client, { provider })).toEqual({ applied: [], skipped: shipped });
    expect(schemaDifferences(expected, await database.shape())).toEqual([]);
  });

  it(`${provider}: the agreement check fails when a migration drifts from the Prisma schema`, async () => {
    const database = await harness.fresh();
    const directory = editedMigrations(provider, (sql) => sql.replace(/^ +"proposalId" TEXT,\n/m, '').replace('"note" TEXT', '"note" INTEGER'));
    await migrate(database.client, { provider, directory });
    expect(schemaDifferences(expected, await database.shape())).toEqual([
      'llm_runs.proposalId: column missing in the database',
      `llm_proposals.note: type ${provider === 'sqlite' ? 'INTEGER' : 'integer'}, the Prisma schema says ${provider === 'sqlite' ? 'TEXT' : 'text'}`,
    ]);
  });

  it(`${provider}: the agreement check sees drift in a later migration (0002) too`, async () => {
    const database = await harness.fresh();
    const directory = editedMigrations(provider, (sql) => sql.replace(/^ +"toolCallId" TEXT,\n/m, '').replace(/^CREATE INDEX "llm_agent_runs_user_createdAt_idx".*$/m, ''), '0002_agents.sql');
    await migrate(database.client, { provider, directory });
    expect(schemaDifferences(expected, await database.shape())).toEqual([
      'llm_agent_runs: index (user, createdAt) missing in the database',
      'llm_agent_steps.toolCallId: column missing in the database',
    ]);
  });

  it(`${provider}: a shipped migration edited after it ran is refused with STORE_ERROR`, async () => {
    const database = await harness.fresh();
    await migrate(database.client, { provider });
    const directory = editedMigrations(provider, (sql) => `${sql}\n-- an edit\n`);
    const error = await expectError(() => migrate(database.client, { provider, directory }), 'STORE_ERROR');
    expect(error.details).toMatchObject({ migration: '0001_init' });
  });

  // SQLite clients of one process must not migrate at once (createSqliteStore serializes them).
  if (harness.concurrentClients) it(`${provider}: clients migrating at once apply each migration exactly once`, async () => {
    const database = await harness.fresh();
    const clients = [database.client, database.openClient(), database.openClient()];
    const results = await Promise.all(clients.map((client) => migrate(client, { provider })));
    expect(results.flatMap((result) => result.applied)).toEqual(shipped);
    expect(schemaDifferences(expected, await database.shape())).toEqual([]);
  });
}
