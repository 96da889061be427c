import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const directory = fileURLToPath(new URL('..', import.meta.url));

describe('examples/custom-provider', () => {
  it('runs an action through the Acme provider: retry after 429, streaming, wire body, diagnostics', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--conditions=@llm-actions/source', 'src/main.ts'], {
      cwd: directory,
      env: { ...process.env, ACME_API_KEY: '' },
      timeout: 60_000,
    });
    expect(stdout).toMatch(/Server: local Acme fake at http:\/\/127\.0\.0\.1:\d+\/v1 \(SIMULATED/);
    expect(stdout).toContain('   acme-text-small, acme-text-large');
    expect(stdout).toMatch(/retry 1: .*Acme answered 429 rate_limited.* -> waiting 1000 ms/);
    expect(stdout).toContain('   Boil only what you pour.\n   -> succeeded in 2 attempt(s), 31 in / 6 out tokens');
    expect(stdout).toContain('output: "Boil only what you pour."');
    expect(stdout).toContain('"system":"You write short product taglines."');
    expect(stdout).toContain('"max_tokens":40,"temperature":0.7,"stream":true}');
    expect(stdout).not.toContain('"top_k"');
    expect(stdout).toContain('authorization header sent: yes');
    expect(stdout).toContain('warning: topK unsupported');
    expect(stdout).toContain('finish reason: stop (raw "end")');
    expect(stdout).toContain('raw request headers: {"x-demo":"custom-provider","accept":"application/x-ndjson"}');
    expect(stdout).toContain('API key anywhere in the stored run: no');
  });
});
