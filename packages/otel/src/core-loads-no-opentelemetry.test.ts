import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const execute = promisify(execFile);
const packageDirectory = fileURLToPath(new URL('..', import.meta.url));
const coreDirectory = fileURLToPath(new URL('../../core/', import.meta.url));

// A resolve hook that refuses every @opentelemetry/* import, so an import of OpenTelemetry
// anywhere below the imported module fails loudly; require() calls are caught by the cache check.
const denyHooks = `export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith('@opentelemetry/')) throw new Error('OpenTelemetry imported: ' + specifier + ' from ' + context.parentURL);
  return nextResolve(specifier, context);
}`;
const probe = `await import(process.env.PROBE_TARGET);
const { createRequire } = await import('node:module');
const required = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('@opentelemetry'));
if (required.length > 0) throw new Error('OpenTelemetry required: ' + required.join(', '));
console.log('no OpenTelemetry loaded');`;

let hooksDirectory: string;
beforeAll(async () => {
  hooksDirectory = await mkdtemp(join(tmpdir(), 'llm-actions-otel-'));
  await writeFile(join(hooksDirectory, 'deny-hooks.mjs'), denyHooks);
  await writeFile(join(hooksDirectory, 'register.mjs'), `import { register } from 'node:module';\nregister('./deny-hooks.mjs', import.meta.url);\n`);
});
afterAll(async () => {
  await rm(hooksDirectory, { recursive: true, force: true });
});

/** Imports `target` from source in plain Node with @opentelemetry/* imports refused. */
async function importWithoutOpenTelemetry(target: string): Promise<{ ok: boolean; output: string }> {
  const register = join(hooksDirectory, 'register.mjs');
  const args = ['--conditions=@llm-actions/source', '--import', 'tsx', '--import', register, '--input-type=module', '-e', probe];
  try {
    const { stdout } = await execute(process.execPath, args, { cwd: packageDirectory, env: { ...process.env, PROBE_TARGET: target }, timeout: 60_000 });
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: string }).stderr ?? error) };
  }
}

async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => join(entry.parentPath, entry.name));
}

describe('nothing of OpenTelemetry is loaded unless the bridge is used', () => {
  it('imports @llm-actions/core and its testing subpath without loading OpenTelemetry', async () => {
    for (const target of ['@llm-actions/core', '@llm-actions/core/testing']) {
      const result = await importWithoutOpenTelemetry(target);
      expect(result.output).toContain('no OpenTelemetry loaded');
      expect(result.ok).toBe(true);
    }
  });

  it('catches an import of OpenTelemetry: importing the bridge itself fails under the same check', async () => {
    const result = await importWithoutOpenTelemetry('@llm-actions/otel');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('OpenTelemetry imported: @opentelemetry/api');
  });

  it('has no @opentelemetry reference in core\'s sources or dependencies', async () => {
    const files = await sourceFiles(join(coreDirectory, 'src'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain('@opentelemetry');
    const manifest = JSON.parse(await readFile(join(coreDirectory, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const dependencies = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) => Object.keys(manifest[field] ?? {}));
    expect(dependencies.filter((name) => name.startsWith('@opentelemetry/'))).toEqual([]);
  });
});
