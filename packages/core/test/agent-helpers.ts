import { createMemoryStore } from '@llm-actions/store-memory';
import { afterEach } from 'vitest';
import { z } from 'zod';
import {
  actionTool,
  createAgentRuntime,
  defineAction,
  defineAgent,
  defineTool,
  type AgentDefinition,
  type AgentRuntimeOptions,
  type ApplyChange,
  type ProviderV1Request,
  type StoreV1,
  type Subject,
} from '../src/index.js';
import { mockProvider, type MockResponse } from '../src/testing/index.js';

const onSqlite = process.env.LLM_ACTIONS_TEST_STORE === 'sqlite';
const openStores: StoreV1[] = [];
afterEach(async () => {
  await Promise.all(openStores.splice(0).map((store) => store.close?.()));
});

async function sqliteStore(): Promise<StoreV1> {
  const { createSqliteStore } = await import('@llm-actions/store-prisma');
  const store = await createSqliteStore({ file: ':memory:' });
  openStores.push(store);
  return store;
}

/**
 * Why the agent tests are skipped in this vitest project, if they are: the `core-on-sqlite`
 * project runs them on SQLite once store-prisma declares the `agents` capability.
 */
export const agentStoreSkipReason: string | undefined = onSqlite
  ? await sqliteStore().then(async (store) => {
      const supported = store.capabilities.agents?.supported === true;
      await store.close?.();
      openStores.splice(openStores.indexOf(store), 1);
      return supported ? undefined : 'store-prisma does not declare the "agents" capability yet';
    })
  : undefined;

if (agentStoreSkipReason !== undefined) console.info(`[agent tests] skipped on SQLite: ${agentStoreSkipReason}`);

/** A fresh store for agent tests: memory, or SQLite in the `core-on-sqlite` project. */
export async function createAgentTestStore(): Promise<StoreV1> {
  return onSqlite ? sqliteStore() : createMemoryStore();
}

/** The action the agent runs through `actionTool`: a summary from a post's body. */
export const summarize = defineAction({
  id: 'summarize-post',
  name: 'Summarize a post',
  description: 'Writes a one-sentence summary of a post from its body',
  sources: ['body'],
  destination: 'summary',
  prompts: { instructions: 'Summarize in one sentence:\n{{ input }}' },
  model: 'mock/writer',
});

/** Sample posts: one with an empty summary, one without the field, one already summarized. */
export function samplePosts(): Map<string, Subject> {
  const posts: Subject[] = [
    { type: 'post', id: 'p1', fields: { title: 'Tides', body: 'Tides rise and fall twice a day.', summary: '' } },
    { type: 'post', id: 'p2', fields: { title: 'Moon', body: 'The moon pulls the oceans.' } },
    { type: 'post', id: 'p3', fields: { title: 'Waves', body: 'Wind makes waves.', summary: 'Wind makes waves.' } },
  ];
  return new Map(posts.map((post) => [post.id, post]));
}

/** A scripted model reply that calls tools. */
export function calls(...list: Array<[name: string, input: unknown]>): MockResponse {
  return { toolCalls: list.map(([name, input], index) => ({ id: `call_${index + 1}`, name, input })) };
}

/** The host side: posts in memory and an apply callback that writes (or removes) fields. */
export function host(posts = samplePosts()) {
  const applied: ApplyChange[] = [];
  const apply = (change: ApplyChange) => {
    applied.push(change);
    const post = posts.get(change.subject.id)!;
    if (change.value === undefined) delete post.fields[change.field];
    else post.fields[change.field] = change.value;
  };
  const loadSubject = (type: string, id: string) => {
    const post = posts.get(id);
    return post && post.type === type ? structuredClone(post) : undefined;
  };
  return { posts, applied, apply, loadSubject };
}

/** Tools over the host: list posts missing a summary (read) and fill one (the action, write). */
export function tools(loadSubject: (type: string, id: string) => Subject | undefined, posts: Map<string, Subject>) {
  const listMissing = defineTool({
    name: 'list_missing_summaries',
    description: 'Lists posts whose summary is missing or empty.',
    input: z.object({}),
    mode: 'read',
    execute: () => [...posts.values()].filter((post) => !post.fields.summary).map((post) => ({ type: post.type, id: post.id, title: post.fields.title })),
  });
  const fillSummary = actionTool(summarize, { name: 'fill_summary', loadSubject, subjectTypes: ['post'] });
  return { listMissing, fillSummary };
}

/**
 * The model's script: agent calls (requests with tools) take the next scripted reply;
 * action runs (no tools) answer with a summary of the post's body.
 */
export function scriptedModel(script: MockResponse[]) {
  const queue = [...script];
  return (request: ProviderV1Request): MockResponse => {
    if (request.tools && request.tools.length > 0) return queue.shift() ?? 'All done.';
    const user = request.messages.find((message) => message.role === 'user')?.content ?? '';
    return `Summary: ${user.split('\n').at(-1)}`;
  };
}

/** The usual flow: list, then fill two summaries at once, then finish. */
export const fillScript: MockResponse[] = [
  calls(['list_missing_summaries', {}]),
  calls(['fill_summary', { subjectType: 'post', subjectId: 'p1' }], ['fill_summary', { subjectType: 'post', subjectId: 'p2' }]),
  'Filled 2 summaries.',
];

/** A runtime over a memory store with a scripted provider and the sample host. */
export async function setupAgent(
  script: MockResponse[] = fillScript,
  overrides: { agent?: Partial<AgentDefinition>; options?: Partial<AgentRuntimeOptions>; store?: StoreV1; posts?: Map<string, Subject> } = {},
) {
  const side = host(overrides.posts);
  const { listMissing, fillSummary } = tools(side.loadSubject, side.posts);
  const provider = mockProvider({ responses: scriptedModel(script) });
  const store = overrides.store ?? (await createAgentTestStore());
  const agent = defineAgent({
    id: 'summary-filler',
    instructions: 'Fill in missing post summaries.',
    model: 'mock/agent',
    tools: [listMissing, fillSummary],
    ...overrides.agent,
  });
  const runtime = createAgentRuntime({ providers: [provider], store, apply: side.apply, agents: [agent], retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 2 }, ...overrides.options });
  return { runtime, provider, store, agent, ...side, listMissing, fillSummary };
}

/** Requests the agent made (those with tools), not the action runs'. */
export function agentRequests(provider: { requests: Array<Omit<ProviderV1Request, 'signal'>> }) {
  return provider.requests.filter((request) => request.tools && request.tools.length > 0);
}
