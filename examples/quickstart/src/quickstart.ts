/**
 * The quickstart: the first flow of @llm-actions on one sample record.
 * 1. preview the full message, 2. run the action (streaming), 3. print the proposal,
 * 4. the run's diagnostics as a timeline, 5. the run history.
 */
import { createLlmActions } from '@llm-actions/core';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createSqliteStore } from '@llm-actions/store-prisma';
import { heading, printHistory, printMessages, printProposal, printTimeline } from './print.js';
import { chooseProvider } from './choose-provider.js';
import { generateSummary, sampleIdea } from './sample-data.js';

const choice = await chooseProvider();
console.log('@llm-actions quickstart');
console.log(`Provider: ${choice.description}`);

// The embedded default: a SQLite file, so the history below grows run after run.
const file = process.env.QUICKSTART_DB || '.data/quickstart.db';
mkdirSync(dirname(file), { recursive: true });
const store = await createSqliteStore({ file });
console.log(`Store: SQLite file ${file}`);
const llm = createLlmActions({ providers: [choice.provider], store });
const action = { ...generateSummary, model: choice.model };

heading('1. Preview: the full message the model will see');
const preview = await llm.preview(action, sampleIdea, { context: { audience: 'editors' } });
printMessages(preview.messages);

heading('2. Run');
process.stdout.write('   ');
const result = await llm.run(action, sampleIdea, {
  stream: true,
  context: { audience: 'editors' },
  user: 'quickstart',
  onChunk: (delta) => process.stdout.write(delta),
});
console.log(`\n   -> ${result.run.status} in ${result.run.attempts} attempt(s), ${result.run.usage?.inputTokens ?? '?'} in / ${result.run.usage?.outputTokens ?? '?'} out tokens`);

heading('3. Proposal (pending review, nothing written yet)');
if (result.proposal) printProposal(result.proposal);

heading('4. Diagnostics: the run as a timeline');
printTimeline(result.run);

heading('5. Run history (newest first, kept in the SQLite file)');
const history = await llm.runs.list({ actionId: generateSummary.id, limit: 10 });
printHistory(history.items);
if (history.items.length === 1) console.log('Run the quickstart again: this run will show up here.');

await store.close();
await choice.close();
