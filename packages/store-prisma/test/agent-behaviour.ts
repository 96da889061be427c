import type { AgentJournalEntryV1, AgentRunV1, AgentStepV1 } from '@llm-actions/core';
import { expect, it } from 'vitest';
import { at, awkwardText, expectError, uniqueId } from './fixtures.js';
import type { StoreHarness } from './run-behaviour.js';

// PostgreSQL text columns cannot hold U+0000; JSON columns can, so only payloads carry it.
const text = awkwardText.replace('\u0000', '');
// Key order, numbers at the edge of doubles, nested nulls and U+0000: what jsonb would alter.
const awkwardJson = { zeta: awkwardText, alpha: 1e21, tiny: 5e-324, list: [null, true, { b: 1, a: 2 }], empty: {} };

function makeRun(overrides: Partial<AgentRunV1> = {}): AgentRunV1 {
  return { id: uniqueId('agentrun'), agentId: 'filler', goal: text, status: 'running', revision: 1, state: { schemaVersion: 1, data: awkwardJson }, createdAt: at(0), updatedAt: at(0), ...overrides };
}

function makeStep(runId: string, overrides: Partial<AgentStepV1> = {}): AgentStepV1 {
  return { runId, id: 'step-1', index: 0, kind: 'tool', status: 'planned', toolName: 'fill', createdAt: at(0), updatedAt: at(0), ...overrides };
}

/** Regression tests of the agent records beyond the conformance suite: JSON fidelity, replacement, keys. */
export function describeAgentBehaviour(harness: StoreHarness): void {
  const agents = () => harness.store().agents!;

  it('agents: JSON payloads round-trip exactly, and a JSON null differs from an absent field', async () => {
    const run = makeRun({ reason: { code: 'PROVIDER_ERROR', message: text, details: { raw: awkwardJson } } });
    await agents().createRun(run);
    const stored = (await agents().getRun(run.id)) as AgentRunV1;
    expect(stored).toStrictEqual(run);
    expect(JSON.stringify([stored.state, stored.reason])).toBe(JSON.stringify([run.state, run.reason]));
    const step = makeStep(run.id, { input: null, output: awkwardJson });
    await agents().putStep(step);
    const [storedStep] = await agents().listSteps(run.id);
    expect(storedStep).toStrictEqual(step);
    expect(storedStep).not.toHaveProperty('preview');
    expect(JSON.stringify(storedStep?.output)).toBe(JSON.stringify(awkwardJson));
    const entry: Omit<AgentJournalEntryV1, 'seq'> = { runId: run.id, kind: 'execute', stepId: step.id, toolName: 'fill', mode: 'write', input: null, result: null, inverse: null, at: at(1) };
    const appended = await agents().appendJournal(entry);
    expect(appended).toStrictEqual({ ...entry, seq: 1 });
    const { result: _result, inverse: _inverse, ...bare } = entry;
    const second = await agents().appendJournal({ ...bare, input: awkwardJson });
    expect(second).not.toHaveProperty('result');
    expect(second).not.toHaveProperty('inverse');
    expect(JSON.stringify((await agents().listJournal(run.id))[1]?.input)).toBe(JSON.stringify(awkwardJson));
  });

  it('agents: putStep replaces the whole step (fields left out are removed) but never its index', async () => {
    const run = makeRun();
    await agents().createRun(run);
    await agents().putStep(makeStep(run.id, { status: 'failed', preview: { diff: [] }, error: { code: 'TOOL_FAILED', message: 'no' }, snapshotId: 'snap-1' }));
    const replaced = makeStep(run.id, { status: 'succeeded', output: 'done', updatedAt: at(3) });
    await agents().putStep(replaced);
    expect(await agents().listSteps(run.id)).toStrictEqual([replaced]);
    const error = await expectError(() => agents().putStep({ ...replaced, index: 4 }), 'INVALID_INPUT');
    expect(error.details).toMatchObject({ id: 'step-1', index: 4 });
    await expectError(() => agents().listSteps('never-created'), 'NOT_FOUND');
  });

  it('agents: concurrent appends from two instances get consecutive seq; racing resumes leave one winner', async () => {
    const other = (await harness.reopen()).agents!;
    const run = makeRun({ status: 'awaiting-approval' });
    await agents().createRun(run);
    const entry = (stepId: string): Omit<AgentJournalEntryV1, 'seq'> => ({ runId: run.id, kind: 'execute', stepId, toolName: 'fill', mode: 'read', input: {}, at: at(1) });
    const appended = await Promise.all(Array.from({ length: 16 }, (_, index) => (index % 2 === 0 ? agents() : other).appendJournal(entry(`step-${index}`))));
    expect(appended.map((item) => item.seq).sort((left, right) => left - right)).toEqual(Array.from({ length: 16 }, (_, index) => index + 1));
    const results = await Promise.allSettled([agents(), other, agents(), other].map((repository) => repository.updateRun(run.id, { status: 'running' }, { expectedRevision: 1 })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await other.getRun(run.id)).toMatchObject({ revision: 2, status: 'running' });
  });
}
