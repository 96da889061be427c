/**
 * Batch example: summarizes 50 posts with bounded concurrency and a rate limit, drawing
 * a progress bar. Ctrl-C stops it cleanly (runs in flight end `cancelled`); running it
 * again with --resume skips the posts already summarized by the same action version.
 *
 *   pnpm --filter @llm-actions/example-batch start -- [--resume] [--db .data/batch.db]
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createLlmActions } from '@llm-actions/core';
import { createOllama } from '@llm-actions/provider-ollama';
import { createSqliteStore } from '@llm-actions/store-prisma';
import { createOllamaFake } from '@llm-actions/testing';
import { createProgressPrinter } from './progress-bar.js';
import { samplePosts, summarizePost } from './posts.js';

const { values } = parseArgs({
  options: {
    resume: { type: 'boolean', default: false },
    db: { type: 'string', default: '.data/batch.db' },
    count: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '8' },
    rpm: { type: 'string', default: '1200' },
    latency: { type: 'string', default: '60' },
  },
});

mkdirSync(dirname(values.db), { recursive: true });
const fake = await createOllamaFake();
fake.setDefaultReply({ text: 'A one-sentence summary of the post.', delayMs: Number(values.latency) });
console.log(`Model: Ollama protocol fake at ${fake.baseURL} (SIMULATED replies, ${values.latency} ms each)`);
console.log(`Store: SQLite ${values.db}; concurrency ${values.concurrency}, limit ${values.rpm} requests/min`);

const store = await createSqliteStore({ file: values.db });
const llm = createLlmActions({
  providers: [createOllama({ baseURL: fake.baseURL })],
  store,
  rateLimits: { 'ollama/*': { requestsPerMinute: Number(values.rpm) } },
});

const controller = new AbortController();
process.once('SIGINT', () => {
  console.log('\nInterrupted: finishing the runs in flight as cancelled...');
  controller.abort();
});

const result = await llm.runMany(summarizePost, samplePosts(Number(values.count)), {
  concurrency: Number(values.concurrency),
  resume: values.resume,
  signal: controller.signal,
  onProgress: createProgressPrinter(),
});

const { progress } = result;
console.log(`Batch ${result.batchRunId}: ${result.status}; ${progress.succeeded} succeeded, ${progress.failed} failed, ${progress.skipped} skipped`);
if (result.status === 'cancelled') console.log('Run again with --resume to finish the rest.');
await store.close();
await fake.close();
