/**
 * An agent fills the missing summaries of several blog posts with an LLM Action as its
 * tool, stops for approval, is approved, applies the summaries, is rolled back (every field
 * back to its previous value) and is replayed from its records without calling a model.
 */
import { isDeepStrictEqual } from 'node:util';
import { createAgentRuntime } from '@llm-actions/core';
import { createMemoryStore } from '@llm-actions/store-memory';
import { chooseProvider } from './choose-provider.js';
import { heading, printApproval, printPosts, printRun } from './print.js';
import { createHost, samplePosts, summaryAgent } from './sample-posts.js';

const choice = await chooseProvider();
console.log('@llm-actions agent-review');
console.log(`Provider: ${choice.description}`);

const host = createHost();
const store = createMemoryStore();
const agent = summaryAgent(choice.model, host);
const options = { providers: [choice.provider], store, apply: host.apply, agents: [agent] };
const runtime = createAgentRuntime(options);
runtime.events.onAny((event) => {
  if (event.type === 'agent:approval:requested' || event.type === 'agent:snapshot' || event.type === 'agent:rollback') console.log(`   [event] ${event.type}`);
});

heading('Posts before');
printPosts(host.posts.values());

heading('1. Start the agent');
let result = await runtime.start(agent, 'Fill in the missing post summaries.', { user: 'agent-review' });
printRun(result);

while (result.run.status === 'awaiting-approval') {
  heading('2. Review: steps waiting for approval');
  for (const step of result.awaitingApproval) printApproval(step);
  for (const step of result.awaitingApproval) await runtime.approve(result.run.id, step.id, { by: 'editor@example.com', note: 'Reads well' });
  console.log(`   approved ${result.awaitingApproval.length} step(s) as editor@example.com`);
  heading('3. Resume (a fresh runtime over the same store, as another process would)');
  const fresh = createAgentRuntime({ ...options, providers: [choice.provider] });
  result = await fresh.resume(result.run.id);
  printRun(result);
}
if (result.output !== undefined) console.log(`   answer: ${result.output}`);

heading('Posts after the agent');
printPosts(host.posts.values());

heading('4. Journal');
for (const entry of await runtime.journal(result.run.id)) {
  const approval = entry.approval ? ` · approved by ${entry.approval.by}` : '';
  console.log(`   ${entry.seq}. ${entry.kind} ${entry.toolName} ${JSON.stringify(entry.input)}${approval}${entry.inverse ? ' · undoable' : ''}`);
}

heading('5. Roll back every change');
const rollback = await runtime.rollback(result.run.id, { to: 'start', by: 'editor@example.com' });
console.log(`   undone ${rollback.undone.length} change(s), newest first: ${rollback.undone.map((entry) => `#${entry.undoes}`).join(', ')}`);
printPosts(host.posts.values());
const restored = isDeepStrictEqual([...host.posts.values()], [...samplePosts().values()]);
console.log(`   every field back to its previous value: ${restored ? 'yes' : 'NO'}`);

heading('6. Replay from the records (no model is called)');
const requestsBefore = choice.requests();
const replay = await runtime.replay(result.run.id);
for (const decision of replay.decisions) {
  const shown = decision.kind === 'model' ? 'request to the model' : `${decision.toolName}: ${decision.recorded} -> ${decision.replayed}`;
  console.log(`   #${decision.index} ${shown.padEnd(48)} ${decision.matched ? 'matched' : 'DIFFERS'}`);
}
console.log(`   every decision matched: ${replay.matched ? 'yes' : 'no'} · recorded model responses used: ${replay.modelResponsesUsed} · model calls during replay: ${choice.requests() - requestsBefore}`);

await choice.close();
if (!restored) process.exitCode = 1;
