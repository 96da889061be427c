import type { DatabaseShape } from './database-shape.js';

const key = (columns: string[]): string => columns.join(', ');

function compareIndexes(table: string, kind: string, expected: string[][], actual: string[][], differences: string[]): void {
  const actualKeys = new Set(actual.map(key));
  const expectedKeys = new Set(expected.map(key));
  for (const columns of expected) if (!actualKeys.has(key(columns))) differences.push(`${table}: ${kind} (${key(columns)}) missing in the database`);
  for (const columns of actual) if (!expectedKeys.has(key(columns))) differences.push(`${table}: ${kind} (${key(columns)}) not in the Prisma schema`);
}

/**
 * Every difference between the tables the Prisma schema describes and those the migrations
 * created: missing or extra tables and columns, types, nullability, defaults, keys and indexes.
 * Empty when they agree.
 */
export function schemaDifferences(expected: DatabaseShape, actual: DatabaseShape): string[] {
  const differences: string[] = [];
  for (const table of Object.keys(actual)) if (expected[table] === undefined) differences.push(`${table}: table not in the Prisma schema`);
  for (const [table, model] of Object.entries(expected)) {
    const found = actual[table];
    if (found === undefined) {
      differences.push(`${table}: table missing in the database`);
      continue;
    }
    for (const column of Object.keys(found.columns)) {
      if (model.columns[column] === undefined) differences.push(`${table}.${column}: column not in the Prisma schema`);
    }
    for (const [column, want] of Object.entries(model.columns)) {
      const have = found.columns[column];
      if (have === undefined) {
        differences.push(`${table}.${column}: column missing in the database`);
        continue;
      }
      if (have.type !== want.type) differences.push(`${table}.${column}: type ${have.type}, the Prisma schema says ${want.type}`);
      if (have.nullable !== want.nullable) differences.push(`${table}.${column}: ${have.nullable ? 'nullable' : 'NOT NULL'} in the database`);
      if (have.collation !== want.collation) differences.push(`${table}.${column}: collation ${have.collation ?? 'default'}, expected ${want.collation ?? 'default'}`);
      if (have.default !== want.default) differences.push(`${table}.${column}: default ${have.default ?? 'none'}, the Prisma schema says ${want.default ?? 'none'}`);
    }
    if (key(found.primaryKey) !== key(model.primaryKey)) {
      differences.push(`${table}: primary key (${key(found.primaryKey)}), the Prisma schema says (${key(model.primaryKey)})`);
    }
    compareIndexes(table, 'unique index', model.uniques, found.uniques, differences);
    compareIndexes(table, 'index', model.indexes, found.indexes, differences);
  }
  return differences;
}
