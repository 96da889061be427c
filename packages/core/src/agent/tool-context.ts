import type { AgentStepV1 } from '../contracts/store/v1/agent-step-v1.js';
import type { AgentContext } from './agent-context.js';
import type { Agent } from './define-agent.js';
import type { ToolContext } from './define-tool.js';
import type { Subject } from '../schemas/common.js';

/** Builds what a tool's functions receive for one step. */
export function toolContextFor(
  context: AgentContext,
  agent: Agent,
  run: { id: string; user?: string; subject?: Subject },
  step: Pick<AgentStepV1, 'id'>,
  signal: AbortSignal | undefined,
  extra: Pick<ToolContext, 'preview' | 'approval'> = {},
): ToolContext {
  return {
    runId: run.id,
    stepId: step.id,
    ...(run.user !== undefined ? { user: run.user } : {}),
    ...(run.subject !== undefined ? { subject: run.subject } : {}),
    signal: signal ?? new AbortController().signal,
    llm: context.llm,
    ...(context.apply ? { apply: context.apply } : {}),
    ...(agent.policy.paths ? { paths: agent.policy.paths } : {}),
    ...(extra.preview !== undefined ? { preview: extra.preview } : {}),
    ...(extra.approval !== undefined ? { approval: extra.approval } : {}),
  };
}

/** The message of whatever a tool threw. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
