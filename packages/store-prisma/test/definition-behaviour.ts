import type { ActionRecord } from '@llm-actions/core';
import { expect, it } from 'vitest';
import { at, awkwardText, expectError } from './fixtures.js';

// PostgreSQL text columns cannot hold U+0000 (JSON columns can); see the PostgreSQL tests.
const text = awkwardText.replace('\u0000', '');
import type { StoreHarness } from './run-behaviour.js';

function makeAction(overrides: Partial<Omit<ActionRecord, 'version'>> = {}): Omit<ActionRecord, 'version'> {
  return {
    id: 'summarize',
    name: `Summarize ${text}`,
    sources: ['body'],
    destination: 'summary',
    prompts: { system: awkwardText, instructions: 'Summarize: {{ input }}' },
    model: 'ollama/llama3.2:3b',
    settings: { temperature: 0.2 },
    output: { format: 'json', schema: { type: 'object', required: ['b', 'a'] } },
    scope: { subjectTypes: ['post'] },
    testCases: [{ name: 'short', fields: { body: 'Tides rise.' } }],
    status: 'published',
    createdAt: at(0),
    ...overrides,
  };
}

/** Regression tests for prompts, actions and bindings. */
export function describeDefinitionBehaviour(harness: StoreHarness): void {
  it('actions: versions round-trip exactly and concurrent creates from two instances get 1..n', async () => {
    const other = await harness.reopen();
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? harness.store() : other).actions.create(makeAction({ createdAt: at(index) }))),
    );
    expect(created.map((action) => action.version).sort((left, right) => left - right)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    const first = await harness.store().actions.get('summarize', { version: 1 });
    expect(JSON.stringify(first)).toBe(JSON.stringify(created.find((action) => action.version === 1)));
    expect((await harness.store().actions.list()).map((action) => [action.id, action.version])).toEqual([['summarize', 12]]);
  });

  it('prompts: labels move with an audit trail; latest is reserved; missing versions are NOT_FOUND', async () => {
    const prompts = harness.store().prompts;
    await prompts.create({ id: 'tone', template: '', createdAt: at(0) });
    await prompts.create({ id: 'tone', template: 'v2', description: 'second', createdAt: at(1) });
    await prompts.setLabel('tone', 'production', 1, { by: 'ana', at: at(2) });
    await prompts.setLabel('tone', 'production', 2, { at: at(3) });
    expect(await prompts.get('tone', { label: 'production' })).toEqual({ id: 'tone', version: 2, template: 'v2', description: 'second', createdAt: at(1) });
    expect(await prompts.get('tone', { version: 1 })).toEqual({ id: 'tone', version: 1, template: '', createdAt: at(0) });
    expect(await prompts.labels('tone')).toEqual({ production: 2 });
    expect(await prompts.labelHistory('tone')).toEqual([
      { label: 'production', to: 1, by: 'ana', at: at(2) },
      { label: 'production', from: 1, to: 2, at: at(3) },
    ]);
    await expectError(() => prompts.setLabel('tone', 'latest', 1, { at: at(4) }), 'INVALID_INPUT');
    await expectError(() => prompts.setLabel('tone', 'production', 3, { at: at(4) }), 'NOT_FOUND');
  });

  it('prompts: a label can split traffic between versions; moves record splits; bad splits are refused', async () => {
    const prompts = harness.store().prompts;
    for (let version = 1; version <= 3; version += 1) await prompts.create({ id: 'ab', template: `v${version}`, createdAt: at(version) });
    const split = { split: [{ version: 1, weight: 1 }, { version: 3, weight: 2.5 }] };
    await prompts.setLabel('ab', 'production', split, { by: 'ana', at: at(10) });
    expect(await prompts.labels('ab')).toEqual({ production: split });
    expect(await prompts.get('ab', { label: 'production' })).toBeUndefined();
    await prompts.setLabel('ab', 'production', 2, { at: at(11) });
    await prompts.setLabel('ab', 'production', split, { at: at(12) });
    expect(await prompts.labelHistory('ab')).toEqual([
      { label: 'production', to: split, by: 'ana', at: at(10) },
      { label: 'production', from: split, to: 2, at: at(11) },
      { label: 'production', from: 2, to: split, at: at(12) },
    ]);
    await expectError(() => prompts.setLabel('ab', 'staging', { split: [] }, { at: at(13) }), 'INVALID_INPUT');
    await expectError(() => prompts.setLabel('ab', 'staging', { split: [{ version: 1, weight: 0 }] }, { at: at(13) }), 'INVALID_INPUT');
    await expectError(() => prompts.setLabel('ab', 'staging', { split: [{ version: 1, weight: 1 }, { version: 9, weight: 1 }] }, { at: at(13) }), 'NOT_FOUND');
    expect(Object.keys(await prompts.labels('ab'))).toEqual(['production']);
  });

  it('prompts: concurrent label moves from two instances record a consistent chain of moves', async () => {
    const other = await harness.reopen();
    for (let version = 1; version <= 4; version += 1) await harness.store().prompts.create({ id: 'chain', template: `v${version}`, createdAt: at(version) });
    await Promise.all([1, 2, 3, 4, 1, 2].map((version, index) => (index % 2 === 0 ? harness.store() : other).prompts.setLabel('chain', 'production', version, { at: at(10 + index) })));
    const history = await harness.store().prompts.labelHistory('chain');
    expect(history).toHaveLength(6);
    history.slice(1).forEach((move, index) => expect(move.from).toBe(history[index]?.to));
    expect((await harness.store().prompts.labels('chain')).production).toBe(history.at(-1)?.to);
  });

  it('bindings: one per field, enforced by the database across instances', async () => {
    const other = await harness.reopen();
    const binding = { subjectType: 'post', field: 'summary', actionId: 'summarize', createdAt: at(0) };
    const results = await Promise.allSettled([harness.store().bindings.create(binding), other.bindings.create({ ...binding, actionId: 'other' })]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const error = await expectError(() => harness.store().bindings.create(binding), 'BINDING_CONFLICT');
    expect(error.details).toMatchObject({ subjectType: 'post', field: 'summary' });
    expect(await harness.store().bindings.list({ subjectType: 'post' })).toHaveLength(1);
    expect(await harness.store().bindings.delete('post', 'summary')).toBe(true);
    expect(await other.bindings.delete('post', 'summary')).toBe(false);
  });
}
