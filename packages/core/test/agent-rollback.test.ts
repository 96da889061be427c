import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actionTool, defineTool, type AnyLlmActionsEvent } from '../src/index.js';
import { failure } from './helpers.js';
import { agentStoreSkipReason, calls, host, samplePosts, setupAgent, summarize, tools } from './agent-helpers.js';

async function approvedRun() {
  const setup = await setupAgent();
  const started = await setup.runtime.start('summary-filler', 'Fill missing summaries', { user: 'ana' });
  for (const step of started.awaitingApproval) await setup.runtime.approve(started.run.id, step.id, { by: 'editor' });
  const finished = await setup.runtime.resume(started.run.id);
  return { ...setup, finished };
}

/** Two turns that each fill one summary without approval, then one that writes a note without undo. */
async function twoTurns(extra: ReturnType<typeof calls>[] = []) {
  const side = host();
  const fill = actionTool(summarize, { name: 'fill_summary', loadSubject: side.loadSubject, needsApproval: false });
  const notes: string[] = [];
  const note = defineTool({ name: 'add_note', description: 'Adds a note.', input: z.object({ text: z.string() }), mode: 'write', execute: ({ text }) => void notes.push(text) });
  const { listMissing } = tools(side.loadSubject, side.posts);
  const script = [calls(['fill_summary', { subjectType: 'post', subjectId: 'p1' }]), calls(['fill_summary', { subjectType: 'post', subjectId: 'p2' }]), ...extra, 'Done.'];
  const setup = await setupAgent(script, { posts: side.posts, agent: { tools: [listMissing, fill, note] } });
  const result = await setup.runtime.start('summary-filler', 'Fill');
  const fills = result.steps.filter((step) => step.toolName === 'fill_summary');
  return { ...setup, result, fills, notes };
}

describe.skipIf(agentStoreSkipReason !== undefined)('agents: journal, snapshots and rollback', () => {
  it('rolls back the last snapshot: every field gets its previous value exactly, a missing field is removed again', async () => {
    const { runtime, posts, finished } = await approvedRun();
    expect(posts.get('p2')!.fields.summary).toBeDefined();
    const events: AnyLlmActionsEvent[] = [];
    runtime.events.on('agent:rollback', (event) => void events.push(event));
    const rolled = await runtime.rollback(finished.run.id, { to: 'last', by: 'editor' });
    expect([...posts.values()]).toEqual([...samplePosts().values()]);
    expect(posts.get('p2')!.fields).not.toHaveProperty('summary');
    expect(rolled.run.status).toBe('succeeded');
    expect(rolled.undone.map((entry) => [entry.kind, entry.undoes, entry.by])).toEqual([
      ['undo', 3, 'editor'],
      ['undo', 2, 'editor'],
    ]);
    const journal = await runtime.journal(finished.run.id);
    expect(journal.map((entry) => `${entry.seq}:${entry.kind}:${entry.toolName}`)).toEqual([
      '1:execute:list_missing_summaries',
      '2:execute:fill_summary',
      '3:execute:fill_summary',
      '4:undo:fill_summary',
      '5:undo:fill_summary',
    ]);
    expect(events[0]!.data).toMatchObject({ to: 'last', by: 'editor', undone: [{ seq: 3 }, { seq: 2 }] });
    expect((await runtime.rollback(finished.run.id, { to: 'last', by: 'editor' })).undone).toEqual([]);
  });

  it('rolls back to a step or a snapshot: that change and everything after it, newest first', async () => {
    const { runtime, result, fills, posts } = await twoTurns();
    expect(posts.get('p1')!.fields.summary).toContain('Summary:');
    expect(posts.get('p2')!.fields.summary).toContain('Summary:');
    const snapshots = await runtime.snapshots(result.run.id);
    expect(snapshots.map((snapshot) => snapshot.label)).toEqual(['turn 1', 'turn 2']);
    await runtime.rollback(result.run.id, { to: fills[1]!.id });
    expect(posts.get('p2')!.fields).not.toHaveProperty('summary');
    expect(posts.get('p1')!.fields.summary).toContain('Summary:');
    await runtime.rollback(result.run.id, { to: snapshots[0]!.id });
    expect([...posts.values()]).toEqual([...samplePosts().values()]);
    await expect(failure(runtime.rollback(result.run.id, { to: 'step_unknown' }))).resolves.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stops with ROLLBACK_BLOCKED before undoing anything when a change in range has no inverse', async () => {
    const { runtime, result, posts, fills, notes } = await twoTurns([calls(['add_note', { text: 'filled two' }])]);
    expect(notes).toEqual(['filled two']);
    const before = structuredClone([...posts.values()]);
    for (const to of ['last', 'start', fills[0]!.id]) {
      const error = await failure(runtime.rollback(result.run.id, { to }));
      expect(error.code).toBe('ROLLBACK_BLOCKED');
      expect(error.details.blocked).toEqual([expect.objectContaining({ toolName: 'add_note' })]);
    }
    expect([...posts.values()]).toEqual(before);
    expect((await runtime.journal(result.run.id)).filter((entry) => entry.kind === 'undo')).toEqual([]);
    const journal = await runtime.journal(result.run.id);
    expect(journal.find((entry) => entry.toolName === 'add_note')).toMatchObject({ inverse: null, mode: 'write' });
    expect((await runtime.get(result.run.id))!.run.status).toBe('succeeded');
  });

  it('asks authorize for agent:rollback, and returns a suspended run to awaiting-approval so it can still be resumed', async () => {
    const side = host();
    const now = actionTool(summarize, { name: 'fill_now', loadSubject: side.loadSubject, needsApproval: false });
    const reviewed = actionTool(summarize, { name: 'fill_reviewed', loadSubject: side.loadSubject });
    const script = [calls(['fill_now', { subjectType: 'post', subjectId: 'p1' }]), calls(['fill_reviewed', { subjectType: 'post', subjectId: 'p2' }]), 'Done.'];
    const { runtime, posts } = await setupAgent(script, {
      posts: side.posts,
      agent: { tools: [now, reviewed] },
      options: { authorize: (user, permission) => permission !== 'agent:rollback' || user === 'lead' },
    });
    const started = await runtime.start('summary-filler', 'Fill');
    expect(started.run.status).toBe('awaiting-approval');
    expect(posts.get('p1')!.fields.summary).toContain('Summary:');
    await expect(failure(runtime.rollback(started.run.id, { to: 'start', by: 'intern' }))).resolves.toMatchObject({ code: 'FORBIDDEN' });
    const rolled = await runtime.rollback(started.run.id, { to: 'start', by: 'lead' });
    expect(rolled.run).toMatchObject({ status: 'awaiting-approval', revision: started.run.revision + 2 });
    expect(posts.get('p1')!.fields.summary).toBe('');
    await runtime.approve(started.run.id, started.awaitingApproval[0]!.id, { by: 'lead' });
    expect((await runtime.resume(started.run.id)).run.status).toBe('succeeded');
    expect(posts.get('p2')!.fields.summary).toContain('Summary:');
  });
});
