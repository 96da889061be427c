import { isDeepStrictEqual } from 'node:util';
import { createAgentRuntime, type ProviderV1 } from '@llm-actions/core';
import { createOllama } from '@llm-actions/provider-ollama';
import { createOpenAI } from '@llm-actions/provider-openai';
import { createMemoryStore } from '@llm-actions/store-memory';
import { createOllamaFake, createOpenAIFake, type ProtocolFake } from '@llm-actions/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost, samplePosts, summaryAgent } from '../src/sample-posts.js';
import { scriptedReplies } from '../src/script.js';

interface Wire {
  name: string;
  start(): Promise<ProtocolFake>;
  provider(fake: ProtocolFake): ProviderV1;
  model: string;
  chatPath: string;
}

const wires: Wire[] = [
  { name: 'Ollama', start: () => createOllamaFake(), provider: (fake) => createOllama({ baseURL: fake.baseURL }), model: 'ollama/llama3.2:3b', chatPath: '/api/chat' },
  { name: 'OpenAI', start: () => createOpenAIFake(), provider: (fake) => createOpenAI({ baseURL: fake.baseURL, apiKey: 'sk-test' }), model: 'openai/gpt-4o-mini', chatPath: '/v1/chat/completions' },
];

describe.each(wires)('agent runtime on the $name provider against its protocol fake', (wire) => {
  const fakes: ProtocolFake[] = [];
  afterEach(async () => {
    await Promise.all(fakes.splice(0).map((fake) => fake.close()));
  });

  async function setup() {
    const fake = await wire.start();
    fakes.push(fake);
    const host = createHost();
    const store = createMemoryStore();
    const agent = summaryAgent(wire.model, host);
    const runtime = (provider = wire.provider(fake)) => createAgentRuntime({ providers: [provider], store, apply: host.apply, agents: [agent], retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 5 } });
    const chats = () => fake.requests.filter((request) => request.path === wire.chatPath);
    return { fake, host, store, agent, runtime, chats };
  }

  it('suspends for approval, resumes in a fresh runtime, rolls back exactly and replays without model calls', async () => {
    const { fake, host, runtime, chats } = await setup();
    fake.enqueue(...scriptedReplies);
    const first = runtime();
    const started = await first.start('summary-filler', 'Fill in the missing post summaries.', { user: 'ana' });
    expect(started.run.status).toBe('awaiting-approval');
    expect(started.awaitingApproval).toHaveLength(3);
    for (const step of started.awaitingApproval) await first.approve(started.run.id, step.id, { by: 'editor' });
    const finished = await runtime().resume(started.run.id);
    expect(finished).toMatchObject({ run: { status: 'succeeded' }, output: 'I filled the summaries of 3 posts.' });
    expect(host.posts.get('post-4')!.fields.summary).toBe('Barrages and turbines turn tidal flow into electricity.');
    expect(chats()).toHaveLength(6);
    await runtime().rollback(started.run.id, { to: 'start', by: 'editor' });
    expect(isDeepStrictEqual([...host.posts.values()], [...samplePosts().values()])).toBe(true);
    const replay = await runtime().replay(started.run.id);
    expect(replay).toMatchObject({ matched: true, modelResponsesUsed: 3 });
    expect(chats()).toHaveLength(6);
  });

  it('retries a 503 through core and ends the run failed on a 400, with the journal intact', async () => {
    const { fake, runtime } = await setup();
    fake.enqueue(scriptedReplies[0]!, { error: { status: 503 } }, { error: { status: 400, message: 'tools are not supported by this model' } });
    const result = await runtime().start('summary-filler', 'Fill in the missing post summaries.');
    expect(result.run).toMatchObject({ status: 'failed', reason: { code: 'PROVIDER_ERROR', message: expect.stringContaining('tools are not supported') } });
    expect((await runtime().journal(result.run.id)).map((entry) => entry.toolName)).toEqual(['list_posts_missing_summary']);
    const modelRun = await runtime().llm.runs.get(result.steps.at(-1)!.modelRunId!);
    expect(modelRun).toMatchObject({ kind: 'agent-step', status: 'failed', attempts: 2 });
  });
});
