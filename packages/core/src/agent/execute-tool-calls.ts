import type { AgentApprovalV1 } from '../contracts/store/v1/agent-approval-v1.js';
import type { AgentStepV1 } from '../contracts/store/v1/agent-step-v1.js';
import { agentNow } from './agent-context.js';
import type { AgentRunHandle } from './agent-run-handle.js';
import { toCanonicalJson } from './json-value.js';
import { messageOf } from './tool-context.js';
import { rejectionError, toolMessage, type StepError, type ToolOutcome } from './tool-decision.js';

/**
 * Executes one tool step and journals it. A step found `running` was interrupted after it
 * started: when the journal already has its execution, that result is used, not a second run.
 */
async function executeStep(handle: AgentRunHandle, step: AgentStepV1, approval: AgentApprovalV1 | undefined, signal?: AbortSignal): Promise<ToolOutcome> {
  const { context, agent, run } = handle;
  const tool = agent.tool(step.toolName ?? '');
  if (step.status === 'running') {
    const done = (await context.repository.listJournal(run.id)).find((entry) => entry.kind === 'execute' && entry.stepId === step.id);
    if (done) {
      await handle.updateStep(step, { status: 'succeeded', output: done.result ?? null });
      handle.finishStep(step);
      return { kind: 'result', result: done.result ?? null };
    }
  }
  const parsed = tool?.input.safeParse(step.input);
  if (!tool || !parsed?.success) {
    const error: StepError = { code: 'TOOL_REFUSED', message: `Tool "${step.toolName}" is no longer available with this input; it was not executed.`, details: { reason: 'changed', toolName: step.toolName } };
    await handle.updateStep(step, { status: 'refused', error });
    handle.finishStep(step);
    return { kind: 'error', error };
  }
  await handle.updateStep(step, { status: 'running' });
  const approvedBy = approval ? { by: approval.by, ...(approval.note !== undefined ? { note: approval.note } : {}), at: approval.at } : undefined;
  const toolContext = handle.toolContext(step, signal, {
    ...(step.preview !== undefined ? { preview: step.preview } : {}),
    ...(approvedBy ? { approval: approvedBy } : {}),
  });
  let result: unknown;
  try {
    result = toCanonicalJson(await tool.execute(parsed.data, toolContext), `result of tool "${tool.name}"`);
  } catch (thrown) {
    const error: StepError = { code: 'TOOL_FAILED', message: `Tool "${tool.name}" failed: ${messageOf(thrown)}`, details: { toolName: tool.name } };
    await handle.updateStep(step, { status: 'failed', error });
    handle.finishStep(step);
    return { kind: 'error', error };
  }
  const input = toCanonicalJson(parsed.data, 'tool input');
  await context.repository.appendJournal({
    runId: run.id,
    kind: 'execute',
    stepId: step.id,
    ...(step.snapshotId ? { snapshotId: step.snapshotId } : {}),
    toolName: tool.name,
    mode: tool.mode,
    input,
    result,
    ...(tool.mode === 'write' ? { inverse: tool.undo ? { toolName: tool.name, input, result } : null } : {}),
    ...(approvedBy ? { approval: approvedBy } : {}),
    ...(run.user !== undefined ? { by: run.user } : {}),
    at: agentNow(context),
  });
  await handle.updateStep(step, { status: 'succeeded', output: result });
  handle.finishStep(step);
  return { kind: 'result', result };
}

/**
 * Works through the pending tool calls in order once every approval is decided: executes,
 * answers refusals, previews and rejections, and appends one tool message per call,
 * saving the state after each. Returns `suspend` while a decision is missing.
 */
export async function executeToolCalls(handle: AgentRunHandle, signal?: AbortSignal): Promise<'suspend' | 'done'> {
  const { context, state } = handle;
  const decisions = new Map((await context.repository.listApprovals(handle.run.id)).map((approval) => [approval.stepId, approval]));
  if (state.pending.some((entry) => entry.decision === 'approval' && !decisions.has(entry.stepId))) return 'suspend';
  while (state.pending.length > 0) {
    if (signal?.aborted) throw signal.reason;
    const entry = state.pending[0]!;
    const step = handle.step(entry.stepId);
    let outcome: ToolOutcome;
    if (entry.decision === 'refused') outcome = { kind: 'error', error: step.error! };
    else if (entry.decision === 'preview') outcome = { kind: 'preview', preview: step.preview ?? null };
    else {
      const approval = entry.decision === 'approval' ? decisions.get(step.id) : undefined;
      if (approval?.decision === 'rejected') {
        const error = rejectionError(approval);
        await handle.updateStep(step, { status: 'rejected', error });
        handle.finishStep(step);
        outcome = { kind: 'error', error };
      } else {
        outcome = await executeStep(handle, step, approval, signal);
      }
    }
    state.messages.push(toolMessage({ toolCallId: step.toolCallId ?? step.id, toolName: step.toolName ?? '' }, outcome));
    state.pending.shift();
    await handle.save();
  }
  return 'done';
}
