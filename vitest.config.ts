import { defineConfig } from 'vitest/config';

// Workspace packages resolve each other's TypeScript sources through the
// "@llm-actions/source" export condition, so tests need no build step.
// No "module" condition: Node would then load bundler-only builds (e.g. @opentelemetry/api's).
const conditions = ['@llm-actions/source', 'import', 'node', 'default'];

// Type tests (*.test-d.ts) are compiled by `pnpm typecheck` (tsc --noEmit), where a
// failed expectTypeOf is a compile error; running vitest's typecheck too would double the cost.
export default defineConfig({
  resolve: { conditions },
  // Node also applies SSR conditions to require(): "import" there would hand CommonJS packages
  // (pg -> pg-pool) their ESM builds.
  ssr: { resolve: { conditions: ['@llm-actions/source', 'node', 'default'], externalConditions: ['@llm-actions/source'] } },
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'all',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'benchmarks/test/**/*.test.ts'],
        },
      },
      {
        // The runner's behaviours (runs, retries, proposals, chains, batches, budgets,
        // A/B) once more on the embedded SQLite store.
        extends: true,
        test: {
          name: 'core-on-sqlite',
          include: ['packages/core/test/**/*.test.ts'],
          exclude: ['packages/core/test/primitives.test.ts', 'packages/core/test/cjs-consumer.test.ts'],
          env: { LLM_ACTIONS_TEST_STORE: 'sqlite' },
        },
      },
    ],
  },
});
