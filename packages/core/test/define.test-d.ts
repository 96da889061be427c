import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { createLlmActions, defineAction, type Action, type RunResult, type Subject } from '../src/index.js';

const base = {
  id: 'typed',
  name: 'Typed',
  sources: ['body'],
  destination: 'out',
  prompts: { instructions: '{{ input }}' },
  model: 'mock/m',
} as const;

describe('type inference of action outputs', () => {
  it('types a zod-schema action output', () => {
    const action = defineAction({ ...base, sources: ['body'], output: { format: 'json', schema: z.object({ title: z.string(), score: z.number() }) } });
    expectTypeOf(action).toEqualTypeOf<Action<{ title: string; score: number }>>();
    const llm = createLlmActions({ providers: [], store: undefined as never });
    expectTypeOf(llm.run(action, {} as Subject)).resolves.toEqualTypeOf<RunResult<{ title: string; score: number }>>();
    expectTypeOf<Awaited<ReturnType<typeof llm.run<{ title: string; score: number }>>>['output']>().toEqualTypeOf<{ title: string; score: number }>();
  });

  it('types a text action output as string', () => {
    const action = defineAction({ ...base, sources: ['body'] });
    expectTypeOf(action).toEqualTypeOf<Action<string>>();
  });

  it('types a JSON Schema action output as unknown', () => {
    const action = defineAction({ ...base, sources: ['body'], output: { format: 'json', schema: { type: 'object' } } });
    expectTypeOf(action).toEqualTypeOf<Action<unknown>>();
  });
});
