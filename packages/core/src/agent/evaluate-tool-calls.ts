import type { AgentStepV1 } from '../contracts/store/v1/agent-step-v1.js';
import { agentNow } from './agent-context.js';
import type { AgentRunHandle } from './agent-run-handle.js';
import type { AnyTool } from './define-agent.js';
import type { ModelResponse } from './model-turn.js';
import { exhaustedBudget, type ExhaustedBudget } from './policy.js';
import { messageOf } from './tool-context.js';
import { decideToolCall, type StepError } from './tool-decision.js';
import { toCanonicalJson } from './json-value.js';

/** Opens a snapshot for a model turn and plans one tool step per tool call, in order. */
export async function planToolCalls(handle: AgentRunHandle, modelStep: AgentStepV1, response: ModelResponse): Promise<void> {
  const { context, state } = handle;
  const snapshot = { runId: handle.run.id, id: context.generateAgentId('snapshot'), label: `turn ${state.usage.modelCalls}`, stepId: modelStep.id, createdAt: agentNow(context) };
  await context.repository.createSnapshot(snapshot);
  state.snapshotId = snapshot.id;
  await handle.updateStep(modelStep, { snapshotId: snapshot.id });
  handle.emit('agent:snapshot', { snapshotId: snapshot.id, label: snapshot.label, stepId: modelStep.id });
  for (const call of response.toolCalls) {
    const step = await handle.addStep({ kind: 'tool', status: 'planned', toolName: call.name, toolCallId: call.id, input: call.input ?? null, snapshotId: snapshot.id });
    state.pending.push({ stepId: step.id });
  }
}

async function previewOf(handle: AgentRunHandle, step: AgentStepV1, decision: { tool: AnyTool; input: unknown }, signal?: AbortSignal): Promise<unknown> {
  if (!decision.tool.preview) return { input: toCanonicalJson(decision.input, 'tool input') };
  return toCanonicalJson(await decision.tool.preview(decision.input, handle.toolContext(step, signal)), `preview of tool "${step.toolName}"`);
}

/**
 * Looks at every undecided pending tool call: counts it against `maxSteps`, decides it
 * (refuse, preview, ask for approval or execute later), and records previews and refusals.
 * Returns the budget that ran out, if one did before every call was looked at.
 */
export async function evaluateToolCalls(handle: AgentRunHandle, signal?: AbortSignal): Promise<ExhaustedBudget | undefined> {
  const { agent, state } = handle;
  for (const entry of state.pending) {
    if (entry.decision) continue;
    const exhausted = exhaustedBudget(agent.policy.budgets, handle.usage(), 1);
    if (exhausted) return exhausted;
    state.usage.steps += 1;
    const step = handle.step(entry.stepId);
    const toolName = step.toolName ?? '';
    handle.emit('agent:step:start', { stepId: step.id, index: step.index, kind: 'tool', toolName });
    const decision = await decideToolCall(agent, { name: toolName, input: step.input });
    entry.decision = decision.kind;
    step.decision = decision.kind;
    handle.emit('agent:tool:call', { stepId: step.id, toolName, input: step.input, decision: decision.kind, ...(decision.kind === 'refused' ? { error: decision.error } : {}) });
    if (decision.kind === 'refused') {
      await handle.updateStep(step, { status: 'refused', error: decision.error });
      handle.finishStep(step);
      continue;
    }
    if (decision.kind === 'execute') {
      await handle.updateStep(step, {});
      continue;
    }
    let preview: unknown;
    try {
      preview = await previewOf(handle, step, decision, signal);
    } catch (error) {
      const failure: StepError = { code: 'TOOL_FAILED', message: `The preview of tool "${toolName}" failed: ${messageOf(error)}`, details: { toolName, phase: 'preview' } };
      entry.decision = 'refused';
      await handle.updateStep(step, { status: 'failed', error: failure });
      handle.finishStep(step);
      continue;
    }
    if (decision.kind === 'preview') {
      await handle.updateStep(step, { status: 'previewed', preview });
      handle.finishStep(step);
    } else {
      await handle.updateStep(step, { status: 'awaiting-approval', preview });
      handle.emit('agent:approval:requested', { stepId: step.id, toolName, preview });
    }
  }
  return undefined;
}
