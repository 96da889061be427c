import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const execute = promisify(execFile);
const directory = fileURLToPath(new URL('..', import.meta.url));

describe('examples/chain-blog-post', () => {
  it('runs idea -> summary -> title -> tags -> SEO description under one chain run, honouring the condition', async () => {
    const { stdout } = await execute(process.execPath, ['--import', 'tsx', '--conditions=@llm-actions/source', 'src/main.ts'], { cwd: directory, timeout: 60_000 });
    expect(stdout).toMatch(/Chain run_\w+: succeeded/);
    expect(stdout).toContain('title    succeeded -> "One queue to review every AI draft"');
    expect(stdout).toContain('tags     succeeded -> {"tags":["editorial","ai","workflow"]}');
    expect(stdout).toContain('seo      succeeded -> "See every AI-generated change as a diff and apply or reject it in one click."');
    expect(stdout).toContain('seo: {"description":"See every AI-generated change as a diff and apply or reject it in one click."}');
    expect(stdout.match(/└ run_\w+ post-[a-z-]+@1 succeeded/g)).toHaveLength(4);
    expect(stdout).toContain('A post that has a title: title step skipped, chain succeeded, 7 model calls in all');
  });
});
