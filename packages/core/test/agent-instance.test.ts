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
