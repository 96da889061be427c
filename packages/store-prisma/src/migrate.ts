import { asStoreClient, detectProvider, type PrismaStoreClient, type PrismaStoreProvider, type StoreClient } from './prisma-store-client.js';
import { loadMigrations, migrationsTableSql, type Migration } from './migrations.js';
import { guard, isUniqueViolation, storeError } from './store-error.js';

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** The database of `client`. Defaults to the provider the client was generated for. */
  provider?: PrismaStoreProvider;
  /**
   * Directory of the SQL files to apply, as a file URL ending in `/`. Defaults to this package's
   * `migrations/<provider>/`; tests point it elsewhere.
   */
  directory?: URL;
  /** Current time, recorded as `appliedAt`. Defaults to `() => new Date()`. */
  clock?: () => Date;
}

/** What {@link migrate} did. */
export interface MigrateResult {
  /** Ids of the migrations applied by this call, in order. */
  applied: string[];
  /** Ids that had been applied before (by an earlier call or another process). */
  skipped: string[];
}

/** The provider to migrate for, or `INVALID_INPUT` when neither given nor detectable. */
export function resolveProvider(client: PrismaStoreClient, provider: PrismaStoreProvider | undefined): PrismaStoreProvider {
  const resolved = provider ?? detectProvider(client);
  if (resolved === 'sqlite' || resolved === 'postgresql') return resolved;
  throw storeError('INVALID_INPUT', `cannot tell the database of this Prisma client; pass { provider: 'sqlite' } or { provider: 'postgresql' }.`, {
    provider,
  });
}

/**
 * Creates `llm_migrations` if needed. Two PostgreSQL sessions running CREATE TABLE IF NOT EXISTS
 * at once can both pass the check and one then fails on the catalog's unique index; when the
 * table is there afterwards, that failure is harmless.
 */
async function createMigrationsTable(client: StoreClient, provider: PrismaStoreProvider): Promise<void> {
  try {
    await client.$executeRawUnsafe(migrationsTableSql[provider]);
  } catch (error) {
    const exists = await client.llmMigration.count().then(
      () => true,
      () => false,
    );
    if (!exists) throw error;
  }
}

/** Applies one migration in a transaction; false when another caller applied it first. */
async function applyOne(client: StoreClient, migration: Migration, appliedAt: Date): Promise<boolean> {
  try {
    return await client.$transaction(
      async (transaction) => {
        if ((await transaction.llmMigration.findUnique({ where: { id: migration.id } })) !== null) return false;
        // Recording first makes a concurrent migrator wait on this row, then fail on its key.
        await transaction.llmMigration.create({ data: { id: migration.id, checksum: migration.checksum, appliedAt } });
        for (const statement of migration.statements) await transaction.$executeRawUnsafe(statement);
        return true;
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Creates or updates the `llm_` tables by applying this package's SQL migrations that have not
 * run yet, each in its own transaction, recording them in `llm_migrations`. Running it again does
 * nothing; two processes running it at once apply each migration once. Fails with `STORE_ERROR`
 * when a migration recorded as applied no longer matches its file (shipped files are never edited).
 *
 * @example
 * ```ts
 * const client = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
 * await migrate(client, { provider: 'postgresql' });
 * const store = createPrismaStore({ client });
 * ```
 */
export async function migrate(client: PrismaStoreClient, options: MigrateOptions = {}): Promise<MigrateResult> {
  const provider = resolveProvider(client, options.provider);
  const migrations = loadMigrations(provider, options.directory);
  const prisma = asStoreClient(client);
  const clock = options.clock ?? (() => new Date());
  return guard('migrate', async () => {
    await createMigrationsTable(prisma, provider);
    const recorded = new Map((await prisma.llmMigration.findMany()).map((row) => [row.id, row.checksum]));
    const result: MigrateResult = { applied: [], skipped: [] };
    for (const migration of migrations) {
      const checksum = recorded.get(migration.id);
      if (checksum !== undefined && checksum !== migration.checksum) {
        throw storeError(
          'STORE_ERROR',
          `migration ${migration.id} was applied with different contents than the shipped file; shipped migrations must never be edited, put changes in a new migration file.`,
          { migration: migration.id, provider },
        );
      }
      const applied = checksum === undefined && (await applyOne(prisma, migration, clock()));
      (applied ? result.applied : result.skipped).push(migration.id);
    }
    return result;
  });
}
