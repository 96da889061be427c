import { describe, expect, it } from 'vitest';
import { emptyUsage } from './agent-state.js';
import { exhaustedBudget, resolvePolicy } from './policy.js';

describe('agent policy', () => {
  it('applies defaults: every tool, 50 steps, approvals as each tool says, not read-only', () => {
    const policy = resolvePolicy();
    expect(policy).toEqual({ budgets: { maxSteps: 50 }, readOnly: false, approvals: 'tool' });
    expect(resolvePolicy({ tools: ['a'], paths: ['/tmp'] })).toMatchObject({ tools: new Set(['a']), paths: { roots: ['/tmp'] } });
  });

  it('reports the first budget used up, and never lets a step exceed maxSteps', () => {
    const budgets = resolvePolicy({ budgets: { maxSteps: 2, maxTokens: 100, maxCostUsd: 1, maxWallTimeMs: 1000 } }).budgets;
    const usage = emptyUsage();
    expect(exhaustedBudget(budgets, usage)).toBeUndefined();
    usage.steps = 2;
    expect(exhaustedBudget(budgets, usage)).toBeUndefined();
    expect(exhaustedBudget(budgets, usage, 1)).toEqual({ budget: 'steps', used: 2, limit: 2 });
    expect(exhaustedBudget(budgets, { ...usage, steps: 0, inputTokens: 60, outputTokens: 40 })).toEqual({ budget: 'tokens', used: 100, limit: 100 });
    expect(exhaustedBudget(budgets, { ...usage, steps: 0, costUsd: 1.5 })).toEqual({ budget: 'cost', used: 1.5, limit: 1 });
    expect(exhaustedBudget(budgets, { ...usage, steps: 0, activeMs: 1000 })).toEqual({ budget: 'wall-time', used: 1000, limit: 1000 });
  });
});
