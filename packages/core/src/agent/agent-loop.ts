import type { AgentRunReasonV1, AgentRunStatusV1 } from '../contracts/store/v1/agent-run-v1.js';
import { redact } from '../diagnostics/redact.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { AgentRunHandle, AgentRunResult } from './agent-run-handle.js';
import { evaluateToolCalls, planToolCalls } from './evaluate-tool-calls.js';
import { executeToolCalls } from './execute-tool-calls.js';
import { toCanonicalJson } from './json-value.js';
import { callModel } from './model-turn.js';
import { exhaustedBudget, type ExhaustedBudget } from './policy.js';

function budgetReason(exhausted: ExhaustedBudget): AgentRunReasonV1 {
  return {
    code: 'AGENT_BUDGET_EXHAUSTED',
    message: `The run used up its ${exhausted.budget} budget (${exhausted.used} of ${exhausted.limit}). Raise policy.budgets or start a narrower run; the journal is intact.`,
    details: { ...exhausted },
  };
}

/** Ends (or suspends) the run with a status and reason, and reports it. */
async function settle(handle: AgentRunHandle, status: AgentRunStatusV1, reason?: AgentRunReasonV1): Promise<AgentRunResult> {
  await handle.save({ status, ...(reason ? { reason } : {}) });
  const { state } = handle;
  handle.emit('agent:run:finish', {
    status,
    ...(reason ? { reason } : {}),
    ...(state.output !== undefined ? { output: state.output } : {}),
    progress: handle.result().progress,
    usage: { ...state.usage },
  });
  return handle.result();
}

function failureReason(handle: AgentRunHandle, error: unknown): AgentRunReasonV1 {
  const failure = LlmActionsError.isInstance(error)
    ? error
    : new LlmActionsError({ code: 'UNEXPECTED_ERROR', message: `The agent run failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` });
  let details: Record<string, unknown> = {};
  try {
    details = toCanonicalJson(redact(failure.details, handle.context.diagnostics), 'error details') as Record<string, unknown>;
  } catch {
    // Details that are not JSON are dropped; the code and message still say what happened.
  }
  return { code: failure.code, message: failure.message, details };
}

/**
 * The run loop: processes pending tool calls (decide, suspend for approvals, execute),
 * asks the model for more, and ends when the model stops calling tools. Budgets,
 * cancellation and provider failures end the run with a status and reason instead of
 * throwing; only a lost compare-and-set (`STORE_CONFLICT`) and store failures throw.
 */
export async function driveAgentRun(handle: AgentRunHandle, signal?: AbortSignal): Promise<AgentRunResult> {
  const { agent, state } = handle;
  const budgets = agent.policy.budgets;
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      if (state.pending.length > 0) {
        const exhausted = await evaluateToolCalls(handle, signal);
        await handle.save();
        if (exhausted) return await settle(handle, 'budget-exhausted', budgetReason(exhausted));
        if ((await executeToolCalls(handle, signal)) === 'suspend') return await settle(handle, 'awaiting-approval');
        continue;
      }
      if (state.output !== undefined) return await settle(handle, 'succeeded');
      const exhausted = exhaustedBudget(budgets, handle.usage());
      if (exhausted) return await settle(handle, 'budget-exhausted', budgetReason(exhausted));
      const remainingMs = budgets.maxWallTimeMs === undefined ? undefined : budgets.maxWallTimeMs - state.usage.activeMs;
      const { step, response } = await callModel(handle, signal, remainingMs);
      state.messages.push({ role: 'assistant', content: response.text, ...(response.toolCalls.length > 0 ? { toolCalls: response.toolCalls } : {}) });
      if (response.toolCalls.length === 0) state.output = response.text;
      else await planToolCalls(handle, step, response);
      await handle.save();
    }
  } catch (error) {
    if (LlmActionsError.isInstance(error) && (error.code === 'STORE_CONFLICT' || error.code === 'STORE_ERROR')) throw error;
    if (signal?.aborted) return settle(handle, 'cancelled', { code: 'CANCELLED', message: 'The agent run was cancelled through its AbortSignal; resume is not possible, the journal is intact.' });
    const exhausted = exhaustedBudget(budgets, handle.usage());
    if (exhausted) return settle(handle, 'budget-exhausted', budgetReason(exhausted));
    return settle(handle, 'failed', failureReason(handle, error));
  }
}
