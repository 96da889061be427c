import type { ProviderV1Message } from '../contracts/provider/v1/provider-v1-message.js';
import type { AgentStepV1 } from '../contracts/store/v1/agent-step-v1.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import { formatIssues } from '../runtime/validate.js';
import type { PendingDecision } from './agent-state.js';
import type { Agent, AnyTool } from './define-agent.js';

/** Why a step was refused, rejected or failed, as stored on the step. */
export type StepError = NonNullable<AgentStepV1['error']>;

/** What to do with one tool call, decided from the agent's tools, the input schema and the policy. */
export type ToolDecision =
  | { kind: 'refused'; error: StepError }
  | { kind: Exclude<PendingDecision, 'refused'>; tool: AnyTool; input: unknown };

function refused(reason: string, message: string, details: Record<string, unknown> = {}): ToolDecision {
  return { kind: 'refused', error: { code: 'TOOL_REFUSED', message, details: { reason, ...details } } };
}

/**
 * Decides a tool call without running anything: an unknown or disallowed tool, input that
 * fails the tool's schema, or a path outside the allowlist is refused; a write tool is
 * only previewed in read-only mode, sent for approval when it needs one, else executed.
 * The same function drives live runs and replays, so their decisions can be compared.
 */
export async function decideToolCall(agent: Agent, call: { name: string; input: unknown }): Promise<ToolDecision> {
  const tool = agent.tool(call.name);
  const offered = [...agent.offeredTools].join(', ');
  if (!tool) return refused('unknown-tool', `There is no tool "${call.name}". Call one of: ${offered}.`, { toolName: call.name });
  if (!agent.offeredTools.has(tool.name)) {
    return refused('not-allowed', `The policy of agent "${agent.id}" does not allow tool "${tool.name}". Call one of: ${offered}.`, { toolName: tool.name });
  }
  const parsed = tool.input.safeParse(call.input);
  if (!parsed.success) {
    const issues = formatIssues(parsed.error);
    const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return refused('invalid-input', `Invalid input for tool "${tool.name}": ${listed}. Fix the arguments and call it again.`, { toolName: tool.name, issues });
  }
  for (const key of tool.paths ?? []) {
    const value = (parsed.data as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (!agent.policy.paths) return refused('path', `Tool "${tool.name}" takes file paths, but agent "${agent.id}" has no path allowlist in its policy.`, { toolName: tool.name });
    try {
      await agent.policy.paths.resolve(value as string);
    } catch (error) {
      if (LlmActionsError.isInstance(error)) return { kind: 'refused', error: { code: error.code, message: error.message, details: { ...error.details, toolName: tool.name } } };
      throw error;
    }
  }
  if (tool.mode === 'read') return { kind: 'execute', tool, input: parsed.data };
  if (agent.policy.readOnly) return { kind: 'preview', tool, input: parsed.data };
  const needsApproval =
    agent.policy.approvals === 'all-writes' || (typeof tool.needsApproval === 'function' ? tool.needsApproval(parsed.data) === true : tool.needsApproval === true);
  return { kind: needsApproval ? 'approval' : 'execute', tool, input: parsed.data };
}

/** What a tool call came to, as told to the model. */
export type ToolOutcome =
  | { kind: 'result'; result: unknown }
  | { kind: 'error'; error: StepError }
  | { kind: 'preview'; preview: unknown };

/** The tool message that answers a call. Deterministic, so replays rebuild the same conversation. */
export function toolMessage(call: { toolCallId: string; toolName: string }, outcome: ToolOutcome): ProviderV1Message {
  const content =
    outcome.kind === 'result'
      ? JSON.stringify(outcome.result ?? null)
      : outcome.kind === 'error'
        ? JSON.stringify({ error: { code: outcome.error.code, message: outcome.error.message } })
        : JSON.stringify({ executed: false, note: 'Read-only mode: write tools are only previewed, nothing was changed.', preview: outcome.preview ?? null });
  return { role: 'tool', toolCallId: call.toolCallId, toolName: call.toolName, content };
}

/** The error a rejected step carries, from the reviewer's decision. */
export function rejectionError(decision: { by: string; note?: string }): StepError {
  const note = decision.note ? `: ${decision.note}` : '.';
  return {
    code: 'TOOL_REFUSED',
    message: `A reviewer (${decision.by}) rejected this call${note} Do not retry it unchanged.`,
    details: { reason: 'rejected', by: decision.by, ...(decision.note !== undefined ? { note: decision.note } : {}) },
  };
}
