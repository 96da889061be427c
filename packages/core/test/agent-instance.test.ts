import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLlmActions, defineAgent, defineTool } from '../src/index.js';
import { mockProvider } from '../src/testing/index.js';
import { createMemoryStore } from '@llm-actions/store-memory';

describe('llm.agents', () => {
  it('is the agent runtime of the instance, on its store and event bus', async () => {
    const lookups: string[] = [];
    const lookup = defineTool({
      name: 'lookup',
      description: 'Looks up a word',
      input: z.object({ word: z.string() }),
      mode: 'read',
      execute: async ({ word }) => {
        lookups.push(word);
        return { definition: `${word} means hello` };
      },
    });
    const agent = defineAgent({ id: 'helper', instructions: 'Help.', model: 'mock/m', tools: [lookup] });
    const provider = mockProvider({ responses: [{ toolCalls: [{ id: 'call-1', name: 'lookup', input: { word: 'salut' } }] }, 'Salut means hello.'] });
    const store = createMemoryStore();
    const llm = createLlmActions({ providers: [provider], store, agents: [agent] });
    const types: string[] = [];
    llm.events.onAny((event) => void (event.type.startsWith('agent:') && types.push(event.type)));
    expect(llm.agents).toBe(llm.agents);
    const result = await llm.agents.start(agent, 'What does salut mean?', { user: 'ada' });
    expect(result.run.status).toBe('succeeded');
    expect(lookups).toEqual(['salut']);
    expect(types).toContain('agent:run:start');
    expect(types.at(-1)).toBe('agent:run:finish');
    expect((await store.agents!.getRun(result.run.id))!.status).toBe('succeeded');
  });

  it('fails with a clear error when the store cannot keep agent runs', () => {
    const store = { ...createMemoryStore(), capabilities: { durable: { supported: true }, 'multi-process': { supported: true }, agents: { supported: false, reason: 'no agent tables' } } } as const;
    const llm = createLlmActions({ providers: [mockProvider()], store: store as never });
    expect(() => llm.agents).toThrow(/does not support agents \(no agent tables\)/);
  });
});

describe('llm.agents.recoverStaleRuns', () => {
  it('marks runs a stopped process left running as failed (INTERRUPTED), keeps their journal, and leaves live runs alone', async () => {
    let now = Date.parse('2026-03-01T12:00:00.000Z');
    const store = createMemoryStore();
    const llm = createLlmActions({ providers: [mockProvider()], store, clock: () => now });
    const agents = store.agents!;
    const record = (id: string, status: 'running' | 'rolling-back' | 'awaiting-approval', updatedAt: string) => ({
      id,
      agentId: 'helper',
      goal: 'Fill summaries',
      status,
      revision: 3,
      state: { schemaVersion: 1 },
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt,
    });
    await agents.createRun(record('crashed', 'running', '2026-03-01T10:05:00.000Z'));
    await agents.createRun(record('crashed-rollback', 'rolling-back', '2026-03-01T10:06:00.000Z'));
    await agents.createRun(record('live', 'running', '2026-03-01T11:59:00.000Z'));
    await agents.createRun(record('waiting', 'awaiting-approval', '2026-03-01T10:00:00.000Z'));
    const entry = await agents.appendJournal({ runId: 'crashed', kind: 'execute', stepId: 'step-1', toolName: 'fill', mode: 'write', input: { id: 1 }, result: { ok: true }, inverse: null, at: '2026-03-01T10:04:00.000Z' });

    const recovered = await llm.agents.recoverStaleRuns({ olderThanMs: 30 * 60_000 });
    expect(recovered.sort()).toEqual(['crashed', 'crashed-rollback']);
    expect(await agents.getRun('crashed')).toMatchObject({ status: 'failed', revision: 4, reason: { code: 'INTERRUPTED' }, updatedAt: '2026-03-01T12:00:00.000Z' });
    expect((await agents.getRun('crashed-rollback'))!.reason!.message).toMatch(/rollback was interrupted/);
    expect((await agents.getRun('live'))!.status).toBe('running');
    expect((await agents.getRun('waiting'))!.status).toBe('awaiting-approval');
    expect(await agents.listJournal('crashed')).toEqual([entry]);
    now += 60 * 60_000;
    expect(await llm.agents.recoverStaleRuns({ olderThanMs: 30 * 60_000 })).toEqual(['live']);
  });
});
