import { describe, expect, it } from 'vitest';
import { mockProvider } from '../src/testing/index.js';
import { createAgentRuntime, type AnyLlmActionsEvent } from '../src/index.js';
import { failure } from './helpers.js';
import { agentRequests, agentStoreSkipReason, fillScript, scriptedModel, setupAgent } from './agent-helpers.js';

describe.skipIf(agentStoreSkipReason !== undefined)('agents: approvals, suspend and resume', () => {
  it('suspends a write step that needs approval, with its state persisted, and applies nothing', async () => {
    const { runtime, store, applied, posts } = await setupAgent();
    const started = await runtime.start('summary-filler', 'Fill missing summaries', { user: 'ana' });
    expect(started.run.status).toBe('awaiting-approval');
    expect(started.awaitingApproval.map((step) => step.input)).toEqual([
      { subjectType: 'post', subjectId: 'p1' },
      { subjectType: 'post', subjectId: 'p2' },
    ]);
    expect(started.awaitingApproval[0]!.preview).toMatchObject({ field: 'summary', before: '', after: 'Summary: Tides rise and fall twice a day.', diff: [{ op: 'insert' }] });
    expect(applied).toEqual([]);
    expect(posts.get('p1')!.fields.summary).toBe('');
    const stored = (await store.agents!.getRun(started.run.id))!;
    expect(stored).toMatchObject({ status: 'awaiting-approval', revision: started.run.revision, state: { schemaVersion: 1 } });
    expect((stored.state.pending as unknown[]).length).toBe(2);
    expect(started.progress).toEqual({ done: 3, total: 5, percent: 60 });
  });

  it('records who approved, then resume applies each approved step once and finishes', async () => {
    const { runtime, applied, posts } = await setupAgent();
    const started = await runtime.start('summary-filler', 'Fill missing summaries', { user: 'ana' });
    const [first, second] = started.awaitingApproval;
    const approval = await runtime.approve(started.run.id, first!.id, { by: 'editor', note: 'Fine' });
    expect(approval).toMatchObject({ decision: 'approved', by: 'editor', note: 'Fine' });
    await expect(failure(runtime.resume(started.run.id))).resolves.toMatchObject({ code: 'APPROVAL_PENDING' });
    await runtime.approve(started.run.id, second!.id, { by: 'editor' });
    const finished = await runtime.resume(started.run.id);
    expect(finished.run.status).toBe('succeeded');
    expect(finished.output).toBe('Filled 2 summaries.');
    expect(finished.progress.percent).toBe(100);
    expect(applied.map((change) => [change.subject.id, change.value])).toEqual([
      ['p1', 'Summary: Tides rise and fall twice a day.'],
      ['p2', 'Summary: The moon pulls the oceans.'],
    ]);
    expect(posts.get('p2')!.fields.summary).toBe('Summary: The moon pulls the oceans.');
    const writes = (await runtime.journal(started.run.id)).filter((entry) => entry.mode === 'write');
    expect(writes.map((entry) => entry.approval?.by)).toEqual(['editor', 'editor']);
    expect(writes[0]).toMatchObject({ kind: 'execute', by: 'ana', input: { subjectId: 'p1', subjectType: 'post' }, inverse: { toolName: 'fill_summary' } });
  });

  it('resumes from a fresh runtime over the same store, without asking the model again for earlier turns', async () => {
    const first = await setupAgent();
    const started = await first.runtime.start('summary-filler', 'Fill missing summaries', { user: 'ana' });
    for (const step of started.awaitingApproval) await first.runtime.approve(started.run.id, step.id, { by: 'editor' });
    // A new process: new provider, new instance, only the store (and the code) in common.
    const second = await setupAgent(['Filled 2 summaries.'], { store: first.store, posts: first.posts });
    const finished = await second.runtime.resume(started.run.id);
    expect(finished.run.status).toBe('succeeded');
    expect(second.applied).toHaveLength(2);
    expect(first.applied).toHaveLength(0);
    const [request] = agentRequests(second.provider);
    expect(agentRequests(second.provider)).toHaveLength(1);
    // The conversation came back from the store: instructions, goal, both earlier turns and both tool results.
    expect(request!.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'tool', 'assistant', 'tool', 'tool']);
  });

  it('lets exactly one of two concurrent resumes proceed; the other gets STORE_CONFLICT and nothing is applied twice', async () => {
    const { runtime, store, applied, posts, agent, apply } = await setupAgent();
    const started = await runtime.start('summary-filler', 'Fill missing summaries');
    for (const step of started.awaitingApproval) await runtime.approve(started.run.id, step.id, { by: 'editor' });
    const other = createAgentRuntime({ providers: [mockProvider({ responses: scriptedModel(['Done.']) })], store, apply, agents: [agent] });
    const outcomes = await Promise.allSettled([runtime.resume(started.run.id), other.resume(started.run.id)]);
    const fulfilled = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const rejected = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({ code: 'STORE_CONFLICT' });
    expect(applied).toHaveLength(2);
    expect(new Set(applied.map((change) => change.subject.id))).toEqual(new Set(['p1', 'p2']));
    expect(posts.get('p1')!.fields.summary).toBe('Summary: Tides rise and fall twice a day.');
    expect((await runtime.journal(started.run.id)).filter((entry) => entry.mode === 'write')).toHaveLength(2);
    await expect(failure(runtime.resume(started.run.id))).resolves.toMatchObject({ code: 'AGENT_RUN_STATE' });
  });

  it('tells the model about a rejection (with the note) and applies nothing for that step', async () => {
    const { runtime, provider, applied } = await setupAgent();
    const started = await runtime.start('summary-filler', 'Fill missing summaries');
    const [first, second] = started.awaitingApproval;
    await runtime.reject(started.run.id, first!.id, { by: 'editor', note: 'Too vague' });
    await runtime.approve(started.run.id, second!.id, { by: 'editor' });
    const finished = await runtime.resume(started.run.id);
    expect(applied.map((change) => change.subject.id)).toEqual(['p2']);
    expect(finished.steps.find((step) => step.id === first!.id)).toMatchObject({ status: 'rejected', error: { code: 'TOOL_REFUSED', details: { reason: 'rejected', by: 'editor' } } });
    const last = agentRequests(provider).at(-1)!;
    const rejection = last.messages.find((message) => message.role === 'tool' && message.content.includes('Too vague'));
    expect(rejection?.content).toContain('rejected this call');
  });

  it('refuses a second decision (STORE_CONFLICT), decisions on steps not awaiting approval, and reviewers authorize refuses', async () => {
    const { runtime } = await setupAgent(fillScript, { options: { authorize: (user, permission) => permission !== 'agent:approve' || user === 'editor' } });
    const started = await runtime.start('summary-filler', 'Fill missing summaries');
    const step = started.awaitingApproval[0]!;
    await expect(failure(runtime.approve(started.run.id, step.id, { by: 'intern' }))).resolves.toMatchObject({ code: 'FORBIDDEN' });
    await runtime.approve(started.run.id, step.id, { by: 'editor' });
    await expect(failure(runtime.reject(started.run.id, step.id, { by: 'editor' }))).resolves.toMatchObject({ code: 'STORE_CONFLICT' });
    const readStep = started.steps.find((candidate) => candidate.toolName === 'list_missing_summaries')!;
    await expect(failure(runtime.approve(started.run.id, readStep.id, { by: 'editor' }))).resolves.toMatchObject({ code: 'AGENT_RUN_STATE' });
    await expect(failure(runtime.approve(started.run.id, step.id, { by: '' }))).resolves.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(failure(runtime.resume('agentrun_missing'))).resolves.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('emits the agent events in order, with progress', async () => {
    const { runtime } = await setupAgent();
    const events: AnyLlmActionsEvent[] = [];
    runtime.events.onAny((event) => void (event.type.startsWith('agent:') && events.push(event)));
    const started = await runtime.start('summary-filler', 'Fill missing summaries');
    for (const step of started.awaitingApproval) await runtime.approve(started.run.id, step.id, { by: 'editor' });
    await runtime.resume(started.run.id);
    const types = events.map((event) => event.type);
    expect(types.slice(0, 6)).toEqual(['agent:run:start', 'agent:step:start', 'agent:step:finish', 'agent:snapshot', 'agent:step:start', 'agent:tool:call']);
    expect(types.filter((type) => type === 'agent:approval:requested')).toHaveLength(2);
    expect(types.filter((type) => type === 'agent:approval:resolved')).toHaveLength(2);
    expect(types.filter((type) => type === 'agent:run:start')).toHaveLength(2);
    expect(events.filter((event) => event.type === 'agent:run:finish').map((event) => event.data.status)).toEqual(['awaiting-approval', 'succeeded']);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ type: 'agent:run:finish', runId: started.run.id, data: { progress: { percent: 100 }, usage: { steps: 3, modelCalls: 3 } } });
    expect(events.every((event) => event.runId === started.run.id)).toBe(true);
  });
});
