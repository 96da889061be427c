import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { StoreV1 } from '../contracts/store/v1/store-v1.js';

/** A spending limit checked before every provider call. */
export interface Budget {
  /** Runs it covers: all of them, one action's, or one user's. */
  scope: 'global' | { actionId: string } | { user: string };
  /** The window spending is summed over, in UTC: the current day or month. */
  period: 'day' | 'month';
  /** Most USD the scope may spend in the period. */
  maxCostUsd: number;
}

/** The start of the current budget period, in UTC. */
export function periodStart(period: Budget['period'], now: number): string {
  const date = new Date(now);
  const start = period === 'day'
    ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
    : Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  return new Date(start).toISOString();
}

function describe(budget: Budget): string {
  const scope = budget.scope === 'global' ? 'the global' : 'actionId' in budget.scope ? `action "${budget.scope.actionId}"'s` : `user "${budget.scope.user}"'s`;
  return `${scope} ${budget.period === 'day' ? 'daily' : 'monthly'} budget of $${budget.maxCostUsd}`;
}

/** How much a budget's scope has spent in its current period, from the store's usage aggregates. */
async function spentUsd(store: StoreV1, budget: Budget, now: number): Promise<number> {
  const from = periodStart(budget.period, now);
  if (budget.scope === 'global') return (await store.runs.usage({ from, groupBy: [] }))[0]?.costUsd ?? 0;
  if ('actionId' in budget.scope) return (await store.runs.usage({ from, actionId: budget.scope.actionId, groupBy: [] }))[0]?.costUsd ?? 0;
  const user = budget.scope.user;
  return (await store.runs.usage({ from, groupBy: ['user'] })).find((row) => row.group.user === user)?.costUsd ?? 0;
}

/**
 * Throws `BUDGET_EXCEEDED` when the run (estimated at `estimatedCostUsd`) would take any
 * applicable budget past its limit. `onExceeded` is called first, for the event.
 */
export async function enforceBudgets(
  store: StoreV1,
  budgets: Budget[],
  run: { actionId: string; user?: string; estimatedCostUsd: number },
  now: number,
  onExceeded: (details: { budget: Budget; spentUsd: number; estimatedCostUsd: number }) => void,
): Promise<void> {
  for (const budget of budgets) {
    const applies =
      budget.scope === 'global' ||
      ('actionId' in budget.scope && budget.scope.actionId === run.actionId) ||
      ('user' in budget.scope && budget.scope.user === run.user);
    if (!applies) continue;
    const spent = await spentUsd(store, budget, now);
    if (spent + run.estimatedCostUsd > budget.maxCostUsd) {
      onExceeded({ budget, spentUsd: spent, estimatedCostUsd: run.estimatedCostUsd });
      throw new LlmActionsError({
        code: 'BUDGET_EXCEEDED',
        message: `This run (about $${run.estimatedCostUsd.toFixed(6)}) would exceed ${describe(budget)}: $${spent.toFixed(6)} is spent already. Raise the budget, wait for the next period, or use a cheaper model.`,
        details: { budget, spentUsd: spent, estimatedCostUsd: run.estimatedCostUsd },
      });
    }
  }
}
