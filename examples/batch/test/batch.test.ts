import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const directory = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'llm-actions-batch-'));
const db = join(scratch, 'batch.db');

/** Runs the example; with `interruptAt`, sends SIGINT once that many posts are done. */
function runExample(args: string[], interruptAt?: number): Promise<{ stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@llm-actions/source', 'src/main.ts', '--db', db, ...args], { cwd: directory });
    let stdout = '';
    let interrupted = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const done = [...stdout.matchAll(/progress \[[#.]+\] (\d+)\/50/g)].map((match) => Number(match[1]));
      if (interruptAt !== undefined && !interrupted && done.some((count) => count >= interruptAt)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, code }));
  });
}

describe('examples/batch', () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('runs 50 posts, stops cleanly on Ctrl-C, and resumes without redoing finished posts', async () => {
    const first = await runExample(['--concurrency', '4', '--latency', '40'], 10);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Interrupted: finishing the runs in flight as cancelled');
    const cancelled = /Batch run_\w+: cancelled; (\d+) succeeded, 0 failed, 0 skipped/.exec(first.stdout);
    expect(cancelled).not.toBeNull();
    const doneBefore = Number(cancelled![1]);
    expect(doneBefore).toBeGreaterThanOrEqual(10);
    expect(doneBefore).toBeLessThan(50);

    const second = await runExample(['--resume', '--concurrency', '8', '--latency', '5']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`Batch run_\\w+: succeeded; ${50 - doneBefore} succeeded, 0 failed, ${doneBefore} skipped`));
    expect(second.stdout).toMatch(/progress \[#{30}\] 50\/50/);
  }, 120_000);
});
