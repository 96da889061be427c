import { defineConfig } from 'tsup';

/**
 * The build every published package shares: ESM only, with .d.ts files and source maps,
 * for Node 20 (see docs/decisions/0001-esm-only-packages.md).
 */
export function packageConfig(entry: Record<string, string> = { index: 'src/index.ts' }) {
  return defineConfig({ entry, format: ['esm'], dts: true, sourcemap: true, clean: true, target: 'node20' });
}
