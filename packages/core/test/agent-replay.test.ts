import { describe, expect, it } from 'vitest';
import { createAgentRuntime, defineAgent } from '../src/index.js';
import { mockProvider } from '../src/testing/index.js';
import { agentStoreSkipReason, calls, setupAgent } from './agent-helpers.js';

async function finishedRun(reject = false) {
  const setup = await setupAgent();
  const started = await setup.runtime.start('summary-filler', 'Fill missing summaries', { user: 'ana' });
  const [first, second] = started.awaitingApproval;
  if (reject) await setup.runtime.reject(started.run.id, first!.id, { by: 'editor', note: 'No' });
  else await setup.runtime.approve(started.run.id, first!.id, { by: 'editor' });
  await setup.runtime.approve(started.run.id, second!.id, { by: 'editor' });
  const finished = await setup.runtime.resume(started.run.id);
  return { ...setup, finished };
}

/** A provider that fails the test if anything calls it. */
function noModel() {
  return mockProvider({ responses: () => ({ error: { status: 500, message: 'replay must not call a model' } }) });
}

describe.skipIf(agentStoreSkipReason !== undefined)('agents: deterministic replay', () => {
  it('replays a run from its records without calling a model, and every decision matches', async () => {
    const { runtime, provider, finished, posts } = await finishedRun();
    const calledBefore = provider.requests.length;
    // The read tool would now answer differently: replay must use its recorded result.
    posts.get('p1')!.fields.summary = 'Changed since';
    const report = await runtime.replay(finished.run.id);
    expect(provider.requests).toHaveLength(calledBefore);
    expect(report).toMatchObject({ runId: finished.run.id, matched: true, modelResponsesUsed: 3, toolResultsUsed: 3 });
    expect(report.decisions.map((decision) => `${decision.kind}:${decision.toolName ?? ''}:${decision.recorded.length === 64 ? 'digest' : decision.recorded}`)).toEqual([
      'model::digest',
      'tool:list_missing_summaries:execute',
      'model::digest',
      'tool:fill_summary:approval',
      'tool:fill_summary:approval',
      'model::digest',
    ]);
    expect(report.decisions.every((decision) => decision.matched)).toBe(true);
  });

  it('replays from a fresh runtime over the same store, whose model would fail if called', async () => {
    const { store, agent, finished, apply } = await finishedRun(true);
    const model = noModel();
    const fresh = createAgentRuntime({ providers: [model], store, apply, agents: [agent] });
    const report = await fresh.replay(finished.run.id);
    expect(report.matched).toBe(true);
    expect(report.toolResultsUsed).toBe(2);
    expect(model.requests).toHaveLength(0);
  });

  it('reports the decisions that differ when the agent now decides otherwise', async () => {
    const { store, agent, finished, apply } = await finishedRun();
    const stricter = defineAgent({ id: agent.id, instructions: agent.instructions, model: agent.model, tools: [...agent.tools], policy: { tools: ['list_missing_summaries'] } });
    const report = await createAgentRuntime({ providers: [noModel()], store, apply, agents: [stricter] }).replay(finished.run.id);
    expect(report.matched).toBe(false);
    const differing = report.decisions.filter((decision) => !decision.matched);
    expect(differing.filter((decision) => decision.kind === 'tool').map((decision) => [decision.recorded, decision.replayed])).toEqual([
      ['approval', 'refused'],
      ['approval', 'refused'],
    ]);
    // The offered tools changed, so every request differs (and the conversation after the refusals too).
    expect(differing.filter((decision) => decision.kind === 'model')).toHaveLength(3);
    expect(report.decisions[0]).toMatchObject({ kind: 'model', matched: false });
  });

  it('replays a suspended run up to the steps that wait for approval', async () => {
    const { runtime, provider } = await setupAgent([calls(['fill_summary', { subjectType: 'page', subjectId: 'x' }]), calls(['fill_summary', { subjectType: 'post', subjectId: 'p1' }])]);
    const started = await runtime.start('summary-filler', 'Fill');
    expect(started.run.status).toBe('awaiting-approval');
    const calledBefore = provider.requests.length;
    const report = await runtime.replay(started.run.id);
    expect(report.matched).toBe(true);
    expect(report.decisions.map((decision) => decision.recorded.length === 64 ? 'digest' : decision.recorded)).toEqual(['digest', 'refused', 'digest', 'approval']);
    expect(provider.requests).toHaveLength(calledBefore);
  });
});
