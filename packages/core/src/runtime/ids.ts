import { randomFillSync } from 'node:crypto';

// Random bytes are drawn 4 KiB at a time: one system call per 256 ids.
const pool = new Uint8Array(4096);
let poolOffset = pool.length;

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A sortable unique id: 10 characters of millisecond time, then 16 random ones
 * (Crockford base32, lowercase), with an optional prefix. Ids created later sort later
 * (within one millisecond, order is random).
 */
export function createId(prefix = '', now: number = Date.now()): string {
  let time = '';
  let rest = now;
  for (let index = 0; index < 10; index++) {
    time = alphabet[rest % 32] + time;
    rest = Math.floor(rest / 32);
  }
  if (poolOffset + 16 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  let random = '';
  for (let index = poolOffset; index < poolOffset + 16; index++) random += alphabet[pool[index]! & 31];
  poolOffset += 16;
  return `${prefix}${time}${random}`;
}

/** Generates ids for runs and proposals; hosts may inject their own. */
export type IdGenerator = (kind: 'run' | 'proposal') => string;

/** The default generator: `run_…` and `prop_…` sortable ids. */
export const defaultIdGenerator: IdGenerator = (kind) => createId(kind === 'run' ? 'run_' : 'prop_');
