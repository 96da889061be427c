/**
 * Chain example: one idea becomes a summary, a title (only when the post has none),
 * tags (validated JSON) and an SEO description, each step a run under one chain run.
 */
import { createLlmActions, type Subject } from '@llm-actions/core';
import { createOllama } from '@llm-actions/provider-ollama';
import { createMemoryStore } from '@llm-actions/store-memory';
import { createOllamaFake } from '@llm-actions/testing';
import { blogPostChain } from './blog-post-chain.js';

const fake = await createOllamaFake();
fake.enqueue(
  { text: 'Editors review AI drafts in one queue. Each suggestion shows a diff. One click applies or rejects it.' },
  { text: 'One queue to review every AI draft' },
  { text: '{"tags": ["editorial", "ai", "workflow"]}' },
  { text: 'See every AI-generated change as a diff and apply or reject it in one click.' },
);
console.log(`Model: Ollama protocol fake at ${fake.baseURL} (SIMULATED replies)`);

const store = createMemoryStore();
const llm = createLlmActions({ providers: [createOllama({ baseURL: fake.baseURL })], store });
const post: Subject = { type: 'post', id: 'post-7', fields: { idea: 'A single review queue for everything AI writes into our CMS.' } };

const result = await llm.runChain(blogPostChain, post, { user: 'editor' });
console.log(`Chain ${result.chainRunId}: ${result.status}`);
for (const [id, step] of Object.entries(result.steps)) {
  const output = step.output === undefined ? '' : ` -> ${JSON.stringify(step.output)}`;
  console.log(`  ${id.padEnd(8)} ${step.status}${output}`);
}
console.log('\nFields after the chain (proposed, not yet applied):');
for (const [field, value] of Object.entries(result.subject.fields)) console.log(`  ${field}: ${JSON.stringify(value)}`);

console.log('\nRun tree:');
const children = await llm.runs.list({ parentRunId: result.chainRunId });
console.log(`  ${result.chainRunId} (chain)`);
for (const run of [...children.items].reverse()) console.log(`    └ ${run.id} ${run.actionId}@${run.actionVersion} ${run.status}`);

fake.enqueue({ text: 'A second summary.' }, { text: '{"tags": ["ai"]}' }, { text: 'A second description.' });
const titled = await llm.runChain(blogPostChain, { ...post, id: 'post-8', fields: { ...post.fields, title: 'Already titled' } });
console.log(`\nA post that has a title: title step ${titled.steps.title.status}, chain ${titled.status}, ${fake.requests.filter((request) => request.path === '/api/chat').length} model calls in all`);
await fake.close();
