import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chain, defineAction, type Subject } from '../src/index.js';
import { setup } from './helpers.js';

const summary = defineAction({
  id: 'summary', name: 'Summary', sources: ['idea'], destination: 'summary',
  prompts: { instructions: 'Summarize: {{ input }}' }, model: 'mock/m',
});
const title = defineAction({
  id: 'title', name: 'Title', sources: ['summary'], destination: 'title',
  prompts: { instructions: 'Title for: {{ input }} (summary step said {{ steps.summary.output }})' }, model: 'mock/m',
});
const tags = defineAction({
  id: 'tags', name: 'Tags', sources: ['summary'], destination: 'tags',
  prompts: { instructions: 'Tags for: {{ input }}' }, model: 'mock/m',
  output: { format: 'json', schema: z.object({ tags: z.array(z.string()) }) },
});
const post: Subject = { type: 'post', id: 'p1', fields: { idea: 'Reviewable AI drafts' } };

describe('chains', () => {
  it('feeds earlier outputs to later steps and links step runs to the chain run', async () => {
    const { llm, provider, store } = await setup({ responses: ['A queue for drafts.', 'Drafts, reviewed', '{"tags":["cms"]}'] });
    const flow = chain({ id: 'blog-post', steps: [{ id: 'summary', action: summary }, { id: 'title', action: title }, { id: 'tags', action: tags }] as const });
    const result = await llm.runChain(flow, post);
    expect(result.status).toBe('succeeded');
    expect(result.steps.summary.output).toBe('A queue for drafts.');
    expect(result.steps.tags.output).toEqual({ tags: ['cms'] });
    expect(provider.requests[1]!.messages.at(-1)!.content).toBe('Title for: A queue for drafts. (summary step said A queue for drafts.)');
    expect(result.subject.fields).toMatchObject({ summary: 'A queue for drafts.', title: 'Drafts, reviewed', tags: { tags: ['cms'] } });
    expect(post.fields.summary).toBeUndefined();
    const steps = await store.runs.list({ parentRunId: result.chainRunId });
    expect(steps.items.map((run) => run.actionId).sort()).toEqual(['summary', 'tags', 'title']);
    const parent = await store.runs.get(result.chainRunId);
    expect(parent).toMatchObject({ kind: 'chain', status: 'succeeded', tags: ['chain:blog-post'] });
    expect(parent!.events.filter((event) => event.type === 'chain:step').map((event) => [event.data.stepId, event.data.status])).toEqual([
      ['summary', 'succeeded'],
      ['title', 'succeeded'],
      ['tags', 'succeeded'],
    ]);
  });

  it('skips a step whose condition is false', async () => {
    const { llm, provider } = await setup({ responses: ['Summary.', '{"tags":["a"]}'] });
    const flow = chain({
      id: 'conditional',
      steps: [
        { id: 'summary', action: summary },
        { id: 'title', action: title, when: ({ subject }) => !subject.fields.title },
        { id: 'tags', action: tags, when: ({ steps }) => steps.summary?.status === 'succeeded' },
      ] as const,
    });
    const result = await llm.runChain(flow, { ...post, fields: { ...post.fields, title: 'Kept' } });
    expect([result.steps.summary.status, result.steps.title.status, result.steps.tags.status]).toEqual(['succeeded', 'skipped', 'succeeded']);
    expect(provider.requests).toHaveLength(2);
  });

  it.each([
    ['stop', ['succeeded', 'failed', 'skipped'], 2],
    ['continue', ['succeeded', 'failed', 'succeeded'], 3],
    ['retry', ['succeeded', 'succeeded', 'succeeded'], 4],
  ] as const)('onError %s', async (onError, statuses, calls) => {
    const { llm, provider } = await setup({ responses: ['Summary.', { error: { status: 400 } }, 'Title', '{"tags":["x"]}'] });
    const flow = chain({ id: 'errors', onError, steps: [{ id: 'summary', action: summary }, { id: 'title', action: title }, { id: 'tags', action: tags }] as const });
    const responses = onError === 'continue' ? ['Summary.', { error: { status: 400 } }, '{"tags":["x"]}'] : undefined;
    const instance = responses ? await setup({ responses }) : { llm, provider };
    const result = await instance.llm.runChain(flow, post);
    expect([result.steps.summary.status, result.steps.title.status, result.steps.tags.status]).toEqual(statuses);
    expect(instance.provider.requests).toHaveLength(calls);
    expect(result.status).toBe(onError === 'retry' ? 'succeeded' : 'failed');
  });

  it('refuses invalid chain definitions with every problem listed', () => {
    expect(() => chain({ id: 'Bad Id', steps: [{ id: 'a', action: summary }, { id: 'a', action: title }] })).toThrow(/not a valid id.*used twice/);
  });
});
