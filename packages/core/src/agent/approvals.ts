import { z } from 'zod';
import type { AgentApprovalV1 } from '../contracts/store/v1/agent-approval-v1.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import { ensureAllowed } from '../runner/authorize.js';
import { parseOrThrow } from '../runtime/validate.js';
import { agentNow, emitAgentEvent, type AgentContext } from './agent-context.js';
import { driveAgentRun } from './agent-loop.js';
import { AgentRunHandle, updateAgentRun, type AgentRunResult } from './agent-run-handle.js';
import { readAgentState } from './agent-state.js';
import { busy, requireAgent, requireRun } from './load-run.js';

/** Who decides on a step, and why. */
export interface ApprovalOptions {
  /** The reviewer; checked with `authorize(by, 'agent:approve', ...)` and recorded. */
  by: string;
  /** A remark; for a rejection it is passed on to the model. */
  note?: string;
}

const optionsSchema = z.object({ by: z.string().min(1, 'say who decides'), note: z.string().max(10_000).optional() });

/**
 * Records a reviewer's decision on a step awaiting approval. The run stays suspended
 * until `resume`. A second decision on the same step fails with `STORE_CONFLICT`.
 */
export async function decideStep(context: AgentContext, runId: string, stepId: string, decision: AgentApprovalV1['decision'], options: ApprovalOptions): Promise<AgentApprovalV1> {
  const valid = parseOrThrow(optionsSchema, options, `${decision === 'approved' ? 'approve' : 'reject'} options`);
  const run = await requireRun(context, runId);
  const step = (await context.repository.listSteps(runId)).find((candidate) => candidate.id === stepId);
  if (!step) throw new LlmActionsError({ code: 'NOT_FOUND', message: `Agent run "${runId}" has no step "${stepId}".`, details: { runId, stepId } });
  if (run.status !== 'awaiting-approval' || step.status !== 'awaiting-approval') {
    throw new LlmActionsError({
      code: 'AGENT_RUN_STATE',
      message: `Step "${stepId}" of agent run "${runId}" does not await approval (run ${run.status}, step ${step.status}).`,
      details: { runId, stepId, runStatus: run.status, stepStatus: step.status },
    });
  }
  await ensureAllowed(context, valid.by, 'agent:approve', { type: 'agent-run', id: runId, record: { run, step } });
  const approval: AgentApprovalV1 = { runId, stepId, decision, by: valid.by, ...(valid.note !== undefined ? { note: valid.note } : {}), at: agentNow(context) };
  try {
    await context.repository.createApproval(approval);
  } catch (error) {
    if (!LlmActionsError.isInstance(error) || error.code !== 'STORE_CONFLICT') throw error;
    throw new LlmActionsError({
      code: 'STORE_CONFLICT',
      message: `Step "${stepId}" of agent run "${runId}" was already decided by someone else; decisions cannot be changed.`,
      details: { ...error.details, runId, stepId },
      cause: error,
    });
  }
  emitAgentEvent(context, runId, 'agent:approval:resolved', { stepId, decision, by: valid.by, ...(valid.note !== undefined ? { note: valid.note } : {}) });
  return approval;
}

/**
 * Continues a run suspended for approval, from the store alone: claims it with
 * compare-and-set on its revision (a concurrent resume gets `STORE_CONFLICT`), then
 * executes approved steps, answers rejected ones, and drives the loop on.
 */
export async function resumeAgent(context: AgentContext, runId: string, options: { signal?: AbortSignal } = {}): Promise<AgentRunResult> {
  const run = await requireRun(context, runId);
  if (run.status === 'running' || run.status === 'rolling-back') throw busy(run, 'resumed');
  if (run.status !== 'awaiting-approval') {
    throw new LlmActionsError({
      code: 'AGENT_RUN_STATE',
      message: `Agent run "${runId}" is ${run.status}; only runs awaiting approval can be resumed.`,
      details: { runId, status: run.status },
    });
  }
  const agent = requireAgent(context, run.agentId);
  const state = readAgentState(run.state, runId);
  const decided = new Set((await context.repository.listApprovals(runId)).map((approval) => approval.stepId));
  const undecided = state.pending.filter((entry) => entry.decision === 'approval' && !decided.has(entry.stepId)).map((entry) => entry.stepId);
  if (undecided.length > 0) {
    throw new LlmActionsError({
      code: 'APPROVAL_PENDING',
      message: `Agent run "${runId}" still waits for a decision on step(s) ${undecided.join(', ')}; approve or reject each, then resume.`,
      details: { runId, stepIds: undecided },
    });
  }
  const claimed = await updateAgentRun(context, run, { status: 'running' });
  const steps = await context.repository.listSteps(runId);
  const handle = new AgentRunHandle(context, agent, claimed, state, steps);
  handle.emit('agent:run:start', {
    agentId: agent.id,
    goal: run.goal,
    ...(run.user !== undefined ? { user: run.user } : {}),
    ...(run.subject ? { subject: run.subject } : {}),
    resumed: true,
  });
  return driveAgentRun(handle, options.signal);
}
