import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));
const consumer = fileURLToPath(new URL('./fixtures/cjs-consumer.cjs', import.meta.url));

describe('a CommonJS consumer', () => {
  beforeAll(async () => {
    // The consumer loads the published entry points (dist), as a host app would.
    for (const name of ['core', 'store-memory']) {
      if (!existsSync(`${root}/packages/${name}/dist/index.js`)) {
        await run('pnpm', ['--filter', `@llm-actions/${name}`, 'build'], { cwd: root });
      }
    }
  }, 120_000);

  it('can require() @llm-actions/core, its testing subpath and the memory store, and run an action', async () => {
    const { stdout, stderr } = await run(process.execPath, [consumer], { cwd: root });
    expect(JSON.parse(stdout)).toEqual({ output: 'Echo: Summarize: HELLO FROM REQUIRE', status: 'succeeded', isError: 'function' });
    expect(stderr).not.toMatch(/Error/);
  });
});
