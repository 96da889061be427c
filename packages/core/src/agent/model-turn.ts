import type { ProviderV1FinishReason } from '../contracts/provider/v1/provider-v1-finish-reason.js';
import type { ProviderV1Message } from '../contracts/provider/v1/provider-v1-message.js';
import type { ProviderV1ToolCall } from '../contracts/provider/v1/provider-v1-tool.js';
import type { AgentStepV1 } from '../contracts/store/v1/agent-step-v1.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import { redact } from '../diagnostics/redact.js';
import { resolveModel } from '../model/model-reference.js';
import { callProvider } from '../runner/call-provider.js';
import { CoreTimeout } from '../runner/normalize-provider-error.js';
import { computeCostUsd } from '../runner/prices.js';
import { RunRecorder } from '../runner/run-recorder.js';
import { linkedController } from '../runtime/abort.js';
import type { Usage } from '../schemas/common.js';
import type { Run } from '../schemas/run.js';
import { agentNow } from './agent-context.js';
import type { AgentRunHandle } from './agent-run-handle.js';
import type { Agent } from './define-agent.js';
import { toProviderTool } from './define-tool.js';
import { digestOf, toCanonicalJson } from './json-value.js';

/** A model's answer as a model step records it, and as replay reads it back. */
export interface ModelResponse {
  text: string;
  toolCalls: ProviderV1ToolCall[];
  finishReason: ProviderV1FinishReason;
  usage: Usage;
}

/** What a model step records of its request: enough for replay to check it asked the same. */
export function requestSummary(agent: Agent, messages: ProviderV1Message[]): { messagesDigest: string; tools: string[] } {
  return { messagesDigest: digestOf(messages), tools: offeredTools(agent).map((tool) => tool.name) };
}

function offeredTools(agent: Agent) {
  return agent.tools.filter((tool) => agent.offeredTools.has(tool.name));
}

/**
 * Asks the model for the next tool calls with core's retry, timeout and abort rules.
 * Records a model step and a run of kind `agent-step` (with the usual diagnostics);
 * throws the normalised provider error after recording the failure.
 */
export async function callModel(handle: AgentRunHandle, signal: AbortSignal | undefined, remainingMs: number | undefined): Promise<{ step: AgentStepV1; response: ModelResponse }> {
  const { context, agent, state } = handle;
  const messages = state.messages;
  const step = await handle.addStep({ kind: 'model', status: 'running', input: requestSummary(agent, messages) });
  handle.emit('agent:step:start', { stepId: step.id, index: step.index, kind: 'model' });
  const model = resolveModel(agent.model, context.providers);
  const runId = context.generateRunId('run');
  const recorder = new RunRecorder(context.events, { runId, parentRunId: handle.run.id }, context.clock, context.diagnostics);
  const now = agentNow(context);
  recorder.emit('run:start', { kind: 'agent-step', model: agent.model, ...(handle.run.user !== undefined ? { user: handle.run.user } : {}) });
  const run: Run = {
    id: runId,
    kind: 'agent-step',
    input: {},
    messages: messages.map((message) => ({ role: message.role, content: message.content })),
    model: agent.model,
    settings: agent.settings,
    status: 'running',
    attempts: 0,
    timings: { queuedAt: now, startedAt: now },
    events: [...recorder.events],
    ...(handle.run.user !== undefined ? { user: handle.run.user } : {}),
    parentRunId: handle.run.id,
    tags: [`agent:${agent.id}`],
    createdAt: now,
    updatedAt: now,
  };
  await context.store.runs.create(run);
  await handle.updateStep(step, { modelRunId: runId });
  const runMs = Math.max(1, Math.min(context.timeouts.runMs, remainingMs ?? Number.POSITIVE_INFINITY));
  const controller = linkedController(signal);
  const timer = setTimeout(() => controller.abort(new CoreTimeout('run', runMs)), runMs);
  let attempts = 0;
  try {
    const { result } = await callProvider({
      provider: model.provider,
      request: { model: model.modelId, messages, settings: agent.settings, tools: offeredTools(agent).map(toProviderTool), toolChoice: 'auto' },
      stream: false,
      retry: context.retry,
      attemptTimeoutMs: context.timeouts.attemptMs,
      runSignal: controller.signal,
      ...(signal ? { hostSignal: signal } : {}),
      onAttempt: (attempt) => {
        attempts = attempt;
        recorder.emit('run:request', { attempt, provider: model.provider.id, model: model.modelId, stream: false });
      },
      onRetry: ({ attempt, delayMs, error }) => recorder.emit('run:retry', { attempt, delayMs, error: error.toJSON() }),
      onDelta: () => undefined,
    });
    const response = toCanonicalJson({ text: result.text, toolCalls: result.toolCalls, finishReason: result.finishReason, usage: result.usage }, 'model response') as ModelResponse;
    const costUsd = computeCostUsd(agent.model, result.usage, context.prices);
    recorder.emit('run:response', { attempt: attempts, text: result.text, finishReason: result.finishReason, usage: result.usage, warnings: result.warnings, ...(result.request ? { request: result.request } : {}), ...(result.response ? { response: result.response } : {}) });
    const finishedAt = agentNow(context);
    recorder.emit('run:finish', { status: 'succeeded', attempts, usage: result.usage, ...(costUsd !== undefined ? { costUsd } : {}), durationMs: Date.parse(finishedAt) - Date.parse(now) });
    await context.store.runs.update(
      runId,
      { status: 'succeeded', attempts, usage: result.usage, ...(costUsd !== undefined ? { costUsd } : {}), output: { raw: result.text, parsed: { text: response.text, toolCalls: response.toolCalls } }, events: [...recorder.events], timings: { ...run.timings, finishedAt }, updatedAt: finishedAt },
      { expectedStatus: 'running' },
    );
    const usage = state.usage;
    usage.modelCalls += 1;
    usage.inputTokens += result.usage.inputTokens ?? 0;
    usage.outputTokens += result.usage.outputTokens ?? 0;
    usage.costUsd = Math.round((usage.costUsd + (costUsd ?? 0)) * 1_000_000) / 1_000_000;
    await handle.updateStep(step, { status: 'succeeded', output: response });
    handle.finishStep(step);
    return { step, response };
  } catch (error) {
    const failure = LlmActionsError.isInstance(error) ? error : new LlmActionsError({ code: 'UNEXPECTED_ERROR', message: String(error), cause: error });
    const stored = redact({ code: failure.code, message: failure.message, details: failure.details }, context.diagnostics) as NonNullable<Run['error']>;
    const status = failure.code === 'CANCELLED' ? 'cancelled' : 'failed';
    recorder.emit('run:error', { error: stored });
    const finishedAt = agentNow(context);
    recorder.emit('run:finish', { status, attempts, durationMs: Date.parse(finishedAt) - Date.parse(now) });
    await context.store.runs
      .update(runId, { status, attempts, error: stored, events: [...recorder.events], timings: { ...run.timings, finishedAt }, updatedAt: finishedAt }, { expectedStatus: 'running' })
      .catch(() => undefined);
    await handle.updateStep(step, { status: 'failed', error: stored });
    handle.finishStep(step);
    throw failure;
  } finally {
    clearTimeout(timer);
  }
}
