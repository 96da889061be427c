/**
 * @module @llm-actions/store-prisma
 * Store contract v1 on Prisma 7 with driver adapters: SQLite (embedded default) and PostgreSQL.
 * Ships its Prisma models (`prisma/schema.prisma`) and SQL migrations (`migrations/`).
 */
export { createPrismaStore, type PrismaStoreOptions } from './create-prisma-store.js';
export { createSqliteStore, type SqliteStore, type SqliteStoreOptions } from './create-sqlite-store.js';
export { migrate, type MigrateOptions, type MigrateResult } from './migrate.js';
export type { PrismaStoreAgentModel, PrismaStoreClient, PrismaStoreModel, PrismaStoreProvider } from './prisma-store-client.js';
