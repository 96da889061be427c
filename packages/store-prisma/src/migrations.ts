import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { PrismaStoreProvider } from './prisma-store-client.js';

/** One SQL migration file of this package. */
export interface Migration {
  /** File name without `.sql`, e.g. `0001_init`; migrations run in this order. */
  id: string;
  /** SHA-256 of the file (line endings normalized), recorded when applied. */
  checksum: string;
  /** The statements of the file, in order, without comments. */
  statements: string[];
}

/**
 * The table `migrate` records applied migrations in. Created before any migration runs, so it
 * lives here rather than in a migration file; it matches the `LlmMigration` model.
 */
export const migrationsTableSql: Record<PrismaStoreProvider, string> = {
  sqlite:
    'CREATE TABLE IF NOT EXISTS "llm_migrations" ("id" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" DATETIME NOT NULL)',
  postgresql:
    'CREATE TABLE IF NOT EXISTS "llm_migrations" ("id" TEXT NOT NULL, "checksum" TEXT NOT NULL, "appliedAt" TIMESTAMP(3) NOT NULL, CONSTRAINT "llm_migrations_pkey" PRIMARY KEY ("id"))',
};

/** Splits a migration file into statements: `;` ends a statement at the end of a line. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;[ \t]*$/m)
    .map((statement) =>
      statement
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((statement) => statement !== '');
}

/** Directory of the shipped SQL files of one provider (beside `src/` and `dist/`). */
export function migrationsDirectory(provider: PrismaStoreProvider): URL {
  return new URL(`../migrations/${provider}/`, import.meta.url);
}

/** The migrations of one provider, read from `directory` (the shipped files by default), in order. */
export function loadMigrations(provider: PrismaStoreProvider, directory: URL = migrationsDirectory(provider)): Migration[] {
  return readdirSync(directory)
    .filter((name) => /^\d{4}_[\w-]+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(new URL(name, directory), 'utf8').replace(/\r\n/g, '\n');
      return {
        id: name.slice(0, -'.sql'.length),
        checksum: createHash('sha256').update(text).digest('hex'),
        statements: splitStatements(text),
      };
    });
}
