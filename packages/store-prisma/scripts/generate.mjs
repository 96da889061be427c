#!/usr/bin/env node
// Runs `prisma generate` for the SQLite and PostgreSQL schemas of this package.
//
// The Prisma CLI wants to download its schema engine before it does anything, and that download is
// not reachable on every machine (nor needed: generate never runs the engine). Pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing executable skips the download, so this script uses
// the running Node binary. It first rewrites prisma/postgresql/schema.prisma from the SQLite schema,
// so the two variants cannot drift apart.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { toPostgresqlSchema } from './postgresql-schema.mjs';

const packageDirectory = join(dirname(fileURLToPath(import.meta.url)), '..');
const sqliteSchema = join(packageDirectory, 'prisma', 'schema.prisma');
const postgresqlSchema = join(packageDirectory, 'prisma', 'postgresql', 'schema.prisma');

writeFileSync(postgresqlSchema, toPostgresqlSchema(readFileSync(sqliteSchema, 'utf8')));

const environment = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const prismaCli = join(packageDirectory, 'node_modules', 'prisma', 'build', 'index.js');

for (const schema of [sqliteSchema, postgresqlSchema]) {
  const result = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schema], {
    cwd: packageDirectory,
    env: environment,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`[llm-actions/store-prisma] prisma generate failed for ${schema}`);
    process.exit(result.status ?? 1);
  }
}
