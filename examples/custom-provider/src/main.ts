/**
 * The custom-provider demo: the Acme provider (written on plain fetch in this example)
 * registered with core and run against a local fake of the invented Acme Text API.
 * 1. list the models, 2. run an action whose first attempt is rate limited, so core
 * retries after the server's Retry-After, 3. show what reached the wire and what core
 * stored for diagnostics (warnings, usage, raw exchange, no API key).
 */
import { createLlmActions, defineAction, type LlmActionsEvent } from '@llm-actions/core';
import { createMemoryStore } from '@llm-actions/store-memory';
import { createAcmeFake } from './acme-fake.js';
import { createAcme } from './acme-provider.js';

const apiKey = 'acme-demo-key-123';
const fake = await createAcmeFake();
console.log('@llm-actions custom provider: the Acme Text API on plain fetch');
console.log(`Server: local Acme fake at ${fake.baseURL} (SIMULATED replies; the Acme Text API is invented)`);

const acme = createAcme({ baseURL: fake.baseURL, apiKey, headers: { 'x-demo': 'custom-provider' } });
const llm = createLlmActions({ providers: [acme], store: createMemoryStore() });
llm.events.on('run:retry', (event) => {
  console.log(`   retry ${event.data.attempt}: ${event.data.error.message} -> waiting ${event.data.delayMs} ms`);
});

console.log('\n1. Models');
console.log(`   ${(await acme.listModels()).map((model) => model.id).join(', ')}`);

const writeTagline = defineAction({
  id: 'write-tagline',
  name: 'Write a tagline from description',
  sources: ['description'],
  destination: 'tagline',
  prompts: { system: 'You write short product taglines.', instructions: 'Write a tagline of at most six words for:\n{{ input }}' },
  model: 'acme/acme-text-small',
  // topK is not part of the Acme API: the provider reports it as a warning instead of failing.
  settings: { temperature: 0.7, maxOutputTokens: 40, topK: 20 },
});
const product = { type: 'product', id: 'kettle-7', fields: { description: 'A kettle that boils exactly the amount of water you pour.' } };

// The first attempt gets a 429 with Retry-After; the second answers in four pieces.
fake.enqueue(
  { error: { status: 429, message: 'Too many requests for this key.', headers: { 'retry-after': '1' } } },
  { chunks: ['Boil ', 'only ', 'what ', 'you pour.'], usage: { inputTokens: 31, outputTokens: 6 } },
);

console.log('\n2. Run (streaming)');
let firstChunk = true;
const result = await llm.run(writeTagline, product, {
  stream: true,
  onChunk: (delta) => {
    process.stdout.write(firstChunk ? `   ${delta}` : delta);
    firstChunk = false;
  },
});
console.log(`\n   -> ${result.run.status} in ${result.run.attempts} attempt(s), ${result.run.usage?.inputTokens} in / ${result.run.usage?.outputTokens} out tokens`);
console.log(`   output: ${JSON.stringify(result.output)}`);

console.log('\n3. What reached the Acme API (last request body)');
const sent = fake.requests.filter((request) => request.path === '/v1/generate').at(-1);
console.log(`   ${JSON.stringify(sent?.body)}`);
console.log(`   authorization header sent: ${sent?.headers.authorization === `Bearer ${apiKey}` ? 'yes' : 'no'}`);

console.log('\n4. Diagnostics stored with the run');
const response = result.run.events.find((event) => event.type === 'run:response') as LlmActionsEvent<'run:response'> | undefined;
for (const warning of response?.data.warnings ?? []) {
  console.log(`   warning: ${warning.type === 'unsupported-setting' ? `${warning.setting} unsupported (${warning.details})` : warning.message}`);
}
console.log(`   finish reason: ${response?.data.finishReason.unified} (raw "${response?.data.finishReason.raw}")`);
console.log(`   raw request headers: ${JSON.stringify((response?.data.request as { headers?: unknown } | undefined)?.headers)}`);
console.log(`   API key anywhere in the stored run: ${JSON.stringify(result.run).includes(apiKey) ? 'YES (bug)' : 'no'}`);

await fake.close();
