import { z } from 'zod';
import type { ProviderV1Message } from '../contracts/provider/v1/provider-v1-message.js';
import type { AgentRunStateV1, AgentRunStatusV1 } from '../contracts/store/v1/agent-run-v1.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { AgentUsage } from '../events/event-types.js';
import { formatIssues } from '../runtime/validate.js';
import { subjectSchema, type Subject } from '../schemas/common.js';

/** The schema version of the run state this core writes. */
export const agentStateSchemaVersion = 1;

/** How a pending tool call was decided: run it, ask a reviewer, only preview it, or refuse it. */
export type PendingDecision = 'execute' | 'approval' | 'preview' | 'refused';

/** A tool call of the current model turn that is not finished yet. */
export interface PendingToolCall {
  /** The tool step. */
  stepId: string;
  /** Set once the call was looked at (and counted against `maxSteps`). */
  decision?: PendingDecision;
}

/** What an agent run persists to be resumed by any process (version 1). */
export interface AgentState {
  schemaVersion: 1;
  /** The conversation so far, exactly as the next model call will send it. */
  messages: ProviderV1Message[];
  /** Tool calls of the current turn still to process, in the order the model made them. */
  pending: PendingToolCall[];
  /** Budgets used so far. */
  usage: AgentUsage;
  /** The subject the run was started with, fields included. */
  subject?: Subject;
  /** The skill versions the run uses. */
  skills: Array<{ id: string; version: number }>;
  /** The snapshot of the current model turn. */
  snapshotId?: string;
  /** The model's final answer, once it stopped calling tools. */
  output?: string;
  /** While `rolling-back`: the status to return to. */
  statusBeforeRollback?: AgentRunStatusV1;
}

const toolCallSchema = z.object({ id: z.string(), name: z.string(), input: z.unknown() });
const messageSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: z.string() }),
  z.object({ role: z.literal('user'), content: z.string() }),
  z.object({ role: z.literal('assistant'), content: z.string(), toolCalls: z.array(toolCallSchema).optional() }),
  z.object({ role: z.literal('tool'), toolCallId: z.string(), toolName: z.string(), content: z.string() }),
]);
const count = z.number().nonnegative();

const stateSchemaV1 = z.object({
  schemaVersion: z.literal(1),
  messages: z.array(messageSchema),
  pending: z.array(z.object({ stepId: z.string(), decision: z.enum(['execute', 'approval', 'preview', 'refused']).optional() })),
  usage: z.object({ steps: count, modelCalls: count, inputTokens: count, outputTokens: count, costUsd: count, activeMs: count }),
  subject: subjectSchema.optional(),
  skills: z.array(z.object({ id: z.string(), version: z.number().int().positive() })),
  snapshotId: z.string().optional(),
  output: z.string().optional(),
  statusBeforeRollback: z.string().optional(),
});

/**
 * Upgrades of older state versions, by the version they upgrade from. Version 1 is the
 * first; when the state changes shape, add `1: (state) => ({ ...state, schemaVersion: 2, ... })`.
 */
const upgrades: Record<number, (state: Record<string, unknown>) => Record<string, unknown>> = {};

/** Reads a stored state, upgrading older versions; `AGENT_RUN_STATE` when it cannot be read. */
export function readAgentState(stored: AgentRunStateV1, runId: string): AgentState {
  let state: Record<string, unknown> = stored;
  while (typeof state.schemaVersion === 'number' && state.schemaVersion < agentStateSchemaVersion && upgrades[state.schemaVersion]) {
    state = (upgrades[state.schemaVersion] as (state: Record<string, unknown>) => Record<string, unknown>)(state);
  }
  const parsed = stateSchemaV1.safeParse(state);
  if (parsed.success) return parsed.data as AgentState;
  const newer = typeof state.schemaVersion === 'number' && state.schemaVersion > agentStateSchemaVersion;
  throw new LlmActionsError({
    code: 'AGENT_RUN_STATE',
    message: newer
      ? `Agent run "${runId}" was written by a newer @llm-actions/core (state version ${String(state.schemaVersion)}); upgrade this process to continue it.`
      : `Agent run "${runId}" has a state this version cannot read; it may have been edited by hand.`,
    details: { runId, schemaVersion: state.schemaVersion, ...(newer ? {} : { issues: formatIssues(parsed.error) }) },
  });
}

/** The state as stored: plain JSON. */
export function writeAgentState(state: AgentState): AgentRunStateV1 {
  return JSON.parse(JSON.stringify(state)) as AgentRunStateV1;
}

/** Usage of a run that has not done anything yet. */
export function emptyUsage(): AgentUsage {
  return { steps: 0, modelCalls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, activeMs: 0 };
}
