import { describe, expect, it, vi } from 'vitest';
import { idea, setup, summarize } from './helpers.js';

describe('proposals: review before apply', () => {
  it('applies a pending proposal once through the host callback', async () => {
    const apply = vi.fn();
    const { llm } = await setup({ responses: ['New summary.'] }, { apply });
    const { proposal } = await llm.run(summarize, idea);
    const applied = await llm.proposals.apply(proposal!.id, { by: 'editor' });
    expect(applied).toMatchObject({ status: 'applied', resolvedBy: 'editor' });
    expect(apply).toHaveBeenCalledTimes(1);
    expect(apply.mock.calls[0]![0]).toMatchObject({ subject: { type: 'idea', id: 'idea-1' }, field: 'summary', value: 'New summary.' });
    await expect(llm.proposals.apply(proposal!.id, { by: 'editor' })).rejects.toMatchObject({ code: 'PROPOSAL_NOT_PENDING' });
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('lets only one of two concurrent applies through', async () => {
    const apply = vi.fn();
    const { llm } = await setup({}, { apply });
    const { proposal } = await llm.run(summarize, idea);
    const outcomes = await Promise.allSettled([llm.proposals.apply(proposal!.id), llm.proposals.apply(proposal!.id)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('returns the proposal to pending when the host apply fails', async () => {
    let fail = true;
    const { llm } = await setup({}, { apply: () => { if (fail) throw new Error('database offline'); } });
    const { proposal } = await llm.run(summarize, idea);
    await expect(llm.proposals.apply(proposal!.id)).rejects.toMatchObject({ code: 'APPLY_FAILED' });
    expect((await llm.proposals.get(proposal!.id))!.status).toBe('pending');
    fail = false;
    await expect(llm.proposals.apply(proposal!.id)).resolves.toMatchObject({ status: 'applied' });
  });

  it('rejects with who and why, and emits the review events', async () => {
    const { llm } = await setup();
    const types: string[] = [];
    llm.events.onAny((event) => void (event.type.startsWith('proposal:') && types.push(event.type)));
    const { proposal } = await llm.run(summarize, idea);
    const rejected = await llm.proposals.reject(proposal!.id, { by: 'editor', note: 'Too vague' });
    expect(rejected).toMatchObject({ status: 'rejected', resolvedBy: 'editor', note: 'Too vague' });
    expect(types).toEqual(['proposal:created', 'proposal:rejected']);
  });

  it('applies at once in mode "apply", and needs an apply callback for it', async () => {
    const apply = vi.fn();
    const { llm } = await setup({ responses: ['Applied summary.'] }, { apply });
    const result = await llm.run(summarize, idea, { mode: 'apply', user: 'ada' });
    expect(result.proposal).toMatchObject({ status: 'applied', resolvedBy: 'ada' });
    expect(apply).toHaveBeenCalledTimes(1);
    const withoutApply = await setup();
    await expect(withoutApply.llm.run(summarize, idea, { mode: 'apply' })).rejects.toMatchObject({ code: 'APPLY_FAILED' });
    expect(withoutApply.provider.requests).toHaveLength(0);
  });

  it('asks authorize before applying', async () => {
    const { llm } = await setup({}, { apply: () => undefined, authorize: (user, permission) => permission !== 'proposal:apply' || user === 'lead' });
    const { proposal } = await llm.run(summarize, idea);
    await expect(llm.proposals.apply(proposal!.id, { by: 'intern' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(llm.proposals.apply(proposal!.id, { by: 'lead' })).resolves.toMatchObject({ status: 'applied' });
  });
});
