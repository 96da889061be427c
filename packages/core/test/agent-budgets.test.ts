import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool } from '../src/index.js';
import { agentStoreSkipReason, calls, fillScript, setupAgent } from './agent-helpers.js';

const listOnly = calls(['list_missing_summaries', {}]);

describe.skipIf(agentStoreSkipReason !== undefined)('agents: budgets, cancellation and provider failures', () => {
  it('ends the run budget-exhausted when the step budget is used, with the journal intact', async () => {
    const { runtime, applied } = await setupAgent(fillScript, { agent: { policy: { budgets: { maxSteps: 1 } } } });
    const result = await runtime.start('summary-filler', 'Fill missing summaries');
    expect(result.run).toMatchObject({ status: 'budget-exhausted', reason: { code: 'AGENT_BUDGET_EXHAUSTED', details: { budget: 'steps', used: 1, limit: 1 } } });
    expect(result.usage.steps).toBe(1);
    expect(applied).toEqual([]);
    expect((await runtime.journal(result.run.id)).map((entry) => entry.toolName)).toEqual(['list_missing_summaries']);
    expect(result.steps.filter((step) => step.status === 'planned')).toHaveLength(2);
  });

  it('stops before a model call once the token or cost budget is used', async () => {
    const heavy = { ...(listOnly as object), usage: { inputTokens: 2_000_000, outputTokens: 10 } };
    const tokens = await setupAgent([heavy, 'never'], { agent: { policy: { budgets: { maxTokens: 1000 } } } });
    const byTokens = await tokens.runtime.start('summary-filler', 'Fill');
    expect(byTokens.run.reason).toMatchObject({ code: 'AGENT_BUDGET_EXHAUSTED', details: { budget: 'tokens', used: 2_000_010, limit: 1000 } });
    expect(byTokens.usage.modelCalls).toBe(1);
    const cost = await setupAgent([heavy, 'never'], { agent: { policy: { budgets: { maxCostUsd: 1 } } }, options: { prices: { 'mock/agent': { input: 1, output: 1 } } } });
    const byCost = await cost.runtime.start('summary-filler', 'Fill');
    expect(byCost.run.reason).toMatchObject({ details: { budget: 'cost', limit: 1 } });
    expect(byCost.usage.costUsd).toBeCloseTo(2.00001, 6);
  });

  it('counts wall time spent running against maxWallTimeMs (with an injected clock)', async () => {
    let now = Date.parse('2025-05-01T10:00:00.000Z');
    const slow = defineTool({ name: 'slow', description: 'Takes long.', input: z.object({}), mode: 'read', execute: () => void (now += 5_000) });
    const { runtime } = await setupAgent([calls(['slow', {}]), 'never'], { agent: { tools: [slow], policy: { budgets: { maxWallTimeMs: 1_000 } } }, options: { clock: () => now } });
    const result = await runtime.start('summary-filler', 'Be slow');
    expect(result.run).toMatchObject({ status: 'budget-exhausted', reason: { details: { budget: 'wall-time', limit: 1_000 } } });
    expect(result.usage.activeMs).toBe(5_000);
  });

  it('ends the run cancelled when its signal aborts, with the journal intact', async () => {
    const controller = new AbortController();
    const { runtime } = await setupAgent([listOnly, { text: 'late', delayMs: 5_000 }]);
    setTimeout(() => controller.abort(), 50);
    const result = await runtime.start('summary-filler', 'Fill', { signal: controller.signal });
    expect(result.run).toMatchObject({ status: 'cancelled', reason: { code: 'CANCELLED' } });
    expect((await runtime.journal(result.run.id)).map((entry) => entry.toolName)).toEqual(['list_missing_summaries']);
    expect(result.steps.at(-1)).toMatchObject({ kind: 'model', status: 'failed', error: { code: 'CANCELLED' } });
  });

  it('ends the run failed when the provider fails, and retries what core retries', async () => {
    const failing = await setupAgent([listOnly, { error: { status: 400, message: 'model does not support tools' } }]);
    const failed = await failing.runtime.start('summary-filler', 'Fill');
    expect(failed.run).toMatchObject({ status: 'failed', reason: { code: 'PROVIDER_ERROR', message: expect.stringContaining('model does not support tools') } });
    expect((await failing.runtime.journal(failed.run.id))).toHaveLength(1);
    const modelRun = await failing.runtime.llm.runs.get(failed.steps.at(-1)!.modelRunId!);
    expect(modelRun).toMatchObject({ kind: 'agent-step', status: 'failed', parentRunId: failed.run.id });

    const flaky = await setupAgent([{ error: { status: 503 } }, 'Recovered.']);
    const recovered = await flaky.runtime.start('summary-filler', 'Fill');
    expect(recovered).toMatchObject({ run: { status: 'succeeded' }, output: 'Recovered.' });
    const run = await flaky.runtime.llm.runs.get(recovered.steps[0]!.modelRunId!);
    expect(run).toMatchObject({ kind: 'agent-step', status: 'succeeded', attempts: 2, output: { raw: 'Recovered.' } });
  });
});
