import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One scalar field of a Prisma model. */
export interface PrismaField {
  name: string;
  /** Prisma scalar type: String, Int, Float, Boolean, DateTime, Json. */
  type: string;
  optional: boolean;
  /** Literal of `@default(...)`, e.g. `0` or `autoincrement()`. */
  default?: string;
}

/** One model of a Prisma schema with the facts the drift test compares. */
export interface PrismaModel {
  name: string;
  /** Table name from `@@map`, or the model name. */
  table: string;
  fields: PrismaField[];
  /** Primary key columns, from `@id` or `@@id`. */
  primaryKey: string[];
  /** Unique indexes (`@@unique`), each as its column list. */
  uniques: string[][];
  /** Plain indexes (`@@index`), each as its column list. */
  indexes: string[][];
}

/** Path of a schema file shipped in this package, relative to the package root. */
export function schemaPath(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

function columnList(attribute: string): string[] {
  const inside = /\[([^\]]*)\]/.exec(attribute)?.[1] ?? '';
  return inside
    .split(',')
    .map((column) => column.trim())
    .filter((column) => column !== '');
}

function parseField(line: string): { field: PrismaField; isId: boolean } | undefined {
  const match = /^(\w+)\s+(\w+)(\?|\[\])?\s*(.*)$/.exec(line);
  if (match === null) return undefined;
  const [, name, type, modifier, attributes] = match as unknown as [string, string, string, string | undefined, string];
  if (modifier === '[]') throw new Error(`list field ${name} is not supported by this parser`);
  const field: PrismaField = { name, type, optional: modifier === '?' };
  const defaultValue = /@default\((.*?\)?)\)/.exec(attributes)?.[1];
  if (defaultValue !== undefined) field.default = defaultValue;
  return { field, isId: /@id\b/.test(attributes) };
}

/**
 * Parses the models of a Prisma schema: scalar fields with `@id`/`@default`, and the block
 * attributes `@@id`, `@@unique`, `@@index`, `@@map`. Relations and enums are not used by this
 * package and are rejected so the drift test never silently ignores them.
 */
export function parsePrismaSchema(text: string): PrismaModel[] {
  const models: PrismaModel[] = [];
  const blocks = text.matchAll(/^(model|enum|type)\s+(\w+)\s*\{([\s\S]*?)^\}/gm);
  for (const [, keyword, name, body] of blocks) {
    if (keyword !== 'model') throw new Error(`${keyword} ${name} is not supported by this parser`);
    const model: PrismaModel = { name: name as string, table: name as string, fields: [], primaryKey: [], uniques: [], indexes: [] };
    for (const rawLine of (body as string).split('\n')) {
      const line = rawLine.replace(/\/\/.*$/, '').trim();
      if (line === '') continue;
      if (line.startsWith('@@map')) model.table = /"([^"]+)"/.exec(line)?.[1] ?? model.table;
      else if (line.startsWith('@@id')) model.primaryKey = columnList(line);
      else if (line.startsWith('@@unique')) model.uniques.push(columnList(line));
      else if (line.startsWith('@@index')) model.indexes.push(columnList(line));
      else if (line.startsWith('@@')) throw new Error(`unsupported block attribute: ${line}`);
      else {
        const parsed = parseField(line);
        if (parsed === undefined) throw new Error(`cannot parse field line: ${line}`);
        model.fields.push(parsed.field);
        if (parsed.isId) model.primaryKey = [parsed.field.name];
      }
    }
    models.push(model);
  }
  return models;
}

/** Parses a schema file of this package, e.g. `prisma/schema.prisma`. */
export function readPrismaSchema(relative: string): PrismaModel[] {
  return parsePrismaSchema(readFileSync(schemaPath(relative), 'utf8'));
}
