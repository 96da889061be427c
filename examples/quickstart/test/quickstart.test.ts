import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const directory = fileURLToPath(new URL('..', import.meta.url));

describe('examples/quickstart', () => {
  it('previews, runs, proposes, shows diagnostics and history', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--conditions=@llm-actions/source', 'src/quickstart.ts'], {
      cwd: directory,
      env: { ...process.env, OLLAMA_HOST: 'http://127.0.0.1:9', OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '' },
      timeout: 60_000,
    });
    expect(stdout).toMatch(/Provider: .*SIMULATED/);
    expect(stdout).toContain('[user]\n   Write a two-sentence summary of the idea below for editors.\n   Title: Review queue for AI drafts');
    expect(stdout).toMatch(/-> succeeded in 1 attempt\(s\)/);
    expect(stdout).toMatch(/idea idea-42 · field "summary" · pending\n\+ .+/);
    for (const type of ['run:start', 'run:prompt', 'run:request', 'run:chunk', 'run:response', 'run:output', 'run:finish']) {
      expect(stdout).toContain(type);
    }
    expect(stdout).toMatch(/run_\w+ {2}succeeded {2}generate-summary@1/);
  });
});
