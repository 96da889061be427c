import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';

/**
 * Test-only workaround. The root vitest config lists `import` and `module` in
 * `ssr.resolve.conditions`, and vitest passes those to Node as `--conditions`, which also apply
 * to `require()`. Dual packages then hand their ESM build to CommonJS callers: `pg` requires
 * `pg-pool` and gets a module namespace instead of the Pool class ("Class extends value [object
 * Module] is not a constructor"). While that flag is present, this resolves bare `require()`
 * calls of packages that declare a `require` export to that file, as Node would without the
 * flag. It does nothing when the conditions do not include `import`. Import it before `pg`.
 */
const conditions = process.execArgv.flatMap((argument, index, all) =>
  argument === '--conditions' || argument === '-C' ? [all[index + 1]] : argument.startsWith('--conditions=') ? [argument.slice(13)] : [],
);

type Resolve = (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;
const internals = Module as unknown as { _resolveFilename: Resolve; _nodeModulePaths(from: string): string[] };

function requireEntry(request: string, parentFile: string): string | undefined {
  if (request.startsWith('.') || request.startsWith('/') || request.startsWith('node:') || request.includes('/')) return undefined;
  for (const directory of internals._nodeModulePaths(join(parentFile, '..'))) {
    const manifest = join(directory, request, 'package.json');
    if (!existsSync(manifest)) continue;
    const exportsField = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, unknown> }).exports;
    const root = exportsField?.['.'];
    const target = typeof root === 'object' && root !== null ? (root as Record<string, unknown>).require : undefined;
    return typeof target === 'string' ? join(directory, request, target) : undefined;
  }
  return undefined;
}

if (conditions.includes('import')) {
  const original = internals._resolveFilename;
  internals._resolveFilename = function resolveWithRequireCondition(request, parent, ...rest) {
    const parentFile = parent?.filename;
    const entry = typeof parentFile === 'string' ? requireEntry(request, parentFile) : undefined;
    return entry ?? original.call(this, request, parent, ...rest);
  };
}
