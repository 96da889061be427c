/**
 * Child process of benchmark 5, started with `node --expose-gc`: runs N actions into a fresh
 * memory store and prints, as one JSON line, how much the heap grew once garbage was collected.
 */
import { createMemoryStore } from '@llm-actions/store-memory';
import { benchSubject, createBenchLlm, summaryAction, zeroLatencyProvider } from './scenario.js';

const collect = (globalThis as { gc?: () => void }).gc;
if (collect === undefined) throw new Error('memory-child.ts needs node --expose-gc');

function settledHeap(): number {
  for (let index = 0; index < 3; index += 1) collect!();
  return process.memoryUsage().heapUsed;
}

const runs = Number(process.argv[2] ?? 10_000);
const store = createMemoryStore();
const llm = createBenchLlm(zeroLatencyProvider(), store);
// Warm-up in the same store: saves the action version and compiles the template once.
for (let index = 0; index < 50; index += 1) await llm.run(summaryAction, benchSubject(-1));
const before = settledHeap();
const rssBefore = process.memoryUsage().rss;
let lastRunId = '';
for (let index = 0; index < runs; index += 1) lastRunId = (await llm.run(summaryAction, benchSubject(index + 1))).run.id;
const after = settledHeap();
const stored = await store.runs.get(lastRunId);
const proposal = stored?.proposalId ? await store.proposals.get(stored.proposalId) : undefined;
const page = await llm.runs.list({ limit: 1 });
console.log(
  JSON.stringify({
    runs,
    heapGrowthBytes: after - before,
    rssGrowthBytes: process.memoryUsage().rss - rssBefore,
    runJsonBytes: JSON.stringify(stored).length,
    proposalJsonBytes: JSON.stringify(proposal ?? null).length,
    events: stored?.events.length ?? 0,
    // Runs of the same millisecond order by id (random within it), so the check is on createdAt.
    newest: page.items[0]?.createdAt === stored?.createdAt,
  }),
);
