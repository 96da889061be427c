import { describe, expect, it } from 'vitest';
import { defineAction, type Subject } from '../src/index.js';
import { setup, summarize } from './helpers.js';

const posts = (count: number): Subject[] =>
  Array.from({ length: count }, (_, index) => ({ type: 'idea', id: `idea-${index}`, fields: { idea_seed: `Idea ${index}` } }));

describe('versions, labels and A/B splits', () => {
  it('audits label moves: who, when, from, to', async () => {
    let now = Date.parse('2026-05-01T10:00:00.000Z');
    const { llm } = await setup({}, { clock: () => (now += 1_000) });
    await llm.actions.save(summarize);
    await llm.actions.save(defineAction({ ...summarize, settings: { temperature: 0.9 } }));
    await llm.actions.setLabel('summarize-idea', 'production', 1, { user: 'ada' });
    await llm.actions.setLabel('summarize-idea', 'production', 2, { user: 'bob' });
    const history = await llm.actions.labelHistory('summarize-idea');
    expect(history).toEqual([
      { label: 'production', to: 1, by: 'ada', at: expect.stringMatching(/^2026-05-01T10:00:\d\d\.000Z$/) },
      { label: 'production', from: 1, to: 2, by: 'bob', at: expect.any(String) },
    ]);
    expect(Date.parse(history[1]!.at)).toBeGreaterThan(Date.parse(history[0]!.at));
    expect(await llm.actions.labels('summarize-idea')).toEqual({ production: 2 });
  });

  it('splits a label between versions by weight, sticky per subject, and records the variant', async () => {
    const { llm, provider } = await setup();
    await llm.actions.save(summarize);
    await llm.actions.save(defineAction({ ...summarize, settings: { temperature: 0.9 } }));
    await llm.actions.setLabel('summarize-idea', 'production', { split: [{ version: 1, weight: 3 }, { version: 2, weight: 1 }] });
    const subjects = posts(200);
    const first = await llm.runMany('summarize-idea@production', subjects, { concurrency: 8 });
    expect(first.items.every((item) => item.status === 'succeeded' && item.runId)).toBe(true);
    const runs = await Promise.all(first.items.map((item) => llm.runs.get(item.runId!)));
    const byVariant: Record<string, unknown[]> = {};
    for (const run of runs) (byVariant[run!.variant!] ??= []).push(run);
    expect(Object.keys(byVariant).sort()).toEqual(['production@1', 'production@2']);
    const share = byVariant['production@2']!.length / runs.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
    for (const run of runs) expect(run!.variant).toBe(`production@${run!.actionVersion}`);
    // The provider got each version's settings.
    expect(new Set(provider.requests.map((request) => request.settings.temperature))).toEqual(new Set([0.2, 0.9]));
    // Sticky: the same subjects get the same versions again.
    const again = await Promise.all(subjects.slice(0, 40).map((subject) => llm.run('summarize-idea@production', subject)));
    expect(again.map((result) => result.run.actionVersion)).toEqual(runs.slice(0, 40).map((run) => run!.actionVersion));
    const summary = await llm.usage.summary({ groupBy: 'variant' });
    expect(summary.map((row) => row.group.variant)).toEqual(['production@1', 'production@2', undefined]);
    expect(summary[0]!.runs + summary[1]!.runs).toBe(240);
    expect(summary[0]).toMatchObject({ successRate: 1, latencyP50Ms: expect.any(Number), latencyP95Ms: expect.any(Number) });
  });

  it('summarizes usage by action, model, user and day', async () => {
    const { llm } = await setup({ fallback: { text: 'ok', usage: { inputTokens: 10, outputTokens: 5 } } }, { prices: { 'mock/small': { input: 1, output: 2 } } });
    await llm.run(summarize, posts(1)[0]!, { user: 'ada' });
    await llm.run(summarize, posts(2)[1]!, { user: 'bob' });
    const [byAction] = await llm.usage.summary({ groupBy: ['action', 'model'] });
    expect(byAction).toMatchObject({ group: { actionId: 'summarize-idea', model: 'mock/small' }, runs: 2, succeeded: 2, inputTokens: 20, outputTokens: 10, costUsd: 0.00004 });
    expect((await llm.usage.summary({ groupBy: 'user' })).map((row) => row.group.user)).toEqual(['ada', 'bob']);
    const [day] = await llm.usage.summary({ groupBy: 'day' });
    expect(day!.group.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
