import { expect, it } from 'vitest';
import { expectStoreError } from './expect-store-error.js';
import { at, makeAction, makePrompt, makeRun } from './fixtures.js';
import type { StoreConformanceContext } from './store-conformance-context.js';

/** A/B tests: labels that split traffic, run variants, version filters and latency percentiles. */
export function describeVariants(context: StoreConformanceContext): void {
  it('labels: a label can split traffic between versions; moves record splits; bad splits are refused', async () => {
    const prompts = context.store.prompts;
    for (let version = 1; version <= 3; version += 1) await prompts.create(makePrompt({ id: 'ab', createdAt: at(version) }));
    const split = { split: [{ version: 1, weight: 1 }, { version: 3, weight: 2.5 }] };
    await prompts.setLabel('ab', 'production', split, { by: 'ana', at: at(10) });
    expect(await prompts.labels('ab')).toEqual({ production: split });
    expect(await prompts.get('ab', { label: 'production' })).toBeUndefined();
    await prompts.setLabel('ab', 'production', 2, { at: at(11) });
    expect((await prompts.get('ab', { label: 'production' }))?.version).toBe(2);
    await prompts.setLabel('ab', 'production', split, { at: at(12) });
    expect(await prompts.labelHistory('ab')).toEqual([
      { label: 'production', to: split, by: 'ana', at: at(10) },
      { label: 'production', from: split, to: 2, at: at(11) },
      { label: 'production', from: 2, to: split, at: at(12) },
    ]);
    await expectStoreError(() => prompts.setLabel('ab', 'staging', { split: [] }, { at: at(13) }), 'INVALID_INPUT');
    await expectStoreError(() => prompts.setLabel('ab', 'staging', { split: [{ version: 1, weight: 0 }] }, { at: at(13) }), 'INVALID_INPUT');
    await expectStoreError(
      () => prompts.setLabel('ab', 'staging', { split: [{ version: 1, weight: 1 }, { version: 9, weight: 1 }] }, { at: at(13) }),
      'NOT_FOUND',
    );
    expect(Object.keys(await prompts.labels('ab'))).toEqual(['production']);
  });

  it('labels: returned splits are copies', async () => {
    const actions = context.store.actions;
    await actions.create(makeAction({ id: 'copy', createdAt: at(1) }));
    await actions.create(makeAction({ id: 'copy', createdAt: at(2) }));
    await actions.setLabel('copy', 'production', { split: [{ version: 1, weight: 1 }, { version: 2, weight: 1 }] }, { at: at(3) });
    const labels = await actions.labels('copy');
    (labels.production as { split: Array<{ weight: number }> }).split[0]!.weight = 99;
    expect((await actions.labels('copy')).production).toEqual({ split: [{ version: 1, weight: 1 }, { version: 2, weight: 1 }] });
  });

  it('runs: variants filter lists and group usage, with latency percentiles by nearest rank', async () => {
    const runs = context.store.runs;
    const timed = (milliseconds: number) => ({ queuedAt: at(0), startedAt: at(1), finishedAt: new Date(Date.parse(at(1)) + milliseconds).toISOString() });
    for (const [variant, version, latency] of [
      ['production@1', 1, 100],
      ['production@1', 1, 300],
      ['production@1', 1, 200],
      ['production@1', 1, 1000],
      ['production@2', 2, 50],
    ] as const) {
      await runs.create(makeRun({ actionId: 'summarize', actionVersion: version, variant, status: 'succeeded', timings: timed(latency) }));
    }
    await runs.create(makeRun({ actionId: 'summarize', actionVersion: 2, variant: 'production@2' }));
    await runs.create(makeRun({ actionId: 'summarize', actionVersion: 3 }));
    const second = await runs.list({ actionId: 'summarize', variant: 'production@2' });
    expect(second.items.map((run) => run.variant)).toEqual(['production@2', 'production@2']);
    expect((await runs.list({ actionId: 'summarize', actionVersion: 1 })).items).toHaveLength(4);
    await expectStoreError(() => runs.list({ actionVersion: 0 }), 'INVALID_INPUT');
    const rows = await runs.usage({ groupBy: ['variant'] });
    expect(rows.map((row) => [row.group, row.runs, row.latencyP50Ms, row.latencyP95Ms])).toEqual([
      [{ variant: 'production@1' }, 4, 200, 1000],
      [{ variant: 'production@2' }, 2, 50, 50],
      [{}, 1, undefined, undefined],
    ]);
    expect(rows[2]).not.toHaveProperty('latencyP50Ms');
    const total = await runs.usage({ groupBy: [] });
    expect([total[0]!.latencyP50Ms, total[0]!.latencyP95Ms]).toEqual([200, 1000]);
  });
}
