import { z } from 'zod';
import type { AgentUsage } from '../events/event-types.js';
import { createPathAllowlist, type PathAllowlist } from './path-allowlist.js';

/** Limits of one agent run; a run that reaches one ends with status `budget-exhausted`. */
export interface AgentBudgets {
  /** Most tool calls processed (executed, refused, previewed or sent for approval). Default 50. */
  maxSteps?: number;
  /** Most input plus output tokens over all model calls. */
  maxTokens?: number;
  /** Most USD over all model calls (priced with the instance's price table). */
  maxCostUsd?: number;
  /** Most wall time spent running, in ms; time suspended for approval does not count. */
  maxWallTimeMs?: number;
}

/** What an agent may do. */
export interface AgentPolicy {
  /** Names of the tools the agent may call; all of its tools when absent. Others are refused. */
  tools?: string[];
  /** Budgets of each run. */
  budgets?: AgentBudgets;
  /** Read-only (safe) mode: write tools are only previewed, never executed. */
  readOnly?: boolean;
  /** `all-writes`: every write tool needs approval. `tool` (default): as each tool's `needsApproval` says. */
  approvals?: 'tool' | 'all-writes';
  /** Directories file tools may touch: a list of paths, or an allowlist from `createPathAllowlist`. */
  paths?: string[] | PathAllowlist;
}

/** A policy with defaults applied. */
export interface ResolvedAgentPolicy {
  tools?: ReadonlySet<string>;
  budgets: AgentBudgets & { maxSteps: number };
  readOnly: boolean;
  approvals: 'tool' | 'all-writes';
  paths?: PathAllowlist;
}

const positive = z.number().positive();

/** Zod schema of {@link AgentPolicy}. */
export const agentPolicySchema = z
  .object({
    tools: z.array(z.string().min(1)).optional(),
    budgets: z
      .object({ maxSteps: z.number().int().positive().optional(), maxTokens: positive.optional(), maxCostUsd: positive.optional(), maxWallTimeMs: positive.optional() })
      .strict()
      .optional(),
    readOnly: z.boolean().optional(),
    approvals: z.enum(['tool', 'all-writes']).optional(),
    paths: z.union([z.array(z.string().min(1)).min(1), z.custom<PathAllowlist>((value) => typeof (value as PathAllowlist)?.resolve === 'function')]).optional(),
  })
  .strict();

/** Applies defaults to a policy (assumed valid). */
export function resolvePolicy(policy: AgentPolicy = {}): ResolvedAgentPolicy {
  const paths = Array.isArray(policy.paths) ? createPathAllowlist(policy.paths) : policy.paths;
  return {
    ...(policy.tools ? { tools: new Set(policy.tools) } : {}),
    budgets: { ...policy.budgets, maxSteps: policy.budgets?.maxSteps ?? 50 },
    readOnly: policy.readOnly === true,
    approvals: policy.approvals ?? 'tool',
    ...(paths ? { paths } : {}),
  };
}

/** A budget that ran out: which, how much was used and the limit. */
export interface ExhaustedBudget {
  budget: 'steps' | 'tokens' | 'cost' | 'wall-time';
  used: number;
  limit: number;
}

/**
 * The first budget `usage` has reached, if any. `nextSteps` counts a step about to be
 * processed, so a run never exceeds `maxSteps`.
 */
export function exhaustedBudget(budgets: ResolvedAgentPolicy['budgets'], usage: AgentUsage, nextSteps = 0): ExhaustedBudget | undefined {
  const tokens = usage.inputTokens + usage.outputTokens;
  if (usage.steps + nextSteps > budgets.maxSteps) return { budget: 'steps', used: usage.steps, limit: budgets.maxSteps };
  if (budgets.maxTokens !== undefined && tokens >= budgets.maxTokens) return { budget: 'tokens', used: tokens, limit: budgets.maxTokens };
  if (budgets.maxCostUsd !== undefined && usage.costUsd >= budgets.maxCostUsd) return { budget: 'cost', used: usage.costUsd, limit: budgets.maxCostUsd };
  if (budgets.maxWallTimeMs !== undefined && usage.activeMs >= budgets.maxWallTimeMs) {
    return { budget: 'wall-time', used: usage.activeMs, limit: budgets.maxWallTimeMs };
  }
  return undefined;
}
