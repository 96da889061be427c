import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { toPostgresqlSchema } from '../scripts/postgresql-schema.mjs';
import { createPrismaStore, createSqliteStore, migrate, type PrismaStoreClient } from '../src/index.js';
import { loadMigrations, splitStatements } from '../src/migrations.js';
import { expectError } from './fixtures.js';
import { readPrismaSchema, schemaPath } from './prisma-schema.js';

const read = (relative: string): string => readFileSync(schemaPath(relative), 'utf8');

describe('schema files', () => {
  it('the PostgreSQL schema is the SQLite schema with its provider, output and @db.Json (run `pnpm generate` after editing)', () => {
    expect(read('prisma/postgresql/schema.prisma')).toBe((toPostgresqlSchema as (schema: string) => string)(read('prisma/schema.prisma')));
    const sqlite = readPrismaSchema('prisma/schema.prisma');
    expect(readPrismaSchema('prisma/postgresql/schema.prisma')).toEqual(sqlite);
    expect(sqlite.every((model) => model.table.startsWith('llm_'))).toBe(true);
  });

  it('the committed generated clients were generated from the current schemas (run `pnpm generate` after editing)', () => {
    for (const [schema, generated] of [
      ['prisma/schema.prisma', 'src/generated/sqlite/internal/class.ts'],
      ['prisma/postgresql/schema.prisma', 'src/generated/postgresql/internal/class.ts'],
    ] as const) {
      const inline = /"inlineSchema": ("(?:[^"\\]|\\.)*")/.exec(read(generated))?.[1];
      // Prisma keeps the schema as `prisma format` would write it; compare without alignment.
      const squeeze = (text: string): string => text.replace(/[ \t]+/g, ' ');
      expect(inline === undefined ? undefined : squeeze(JSON.parse(inline) as string), `${generated} is stale`).toBe(squeeze(read(schema)));
    }
  });

  it('migrations split into statements, numbered in order, for both databases', () => {
    expect(splitStatements('-- note; not a statement\nCREATE TABLE "a" ("b" TEXT);\n\nCREATE INDEX "c" ON "a"("b");\n')).toEqual([
      'CREATE TABLE "a" ("b" TEXT)',
      'CREATE INDEX "c" ON "a"("b")',
    ]);
    for (const provider of ['sqlite', 'postgresql'] as const) {
      expect(loadMigrations(provider).map((migration) => migration.id)).toEqual(['0001_init', '0002_agents']);
    }
  });
});

describe('client and provider', () => {
  it('detects the provider of the client and names the store after it', async () => {
    const store = await createSqliteStore({ file: ':memory:' });
    try {
      expect(createPrismaStore({ client: store.client }).name).toBe('prisma-sqlite');
      expect(createPrismaStore({ client: store.client, provider: 'postgresql' }).name).toBe('prisma-postgresql');
    } finally {
      await store.close();
    }
  });

  it('asks for the provider when the client does not tell it', async () => {
    const store = await createSqliteStore({ file: ':memory:' });
    try {
      // A structural stand-in without the generated client's provider marker.
      const client = store.client as unknown as Record<string, unknown>;
      const wrapped = Object.fromEntries(
        [...Object.keys(client).filter((key) => key.startsWith('llm')), '$transaction', '$executeRawUnsafe', '$disconnect'].map((key) => [key, client[key]]),
      ) as PrismaStoreClient;
      await expectError(async () => createPrismaStore({ client: wrapped }), 'INVALID_INPUT');
      await expectError(() => migrate(wrapped), 'INVALID_INPUT');
    } finally {
      await store.close();
    }
  });

  it('declares agents unsupported, with the missing models, for a client generated without the agent models', async () => {
    const store = await createSqliteStore({ file: ':memory:' });
    try {
      expect(store.capabilities.agents).toEqual({ supported: true });
      const client = store.client as unknown as Record<string, unknown>;
      const withoutSkills = new Proxy(client, { get: (target, key) => (key === 'llmSkillLabel' || key === 'llmSkillLabelMove' ? undefined : Reflect.get(target, key)) });
      const older = createPrismaStore({ client: withoutSkills as PrismaStoreClient, provider: 'sqlite' });
      expect(older.capabilities.agents).toMatchObject({ supported: false, reason: expect.stringContaining('llmSkillLabel, llmSkillLabelMove') });
      expect(older.agents).toBeUndefined();
      expect(older.skills).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('reports a missing table as STORE_ERROR that says to migrate', async () => {
    const store = await createSqliteStore({ file: ':memory:' });
    try {
      const bare = createPrismaStore({ client: store.client });
      await store.client.$executeRawUnsafe('DROP TABLE "llm_runs"');
      const error = await expectError(() => bare.runs.get('any'), 'STORE_ERROR');
      expect(error.message).toContain('migrate(client)');
    } finally {
      await store.close();
    }
  });
});
