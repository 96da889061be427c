import { LlmActionsError, type Proposal, type ProposalListQueryV1 } from '@llm-actions/core';
import { expect, it } from 'vitest';
import { expectStoreError, settleAll } from './expect-store-error.js';
import { at, makeProposal } from './fixtures.js';
import type { StoreConformanceContext } from './store-conformance-context.js';

const ids = (proposals: Proposal[]) => proposals.map((proposal) => proposal.id);

/** Registers the tests of `store.proposals`. */
export function describeProposalRepository(context: StoreConformanceContext): void {
  const proposals = () => context.store.proposals;

  it('proposals: create and get round-trip; an existing id fails with STORE_CONFLICT', async () => {
    const proposal = makeProposal({ after: { title: 'Tides 🌊', tags: ['sea', 'مد'] }, before: null });
    await proposals().create(proposal);
    expect(await proposals().get(proposal.id)).toEqual(proposal);
    expect(await proposals().get('never-created')).toBeUndefined();
    await expectStoreError(() => proposals().create({ ...makeProposal(), id: proposal.id }), 'STORE_CONFLICT');
    expect(await proposals().get(proposal.id)).toEqual(proposal);
    const fetched = (await proposals().get(proposal.id)) as Proposal;
    fetched.diff.length = 0;
    expect((await proposals().get(proposal.id))?.diff).toEqual(proposal.diff);
  });

  it('proposals: list is newest first, filters by run, action, subject and status, and pages', async () => {
    const fixtures = [
      makeProposal({ id: 'p1', runId: 'run-1', actionId: 'summarize', subject: { type: 'post', id: '1' }, createdAt: at(10) }),
      makeProposal({ id: 'p2', runId: 'run-2', actionId: 'summarize', subject: { type: 'post', id: '2' }, status: 'applied', createdAt: at(20) }),
      makeProposal({ id: 'p3', runId: 'run-3', actionId: 'title', subject: { type: 'page', id: '1' }, status: 'rejected', createdAt: at(30) }),
      makeProposal({ id: 'p4', runId: 'run-3', actionId: 'title', subject: { type: 'post', id: '1' }, createdAt: at(40) }),
    ];
    for (const proposal of fixtures) await proposals().create(proposal);
    const cases: Array<[ProposalListQueryV1, string[]]> = [
      [{}, ['p4', 'p3', 'p2', 'p1']],
      [{ runId: 'run-3' }, ['p4', 'p3']],
      [{ actionId: 'summarize' }, ['p2', 'p1']],
      [{ subjectType: 'post' }, ['p4', 'p2', 'p1']],
      [{ subjectType: 'post', subjectId: '1' }, ['p4', 'p1']],
      [{ status: 'pending' }, ['p4', 'p1']],
      [{ status: 'rejected', actionId: 'title' }, ['p3']],
      [{ runId: 'none' }, []],
    ];
    for (const [query, expected] of cases) {
      expect(ids((await proposals().list(query)).items), JSON.stringify(query)).toEqual(expected);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await proposals().list({ limit: 3, cursor });
      seen.push(...ids(page.items));
      cursor = page.nextCursor;
      expect(seen.length, 'pagination does not end').toBeLessThanOrEqual(10);
    } while (cursor !== undefined);
    expect(seen).toEqual(['p4', 'p3', 'p2', 'p1']);
    await expectStoreError(() => proposals().list({ limit: 0 }), 'INVALID_INPUT');
  });

  it('proposals: update is compare-and-set; pending is applied once, a second apply fails with STORE_CONFLICT', async () => {
    const proposal = makeProposal();
    await proposals().create(proposal);
    const review = { status: 'applied' as const, resolvedAt: at(60), resolvedBy: 'ana', note: 'Looks right ✅' };
    const applied = await proposals().update(proposal.id, review, { expectedStatus: 'pending' });
    expect(applied).toEqual({ ...proposal, ...review });
    expect(await proposals().get(proposal.id)).toEqual(applied);
    const error = await expectStoreError(
      () => proposals().update(proposal.id, { status: 'applied', resolvedBy: 'ben' }, { expectedStatus: 'pending' }),
      'STORE_CONFLICT',
    );
    expect(error.details.actualStatus).toBe('applied');
    expect(await proposals().get(proposal.id)).toEqual(applied);
    await expectStoreError(() => proposals().update('never-created', { status: 'rejected' }, { expectedStatus: 'pending' }), 'NOT_FOUND');
  });

  it('proposals: a patch key given as undefined removes that field (a failed apply returns to pending)', async () => {
    const proposal = makeProposal({ note: 'keep me' });
    await proposals().create(proposal);
    await proposals().update(proposal.id, { status: 'applied', resolvedAt: at(5), resolvedBy: 'ana' }, { expectedStatus: 'pending' });
    const reverted = await proposals().update(
      proposal.id,
      { status: 'pending', resolvedAt: undefined, resolvedBy: undefined },
      { expectedStatus: 'applied' },
    );
    for (const found of [reverted, await proposals().get(proposal.id)]) {
      expect(found).toEqual(proposal);
      expect(found).not.toHaveProperty('resolvedAt');
      expect(found).not.toHaveProperty('resolvedBy');
      expect(found?.note).toBe('keep me');
    }
  });

  it('proposals: of a concurrent apply and reject exactly one wins', async () => {
    const proposal = makeProposal();
    await proposals().create(proposal);
    const { values, errors } = await settleAll([
      proposals().update(proposal.id, { status: 'applied', resolvedBy: 'ana', resolvedAt: at(1) }, { expectedStatus: 'pending' }),
      proposals().update(proposal.id, { status: 'rejected', resolvedBy: 'ben', resolvedAt: at(1) }, { expectedStatus: 'pending' }),
    ]);
    expect(values).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(LlmActionsError.isInstance(errors[0]) && errors[0].code).toBe('STORE_CONFLICT');
    expect(await proposals().get(proposal.id)).toEqual(values[0]);
  });
}
