import { describe, expect, it } from 'vitest';
import { LlmActionsError, defineAction } from '../src/index.js';
import { idea, setup, summarize } from './helpers.js';

describe('llm.run: the walk of one run', () => {
  it('previews the exact messages without storing or calling anything', async () => {
    const { llm, provider, store } = await setup();
    const preview = await llm.preview(summarize, idea);
    expect(preview.messages).toEqual([
      { role: 'system', content: 'You write short, plain summaries.' },
      { role: 'user', content: 'Summarize this idea in one sentence:\nA CMS that drafts summaries for editors.' },
    ]);
    expect(provider.requests).toHaveLength(0);
    expect((await store.runs.list()).items).toHaveLength(0);
    expect(await store.actions.list()).toHaveLength(0);
  });

  it('stores a succeeded run with version, input, messages, output, usage, cost and a pending proposal', async () => {
    const { llm, provider } = await setup(
      { responses: [{ text: 'Editors get drafted summaries.', usage: { inputTokens: 1_000_000, outputTokens: 500_000 } }] },
      { prices: { 'mock/small': { input: 2, output: 8 } } },
    );
    const result = await llm.run(summarize, idea, { user: 'ada', tags: ['demo'] });
    expect(result.output).toBe('Editors get drafted summaries.');
    expect(result.run).toMatchObject({
      kind: 'action',
      status: 'succeeded',
      actionId: 'summarize-idea',
      actionVersion: 1,
      subject: { type: 'idea', id: 'idea-1' },
      input: { idea_seed: 'A CMS that drafts summaries for editors.' },
      model: 'mock/small',
      settings: { temperature: 0.2 },
      attempts: 1,
      usage: { inputTokens: 1_000_000, outputTokens: 500_000 },
      costUsd: 6,
      user: 'ada',
      tags: ['demo'],
      output: { raw: 'Editors get drafted summaries.', parsed: 'Editors get drafted summaries.' },
    });
    expect(result.run.timings.finishedAt).toBeDefined();
    expect(provider.requests[0]).toMatchObject({ model: 'small', settings: { temperature: 0.2 }, responseFormat: { type: 'text' } });
    expect(result.proposal).toMatchObject({
      status: 'pending',
      field: 'summary',
      before: 'Old summary',
      after: 'Editors get drafted summaries.',
      diff: [
        { op: 'delete', text: 'Old summary' },
        { op: 'insert', text: 'Editors get drafted summaries.' },
      ],
    });
    expect(result.run.proposalId).toBe(result.proposal!.id);
    expect(result.run.events.map((event) => event.type)).toEqual([
      'run:start',
      'run:prompt',
      'run:request',
      'run:response',
      'run:output',
      'proposal:created',
      'run:finish',
    ]);
    expect(await llm.runs.get(result.run.id)).toEqual(result.run);
  });

  it('creates the run as running before the provider is called', async () => {
    const { llm, provider, store } = await setup();
    const seen: Array<string | undefined> = [];
    const generate = provider.doGenerate.bind(provider);
    provider.doGenerate = async (request) => {
      seen.push((await store.runs.list()).items[0]?.status);
      return generate(request);
    };
    const result = await llm.run(summarize, idea);
    expect(seen).toEqual(['running']);
    expect(result.run.status).toBe('succeeded');
  });

  it('fails with SOURCE_MISSING naming every missing source, before any run or call', async () => {
    const { llm, provider, store } = await setup();
    const twoSources = defineAction({ ...summarize, id: 'two', sources: ['idea_seed', 'audience'] });
    const error = await llm.run(twoSources, { type: 'idea', id: '2', fields: { idea_seed: '   ' } }).catch((caught: unknown) => caught);
    expect(LlmActionsError.isInstance(error) && error.code).toBe('SOURCE_MISSING');
    expect((error as LlmActionsError).details.missing).toEqual(['idea_seed', 'audience']);
    expect((error as Error).message).toContain('"idea_seed", "audience"');
    expect(provider.requests).toHaveLength(0);
    expect((await store.runs.list()).items).toHaveLength(0);
  });

  it('reports an unknown provider with the registered ones', async () => {
    const { llm } = await setup();
    const elsewhere = defineAction({ ...summarize, id: 'elsewhere', model: 'openai/gpt-4o-mini' });
    await expect(llm.run(elsewhere, idea)).rejects.toMatchObject({
      code: 'PROVIDER_NOT_FOUND',
      details: { providerId: 'openai', registered: ['mock'] },
    });
  });

  it('saves an inline definition once and records a new version only when it changes', async () => {
    const { llm } = await setup();
    const first = await llm.run(summarize, idea);
    const again = await llm.run(defineAction({ ...summarize }), idea);
    const changed = await llm.run(defineAction({ ...summarize, settings: { temperature: 0.9 } }), idea);
    expect([first.run.actionVersion, again.run.actionVersion, changed.run.actionVersion]).toEqual([1, 1, 2]);
  });

  it('runs stored actions by id, id@version and id@label', async () => {
    const { llm, provider } = await setup();
    await llm.actions.save(summarize);
    await llm.actions.save(defineAction({ ...summarize, settings: { temperature: 0.7 } }));
    await llm.actions.setLabel('summarize-idea', 'production', 1, { user: 'ada' });
    expect((await llm.run('summarize-idea', idea)).run.actionVersion).toBe(2);
    expect((await llm.run('summarize-idea@1', idea)).run.actionVersion).toBe(1);
    expect((await llm.run('summarize-idea@production', idea)).run.actionVersion).toBe(1);
    expect(provider.requests.map((request) => request.settings.temperature)).toEqual([0.7, 0.2, 0.2]);
    await expect(llm.run('summarize-idea@staging', idea)).rejects.toMatchObject({ code: 'ACTION_NOT_FOUND' });
    await expect(llm.run('missing', idea)).rejects.toMatchObject({ code: 'ACTION_NOT_FOUND' });
  });

  it('refuses what authorize refuses, before anything is stored', async () => {
    const { llm, store } = await setup({}, { authorize: (user, permission) => !(user === 'mallory' && permission === 'action:invoke') });
    await expect(llm.run(summarize, idea, { user: 'mallory' })).rejects.toMatchObject({ code: 'FORBIDDEN', details: { user: 'mallory', permission: 'action:invoke' } });
    expect((await store.runs.list()).items).toHaveLength(0);
    await expect(llm.run(summarize, idea, { user: 'ada' })).resolves.toBeDefined();
  });

  it('streams: chunk events and onChunk receive the deltas; the output is their concatenation', async () => {
    const { llm } = await setup({ responses: [{ chunks: ['Drafted ', 'summaries ', 'for editors.'] }] });
    const received: string[] = [];
    const result = await llm.run(summarize, idea, { stream: true, onChunk: (delta) => received.push(delta) });
    expect(received).toEqual(['Drafted ', 'summaries ', 'for editors.']);
    expect(result.output).toBe('Drafted summaries for editors.');
    expect(result.run.events.filter((event) => event.type === 'run:chunk').map((event) => event.data.delta)).toEqual(received);
    expect(result.run.timings.firstTokenAt).toBeDefined();
  });

  it('runs a draft with test(): stored with kind test, no version, no proposal', async () => {
    const { llm, store } = await setup({ responses: ['Sample summary.'] });
    const result = await llm.test(summarize, { idea_seed: 'An idea' });
    expect(result.run.kind).toBe('test');
    expect(result.run.actionVersion).toBeUndefined();
    expect(result.proposal).toBeUndefined();
    expect(await store.actions.list()).toHaveLength(0);
    expect((await store.proposals.list()).items).toHaveLength(0);
  });

  it('reports test cases that pass and fail', async () => {
    const { llm } = await setup({ responses: ['A summary about editors.', 'Nothing relevant.'] });
    const draft = defineAction({
      ...summarize,
      testCases: [
        { name: 'mentions editors', fields: { idea_seed: 'x' }, expect: { contains: ['editors'] } },
        { name: 'also mentions editors', fields: { idea_seed: 'y' }, expect: { contains: ['editors'] } },
      ],
    });
    const results = await llm.testCases(draft);
    expect(results.map((result) => [result.name, result.passed])).toEqual([
      ['mentions editors', true],
      ['also mentions editors', false],
    ]);
    expect(results[1]!.failures).toEqual(['output does not contain "editors"']);
  });
});
