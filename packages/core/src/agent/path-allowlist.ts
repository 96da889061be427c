import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { LlmActionsError } from '../errors/llm-actions-error.js';

/** Resolves file paths a tool was given, refusing anything outside the allowed directories. */
export interface PathAllowlist {
  /** The allowed directories, absolute. */
  readonly roots: readonly string[];
  /**
   * The real, absolute path of `candidate`, or `TOOL_REFUSED` (with `details.reason: 'path'`)
   * when it contains a `..` segment, is absolute outside every root, or leads outside
   * every root through a symbolic link. Relative paths are taken from the first root.
   * A path that does not exist yet is checked through its nearest existing parent.
   */
  resolve(candidate: string): Promise<string>;
}

function refuse(candidate: unknown, why: string, roots: readonly string[]): LlmActionsError {
  return new LlmActionsError({
    code: 'TOOL_REFUSED',
    message: `Path ${JSON.stringify(candidate)} is refused: ${why}. Use a path inside ${roots.map((root) => JSON.stringify(root)).join(' or ')}.`,
    details: { reason: 'path', path: candidate, roots: [...roots] },
  });
}

function inside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The real path of `target`: its nearest existing ancestor resolved, plus the parts that do not exist yet. */
async function realPathOf(target: string): Promise<string> {
  const missing: string[] = [];
  let current = target;
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing.reverse());
    } catch (error) {
      const parent = path.dirname(current);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) throw error;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/**
 * A path allowlist for file tools. Hand it to an agent as `policy.paths`, and list the
 * input keys that hold paths in the tool's `paths`; calls that escape are refused before
 * the tool runs, and the tool reads `context.paths.resolve(input.path)` for the real path.
 *
 * @example
 * ```ts
 * const allowlist = createPathAllowlist(['/srv/content']);
 * await allowlist.resolve('posts/1.md');   // '/srv/content/posts/1.md'
 * await allowlist.resolve('../etc/passwd'); // throws TOOL_REFUSED
 * ```
 */
export function createPathAllowlist(roots: readonly string[]): PathAllowlist {
  if (!Array.isArray(roots) || roots.length === 0 || roots.some((root) => typeof root !== 'string' || root.length === 0)) {
    throw new LlmActionsError({ code: 'INVALID_DEFINITION', message: 'A path allowlist needs at least one directory, as a non-empty string.', details: { roots } });
  }
  const absolute = roots.map((root) => path.resolve(root));
  let realRoots: Promise<string[]> | undefined;
  return {
    roots: absolute,
    async resolve(candidate) {
      if (typeof candidate !== 'string' || candidate.length === 0 || candidate.includes('\u0000')) throw refuse(candidate, 'it is not a non-empty path', absolute);
      if (candidate.split(/[\\/]+/).includes('..')) throw refuse(candidate, 'parent segments (..) are not allowed', absolute);
      const target = path.isAbsolute(candidate) ? path.resolve(candidate) : path.resolve(absolute[0] as string, candidate);
      if (!absolute.some((root) => inside(root, target))) throw refuse(candidate, 'it is outside the allowed directories', absolute);
      realRoots ??= Promise.all(absolute.map((root) => realPathOf(root)));
      let real: string;
      let allowed: string[];
      try {
        [real, allowed] = await Promise.all([realPathOf(target), realRoots]);
      } catch (error) {
        throw refuse(candidate, `it cannot be resolved (${(error as NodeJS.ErrnoException).code ?? String(error)})`, absolute);
      }
      if (!allowed.some((root) => inside(root, real))) throw refuse(candidate, 'a symbolic link leads outside the allowed directories', absolute);
      return real;
    },
  };
}
