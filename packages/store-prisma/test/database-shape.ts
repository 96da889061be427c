import Database from 'better-sqlite3';
import pg from 'pg';
import type { PrismaModel } from './prisma-schema.js';

/** One column as the database describes it, normalized across SQLite and PostgreSQL. */
export interface ColumnShape {
  type: string;
  nullable: boolean;
  /** Default as text: a literal, or `autoincrement()`. */
  default?: string;
  /** A collation other than the database default (PostgreSQL). */
  collation?: string;
}

/** One table: columns, primary key, unique and plain indexes (as column lists). */
export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  uniques: string[][];
  indexes: string[][];
}

/** The `llm_` tables of a database, by name. */
export type DatabaseShape = Record<string, TableShape>;

/** The database type of each Prisma scalar, per provider (Prisma Migrate's choices). */
export const columnTypes = {
  sqlite: { String: 'TEXT', Int: 'INTEGER', Float: 'REAL', Boolean: 'BOOLEAN', DateTime: 'DATETIME', Json: 'JSONB' },
  // Json is `@db.Json` in the PostgreSQL schema: json keeps the text exactly, jsonb would not.
  postgresql: { String: 'text', Int: 'integer', Float: 'double precision', Boolean: 'boolean', DateTime: 'timestamp(3)', Json: 'json' },
} as const;

/**
 * Columns with a collation the Prisma schema cannot express: ids that order pages compare by
 * code units on PostgreSQL (the store contract's convention).
 */
export const binaryCollated = { sqlite: [], postgresql: ['llm_runs.id', 'llm_proposals.id', 'llm_agent_runs.id'] } as const;

/** The shape the Prisma models describe for `provider`. */
export function expectedShape(models: PrismaModel[], provider: keyof typeof columnTypes): DatabaseShape {
  const collated: readonly string[] = binaryCollated[provider];
  const types: Record<string, string> = columnTypes[provider];
  const shape: DatabaseShape = {};
  for (const model of models) {
    const columns: Record<string, ColumnShape> = {};
    for (const field of model.fields) {
      const type = types[field.type];
      if (type === undefined) throw new Error(`no column type for ${model.name}.${field.name}: ${field.type}`);
      columns[field.name] = {
        type,
        nullable: field.optional,
        ...(field.default === undefined ? {} : { default: field.default }),
        ...(collated.includes(`${model.table}.${field.name}`) ? { collation: 'C' } : {}),
      };
    }
    shape[model.table] = { columns, primaryKey: model.primaryKey, uniques: model.uniques, indexes: model.indexes };
  }
  return shape;
}

/** The shape of the `llm_` tables in a SQLite file, read with PRAGMA table_info and index_list. */
export function sqliteShape(file: string): DatabaseShape {
  const database = new Database(file, { readonly: true });
  try {
    const shape: DatabaseShape = {};
    const tables = database.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'llm\\_%' ESCAPE '\\'").all() as Array<{ name: string; sql: string }>;
    for (const { name, sql } of tables) {
      const info = database.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>;
      const table: TableShape = { columns: {}, primaryKey: [], uniques: [], indexes: [] };
      for (const column of info) {
        const autoincrement = column.pk > 0 && /AUTOINCREMENT/i.test(sql);
        const fallback = autoincrement ? 'autoincrement()' : column.dflt_value;
        // An INTEGER PRIMARY KEY aliases the rowid and never holds NULL, whatever notnull says.
        const nullable = column.notnull === 0 && column.pk === 0;
        table.columns[column.name] = { type: column.type, nullable, ...(fallback === null ? {} : { default: fallback }) };
      }
      table.primaryKey = info.filter((column) => column.pk > 0).sort((left, right) => left.pk - right.pk).map((column) => column.name);
      const indexes = database.prepare(`PRAGMA index_list("${name}")`).all() as Array<{ name: string; unique: number; origin: string }>;
      for (const index of indexes.filter((entry) => entry.origin === 'c')) {
        const columns = (database.prepare(`PRAGMA index_info("${index.name}")`).all() as Array<{ name: string }>).map((column) => column.name);
        (index.unique === 1 ? table.uniques : table.indexes).push(columns);
      }
      shape[name] = table;
    }
    return shape;
  } finally {
    database.close();
  }
}

const postgresqlIndexes = `
  SELECT t.relname AS "table", ix.indisunique AS "unique", ix.indisprimary AS "primary",
         array_agg(a.attname::text ORDER BY k.ordinality) AS "columns"
  FROM pg_index ix
  JOIN pg_class t ON t.oid = ix.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ordinality) ON true
  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
  WHERE n.nspname = current_schema() AND t.relname LIKE 'llm\\_%'
  GROUP BY t.relname, ix.indexrelid, ix.indisunique, ix.indisprimary`;

/** The shape of the `llm_` tables of a PostgreSQL database, read from information_schema and pg_index. */
export async function postgresqlShape(url: string): Promise<DatabaseShape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const shape: DatabaseShape = {};
    const columns = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      datetime_precision: number | null;
      is_nullable: string;
      column_default: string | null;
      collation_name: string | null;
    }>(
      "SELECT table_name, column_name, data_type, datetime_precision, is_nullable, column_default, collation_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name LIKE 'llm\\_%'",
    );
    for (const column of columns.rows) {
      const table = (shape[column.table_name] ??= { columns: {}, primaryKey: [], uniques: [], indexes: [] });
      const type = column.data_type === 'timestamp without time zone' ? `timestamp(${column.datetime_precision})` : column.data_type;
      const fallback = column.column_default?.startsWith('nextval(') ? 'autoincrement()' : column.column_default;
      table.columns[column.column_name] = {
        type,
        nullable: column.is_nullable === 'YES',
        ...(fallback === null ? {} : { default: fallback }),
        ...(column.collation_name === null ? {} : { collation: column.collation_name }),
      };
    }
    const indexes = await client.query<{ table: string; unique: boolean; primary: boolean; columns: string[] }>(postgresqlIndexes);
    for (const index of indexes.rows) {
      const table = shape[index.table];
      if (table === undefined) continue;
      if (index.primary) table.primaryKey = index.columns;
      else (index.unique ? table.uniques : table.indexes).push(index.columns);
    }
    return shape;
  } finally {
    await client.end();
  }
}
