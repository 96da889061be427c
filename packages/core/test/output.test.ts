import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAction } from '../src/index.js';
import { failure, idea, setup, summarize } from './helpers.js';

const tagged = defineAction({
  ...summarize,
  id: 'tag-idea',
  name: 'Tag idea',
  destination: 'tags',
  output: { format: 'json', schema: z.object({ tags: z.array(z.string()).min(1) }) },
});

describe('output validation', () => {
  it('parses JSON output against the zod schema and sends the JSON Schema to the provider', async () => {
    const { llm, provider } = await setup({ responses: ['```json\n{"tags":["cms","editors"]}\n```'] });
    const result = await llm.run(tagged, idea);
    expect(result.output).toEqual({ tags: ['cms', 'editors'] });
    expect(provider.requests[0]!.responseFormat).toMatchObject({
      type: 'json',
      name: 'tag-idea',
      schema: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } },
    });
    expect(result.proposal!.after).toEqual({ tags: ['cms', 'editors'] });
  });

  it('makes one repair attempt that carries the problem, and records it', async () => {
    const { llm, provider } = await setup({ responses: ['{"tags":[]}', '{"tags":["fixed"]}'] });
    const result = await llm.run(tagged, idea);
    expect(result.output).toEqual({ tags: ['fixed'] });
    expect(provider.requests).toHaveLength(2);
    const repair = provider.requests[1]!.messages;
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: '{"tags":[]}' });
    expect(repair.at(-1)!.content).toContain('tags');
    expect(result.run.events.find((event) => event.type === 'run:output')!.data.repaired).toBe(true);
  });

  it('fails with OUTPUT_INVALID after a failed repair and keeps the raw text on the run', async () => {
    const { llm, provider, store } = await setup({ responses: ['not json at all', '{"tags":"still wrong"}'] });
    const error = await failure(llm.run(tagged, idea));
    expect(error.code).toBe('OUTPUT_INVALID');
    expect(provider.requests).toHaveLength(2);
    const run = await store.runs.get(error.details.runId as string);
    expect(run).toMatchObject({ status: 'failed', output: { raw: '{"tags":"still wrong"}' }, error: { code: 'OUTPUT_INVALID' } });
    expect(run!.events.filter((event) => event.type === 'run:response').map((event) => event.data.text)).toEqual([
      'not json at all',
      '{"tags":"still wrong"}',
    ]);
  });

  it('validates stored actions through their JSON Schema', async () => {
    const { llm } = await setup({ responses: ['{"tags":[1]}', '{"tags":["ok"]}'] });
    await llm.actions.save(tagged);
    const result = await llm.run('tag-idea', idea);
    expect(result.output).toEqual({ tags: ['ok'] });
    expect(result.run.attempts).toBe(2);
  });

  it('refuses empty text output', async () => {
    const { llm } = await setup({ responses: ['   '] });
    await expect(llm.run(summarize, idea)).rejects.toMatchObject({ code: 'OUTPUT_INVALID' });
  });
});
