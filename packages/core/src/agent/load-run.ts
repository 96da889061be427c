import type { AgentRunV1 } from '../contracts/store/v1/agent-run-v1.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { AgentContext } from './agent-context.js';
import type { Agent } from './define-agent.js';

/** The stored run, or `NOT_FOUND`. */
export async function requireRun(context: AgentContext, runId: string): Promise<AgentRunV1> {
  if (typeof runId !== 'string' || runId.length === 0) {
    throw new LlmActionsError({ code: 'INVALID_INPUT', message: 'Pass the id of an agent run (runtime.list() shows them).', details: { runId } });
  }
  const run = await context.repository.getRun(runId);
  if (!run) throw new LlmActionsError({ code: 'NOT_FOUND', message: `No agent run "${runId}" in the store. List runs with runtime.list().`, details: { runId } });
  return run;
}

/** The registered agent of this id, or `AGENT_NOT_FOUND`. */
export function requireAgent(context: AgentContext, agentId: string): Agent {
  const agent = context.registry.get(agentId);
  if (agent) return agent;
  throw new LlmActionsError({
    code: 'AGENT_NOT_FOUND',
    message: `Agent "${agentId}" is not registered with this runtime; pass its definition in createAgentRuntime({ agents: [...] }) so runs can be resumed, rolled back and replayed.`,
    details: { agentId, registered: [...context.registry.keys()] },
  });
}

/** `STORE_CONFLICT` for a run another caller is working on right now. */
export function busy(run: AgentRunV1, what: string): LlmActionsError {
  return new LlmActionsError({
    code: 'STORE_CONFLICT',
    message: `Agent run "${run.id}" is ${run.status} in another call; it cannot be ${what} at the same time. Wait for that call to end, then reload the run.`,
    details: { runId: run.id, actualStatus: run.status, actualRevision: run.revision },
  });
}
