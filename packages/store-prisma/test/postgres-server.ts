import './require-conditions.js';
import { execFileSync } from 'node:child_process';
import { accessSync, chownSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

/** A throwaway PostgreSQL server on 127.0.0.1, owned by the test that started it. */
export interface PostgresServer {
  /** Connection string of the database `database` on this server. */
  url(database: string): string;
  /**
   * Creates an empty database and returns its connection string. `icuLocale` gives it an ICU
   * default collation (e.g. `en-US`) instead of the server's binary "C".
   */
  createDatabase(name: string, options?: { icuLocale?: string }): Promise<string>;
  /** Stops the server and deletes its files. Safe to call twice. */
  stop(): void;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((directory) => {
    try {
      accessSync(join(directory, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Runs a shell command as the `postgres` user when we are root (initdb refuses to run as root),
 * or directly otherwise.
 */
function runAsPostgres(command: string): void {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('su', ['postgres', '-s', '/bin/bash', '-c', command], { stdio: 'pipe' });
  else execFileSync('/bin/bash', ['-c', command], { stdio: 'pipe' });
}

/**
 * Starts PostgreSQL with initdb and pg_ctl in a temporary directory, on a free port of
 * 127.0.0.1 with its socket in that directory. Resolves undefined (after printing why) when the
 * binaries are missing, unless `CI=true`, where a missing server is an error. The server is also
 * stopped when the process exits, so a crashed test run leaves nothing behind.
 */
export async function startPostgresServer(): Promise<PostgresServer | undefined> {
  if (!onPath('initdb') || !onPath('pg_ctl')) {
    const message = 'PostgreSQL binaries (initdb, pg_ctl) are not on the PATH';
    if (process.env.CI === 'true') throw new Error(`${message}; CI must run the PostgreSQL tests. Install PostgreSQL 15.`);
    console.warn(`[llm-actions/store-prisma] ${message}: skipping the PostgreSQL tests.`);
    return undefined;
  }
  const directory = mkdtempSync(join(tmpdir(), 'llm-actions-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(directory, uid, gid);
  }
  const data = join(directory, 'data');
  const port = await freePort();
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    try {
      runAsPostgres(`pg_ctl -D '${data}' -m immediate -w stop`);
    } catch {
      // The server may never have started; deleting its files is all that is left to do.
    }
    rmSync(directory, { recursive: true, force: true });
  };
  process.on('exit', stop);
  try {
    runAsPostgres(`initdb -D '${data}' -U postgres --auth=trust --encoding=UTF8 --no-locale --no-sync`);
    const options = `-p ${port} -k '${directory}' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    runAsPostgres(`pg_ctl -D '${data}' -o "${options}" -l '${join(directory, 'log')}' -w -t 60 start`);
  } catch (error) {
    stop();
    throw error;
  }
  const url = (database: string): string => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase(name, options = {}) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const icu = options.icuLocale === undefined ? '' : ` TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '${options.icuLocale}'`;
        await client.query(`CREATE DATABASE "${name}"${icu}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop,
  };
}
