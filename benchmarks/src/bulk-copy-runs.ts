/**
 * Seeds many runs fast in the SQL stores: copies rows the store itself wrote, with new ids, in
 * plain SQL. Writing 100,000 runs one `runs.create` at a time would take minutes and measure
 * nothing the throughput table does not already show.
 */

/** The raw-SQL half of a Prisma client. */
export interface RawClient {
  $executeRawUnsafe(query: string): PromiseLike<number>;
  $queryRawUnsafe(query: string): PromiseLike<unknown>;
}

/** Which SQL dialect the client speaks. */
export type Dialect = 'sqlite' | 'postgresql';

/** Copies `count` runs from the rows whose id starts with `prefix`; returns how many were inserted. */
export type CopyRuns = (prefix: string, count: number) => Promise<number>;

const columnQueries: Record<Dialect, string> = {
  sqlite: `SELECT name FROM pragma_table_info('llm_runs')`,
  postgresql: `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'llm_runs' ORDER BY ordinal_position`,
};

/**
 * A `CopyRuns` for a Prisma client. Each statement inserts one copy of every source row (ids
 * suffixed `~k`, everything else equal, so the filter ratios of the source rows hold).
 */
export function sqlRunCopier(client: RawClient, dialect: Dialect): CopyRuns {
  return async (prefix, count) => {
    if (!/^[a-z0-9-]+$/.test(prefix)) throw new Error(`unsafe run id prefix ${prefix}`);
    const rows = (await client.$queryRawUnsafe(columnQueries[dialect])) as Array<{ name: string }>;
    const columns = rows.map((row) => row.name);
    if (!columns.includes('id')) throw new Error('llm_runs has no id column');
    const counted = (await client.$queryRawUnsafe(`SELECT COUNT(*) AS sources FROM "llm_runs" WHERE "id" LIKE '${prefix}-%'`)) as Array<{
      sources: number | bigint;
    }>;
    const perCopy = Number(counted[0]?.sources ?? 0);
    if (perCopy === 0) throw new Error(`no runs with ids starting ${prefix}- to copy`);
    const list = columns.map((column) => `"${column}"`).join(', ');
    let inserted = 0;
    for (let copy = 1; inserted < count; copy += 1) {
      const values = columns.map((column) => (column === 'id' ? `"id" || '~${copy}'` : `"${column}"`)).join(', ');
      const limit = Math.min(perCopy, count - inserted);
      inserted += await client.$executeRawUnsafe(
        `INSERT INTO "llm_runs" (${list}) SELECT ${values} FROM "llm_runs" WHERE "id" LIKE '${prefix}-%' ORDER BY "id" LIMIT ${limit}`,
      );
    }
    // PostgreSQL's autovacuum would gather statistics on a table this size; do it now.
    if (dialect === 'postgresql') await client.$executeRawUnsafe('ANALYZE "llm_runs"');
    return inserted;
  };
}
