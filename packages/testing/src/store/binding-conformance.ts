import { LlmActionsError } from '@llm-actions/core';
import { expect, it } from 'vitest';
import { makeBinding } from './fixtures.js';
import type { StoreConformanceContext } from './store-conformance-context.js';

/** Registers the tests of `store.bindings`. */
export function describeBindingRepository(context: StoreConformanceContext): void {
  it('bindings: create stores one binding per field; get returns it, or undefined', async () => {
    const binding = makeBinding();
    expect(await context.store.bindings.create(binding)).toEqual(binding);
    expect(await context.store.bindings.get('post', 'summary')).toEqual(binding);
    expect(await context.store.bindings.get('post', 'title')).toBeUndefined();
    expect(await context.store.bindings.get('page', 'summary')).toBeUndefined();
    const withoutLabel = makeBinding({ field: 'seo.description', label: undefined });
    delete withoutLabel.label;
    await context.store.bindings.create(withoutLabel);
    const fetched = await context.store.bindings.get('post', 'seo.description');
    expect(fetched).toEqual(withoutLabel);
    expect(fetched).not.toHaveProperty('label');
  });

  it('bindings: a second binding for the same field fails with BINDING_CONFLICT and keeps the first', async () => {
    const first = makeBinding({ actionId: 'summarize' });
    await context.store.bindings.create(first);
    let caught: unknown;
    try {
      await context.store.bindings.create(makeBinding({ actionId: 'shorten' }));
    } catch (error) {
      caught = error;
    }
    expect(LlmActionsError.isInstance(caught)).toBe(true);
    expect((caught as LlmActionsError).code).toBe('BINDING_CONFLICT');
    expect(await context.store.bindings.get('post', 'summary')).toEqual(first);
    // The same field of another subject type, and another field of the same type, are free.
    await context.store.bindings.create(makeBinding({ subjectType: 'page', actionId: 'shorten' }));
    await context.store.bindings.create(makeBinding({ field: 'title', actionId: 'shorten' }));
    expect(await context.store.bindings.list()).toHaveLength(3);
  });

  it('bindings: list orders by subjectType then field and filters by subjectType and actionId', async () => {
    const bindings = [
      makeBinding({ subjectType: 'product', field: 'title', actionId: 'title-case' }),
      makeBinding({ subjectType: 'post', field: 'title', actionId: 'title-case' }),
      makeBinding({ subjectType: 'post', field: 'summary', actionId: 'summarize' }),
      makeBinding({ subjectType: 'page', field: 'summary', actionId: 'summarize' }),
    ];
    for (const binding of bindings) await context.store.bindings.create(binding);
    const keys = (list: Array<{ subjectType: string; field: string }>) => list.map((binding) => `${binding.subjectType}.${binding.field}`);
    expect(keys(await context.store.bindings.list())).toEqual(['page.summary', 'post.summary', 'post.title', 'product.title']);
    expect(keys(await context.store.bindings.list({ subjectType: 'post' }))).toEqual(['post.summary', 'post.title']);
    expect(keys(await context.store.bindings.list({ actionId: 'title-case' }))).toEqual(['post.title', 'product.title']);
    expect(keys(await context.store.bindings.list({ subjectType: 'post', actionId: 'title-case' }))).toEqual(['post.title']);
    expect(await context.store.bindings.list({ subjectType: 'nothing' })).toEqual([]);
    expect(await context.store.bindings.list({})).toHaveLength(4);
  });

  it('bindings: delete removes a binding once, and the field can be bound again', async () => {
    await context.store.bindings.create(makeBinding());
    expect(await context.store.bindings.delete('post', 'summary')).toBe(true);
    expect(await context.store.bindings.delete('post', 'summary')).toBe(false);
    expect(await context.store.bindings.get('post', 'summary')).toBeUndefined();
    const rebound = makeBinding({ actionId: 'shorten' });
    await context.store.bindings.create(rebound);
    expect(await context.store.bindings.get('post', 'summary')).toEqual(rebound);
  });

  it('bindings: returned objects are copies', async () => {
    const input = makeBinding();
    const created = await context.store.bindings.create(input);
    created.actionId = 'changed';
    input.actionId = 'changed';
    const [listed] = await context.store.bindings.list();
    (listed as { actionId: string }).actionId = 'changed';
    expect((await context.store.bindings.get('post', 'summary'))?.actionId).toBe('summarize');
  });
}
