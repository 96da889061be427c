import { afterAll, describe, expect, it, vi } from 'vitest';
import { createOllamaFake } from '../fakes/ollama-fake.js';
import { runProviderConformance } from './run-provider-conformance.js';

// Every case is declared skipped: the suite must register them as skipped tests and print why.
const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
const reason = 'exercising declared skips';
const all = [
  'plain-text', 'system-prompt', 'settings', 'stream-matches-generate', 'json-schema', 'tool-round-trip',
  'streamed-tool-call', 'usage-and-finish-reason', 'unsupported-warnings', 'list-models',
  'auth-error', 'model-not-found', 'rate-limit-retry-after', 'server-errors', 'stream-dropped', 'generate-abort', 'stream-abort',
  'core-auth-not-retried', 'core-not-found', 'core-retry-after', 'core-server-retried', 'core-stream-drop-not-retried',
  'core-abort', 'core-attempt-timeout',
];

runProviderConformance({
  name: 'skip-everything',
  createProvider: () => ({ specificationVersion: 'v1', id: 'unused', doGenerate: () => Promise.reject(new Error('must not be called')) }),
  createFake: createOllamaFake,
  skip: [{ tests: all, reason }],
});

describe('runProviderConformance skips', () => {
  afterAll(() => info.mockRestore());
  it('prints each declared skip with its reason', () => {
    // The suite's describe body ran during collection, before this test.
    const printed = info.mock.calls.map((call) => String(call[0]));
    for (const id of all) expect(printed).toContain(`[llm-actions/testing] skip-everything conformance: skipped "${id}" (${reason})`);
  });
});
