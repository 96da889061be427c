// Derives the PostgreSQL variant of the Prisma schema from the SQLite one: the models are the same,
// only the datasource provider, the generator output and the header comment differ.

/**
 * The PostgreSQL schema text for a given SQLite schema text.
 * @param {string} sqliteSchema
 * @returns {string}
 */
export function toPostgresqlSchema(sqliteSchema) {
  const header =
    '// GENERATED from ../schema.prisma by scripts/generate.mjs (pnpm generate): edit that file instead.\n';
  return (
    header +
    sqliteSchema
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace('output                 = "../src/generated/sqlite"', 'output                 = "../../src/generated/postgresql"')
      // PostgreSQL's json type keeps the text as written (key order, \u0000); jsonb would not.
      .replace(/^(\s+\w+\s+Json\??)(\s*)$/gm, '$1 @db.Json')
  );
}
