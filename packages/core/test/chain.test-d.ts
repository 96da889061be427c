import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { chain, defineAction, type ChainResult, type ChainStepResult, type LlmActions } from '../src/index.js';

describe('chain types', () => {
  it('carries each step output type through to the result', () => {
    const text = defineAction({ id: 'a', name: 'A', sources: ['x'], destination: 'y', prompts: { instructions: '{{ input }}' }, model: 'm/m' });
    const json = defineAction({
      id: 'b', name: 'B', sources: ['x'], destination: 'z', prompts: { instructions: '{{ input }}' }, model: 'm/m',
      output: { format: 'json', schema: z.object({ score: z.number() }) },
    });
    const flow = chain({ id: 'typed', steps: [{ id: 'summary', action: text }, { id: 'score', action: json }, { id: 'stored', action: 'some-id@production' }] as const });
    const llm = {} as LlmActions;
    const pending = llm.runChain(flow, { type: 't', id: '1', fields: {} });
    expectTypeOf(pending).resolves.toEqualTypeOf<ChainResult<typeof flow.steps>>();
    type Result = Awaited<typeof pending>;
    expectTypeOf<Result['steps']['summary']>().toEqualTypeOf<ChainStepResult<string>>();
    expectTypeOf<Result['steps']['score']>().toEqualTypeOf<ChainStepResult<{ score: number }>>();
    expectTypeOf<Result['steps']['stored']>().toEqualTypeOf<ChainStepResult<unknown>>();
  });
});
