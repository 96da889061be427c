import { createMemoryStore } from '@llm-actions/store-memory';
import { describe, expect, it } from 'vitest';
import { createAgentRuntime } from '../src/index.js';
import { mockProvider } from '../src/testing/index.js';
import { failure } from './helpers.js';
import { agentRequests, agentStoreSkipReason, setupAgent } from './agent-helpers.js';

const tone = { id: 'house-tone', description: 'How we write', instructions: 'Write calmly, no exclamation marks.', tools: ['fill_summary'] };

describe.skipIf(agentStoreSkipReason !== undefined)('agents: skills registry', () => {
  it('keeps skills versioned; agents reference them by name and get their instructions', async () => {
    const { runtime, provider } = await setupAgent(['Nothing to do.'], { agent: { skills: ['house-tone'] } });
    const first = await runtime.skills.save(tone);
    expect(first).toMatchObject({ id: 'house-tone', version: 1, enabled: true, tools: ['fill_summary'] });
    expect(await runtime.skills.save(tone)).toEqual(first);
    const second = await runtime.skills.save({ ...tone, instructions: 'Write calmly and briefly.' });
    expect(second.version).toBe(2);
    const result = await runtime.start('summary-filler', 'Fill');
    expect(result.run.status).toBe('succeeded');
    expect(agentRequests(provider)[0]!.messages[0]!.content).toBe('Fill in missing post summaries.\n\n## Skill: house-tone\nWrite calmly and briefly.');
    expect((await runtime.get(result.run.id))!.run.state.skills).toEqual([{ id: 'house-tone', version: 2 }]);
    expect((await runtime.skills.versions('house-tone')).map((skill) => skill.version)).toEqual([1, 2]);
    expect((await runtime.skills.list()).map((skill) => skill.id)).toEqual(['house-tone']);
  });

  it('fails at start with SKILL_NOT_FOUND or SKILL_DISABLED, before anything is stored or called', async () => {
    const { runtime, provider, store } = await setupAgent(['never'], { agent: { skills: ['house-tone'] } });
    const missing = await failure(runtime.start('summary-filler', 'Fill'));
    expect(missing).toMatchObject({ code: 'SKILL_NOT_FOUND', details: { skill: 'house-tone' } });
    await runtime.skills.save(tone);
    const disabled = await runtime.skills.disable('house-tone');
    expect(disabled).toMatchObject({ version: 2, enabled: false });
    await expect(failure(runtime.start('summary-filler', 'Fill'))).resolves.toMatchObject({ code: 'SKILL_DISABLED' });
    await runtime.skills.enable('house-tone');
    await runtime.skills.save({ ...tone, tools: ['publish_post'] });
    await expect(failure(runtime.start('summary-filler', 'Fill'))).resolves.toMatchObject({ code: 'INVALID_DEFINITION', details: { missing: ['publish_post'] } });
    expect(provider.requests).toHaveLength(0);
    expect((await store.agents!.listRuns()).items).toEqual([]);
    await expect(failure(runtime.skills.enable('nope'))).resolves.toMatchObject({ code: 'SKILL_NOT_FOUND' });
    await expect(failure(runtime.skills.save({ id: 'Bad Name', instructions: 'x' }))).resolves.toMatchObject({ code: 'INVALID_DEFINITION' });
  });
});

describe('agents: runtime checks', () => {
  it('needs a store with the agents capability', () => {
    const store = createMemoryStore();
    const legacy = { ...store, capabilities: { durable: store.capabilities.durable, 'multi-process': store.capabilities['multi-process'] }, agents: undefined };
    expect(() => createAgentRuntime({ providers: [mockProvider()], store: legacy })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('does not support agents') }));
  });

  it.skipIf(agentStoreSkipReason !== undefined)('validates start arguments and needs registered agents to resume', async () => {
    const { runtime, store, provider } = await setupAgent();
    await expect(failure(runtime.start('summary-filler', '  '))).resolves.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(failure(runtime.start('summary-filler', 'Fill', { subject: { type: 'post' } as never }))).resolves.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(failure(runtime.start('unknown-agent', 'Fill'))).resolves.toMatchObject({ code: 'AGENT_NOT_FOUND' });
    const started = await runtime.start('summary-filler', 'Fill');
    const stranger = createAgentRuntime({ providers: [provider], store });
    await expect(failure(stranger.resume(started.run.id))).resolves.toMatchObject({ code: 'AGENT_NOT_FOUND' });
    await expect(failure(stranger.replay(started.run.id))).resolves.toMatchObject({ code: 'AGENT_NOT_FOUND' });
  });

  it.skipIf(agentStoreSkipReason !== undefined)('puts the subject into the first message and refuses states from a newer version', async () => {
    const { runtime, provider, store, posts } = await setupAgent(['Nothing.']);
    const result = await runtime.start('summary-filler', 'Check this post', { subject: posts.get('p3')!, user: 'ana' });
    expect(result.run).toMatchObject({ subject: { type: 'post', id: 'p3' }, user: 'ana' });
    expect(agentRequests(provider)[0]!.messages[1]!.content).toContain('Subject: post p3\n{\n  "title": "Waves"');
    const stored = (await store.agents!.getRun(result.run.id))!;
    await store.agents!.updateRun(stored.id, { state: { ...stored.state, schemaVersion: 99 } }, { expectedRevision: stored.revision });
    await expect(failure(runtime.get(result.run.id))).resolves.toMatchObject({ code: 'AGENT_RUN_STATE', message: expect.stringContaining('newer') });
  });
});
