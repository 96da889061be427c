import type { ProviderV1Message } from '../contracts/provider/v1/provider-v1-message.js';
import type { AgentStepV1 } from '../contracts/store/v1/agent-step-v1.js';
import type { SkillRecordV1 } from '../contracts/store/v1/skill-record-v1.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { AgentContext } from './agent-context.js';
import { readAgentState } from './agent-state.js';
import { digestOf } from './json-value.js';
import { executionsByStep } from './journal.js';
import { requireAgent, requireRun } from './load-run.js';
import { requestSummary, type ModelResponse } from './model-turn.js';
import { skillRepository } from './skills.js';
import { initialMessages } from './start-agent.js';
import { decideToolCall, rejectionError, toolMessage, type ToolOutcome } from './tool-decision.js';

/** One decision compared by a replay. */
export interface AgentReplayDecision {
  stepId: string;
  index: number;
  /** `model`: the request to the model, its conversation and tools (compared by digest). `tool`: the decision on a call. */
  kind: 'model' | 'tool';
  toolName?: string;
  /** What the run recorded: a digest, or `execute` / `approval` / `preview` / `refused`. */
  recorded: string;
  /** What the replay reached. */
  replayed: string;
  matched: boolean;
}

/** The outcome of `runtime.replay`. */
export interface AgentReplayReport {
  runId: string;
  /** True when every decision matched. */
  matched: boolean;
  /** Recorded model responses used in place of model calls (no model is ever called). */
  modelResponsesUsed: number;
  /** Recorded tool results used in place of running tools. */
  toolResultsUsed: number;
  decisions: AgentReplayDecision[];
}

async function recordedSkills(context: AgentContext, skills: Array<{ id: string; version: number }>): Promise<SkillRecordV1[]> {
  if (skills.length === 0) return [];
  const repository = skillRepository(context.store);
  return Promise.all(
    skills.map(async ({ id, version }) => {
      const skill = await repository.get(id, { version });
      if (!skill) throw new LlmActionsError({ code: 'SKILL_NOT_FOUND', message: `Replay needs version ${version} of skill "${id}", which the store no longer has.`, details: { skill: id, version } });
      return skill;
    }),
  );
}

/**
 * Re-runs a run from its records: the recorded model responses stand in for the model
 * and the journal's results for the tools, while the agent's current definition makes
 * every decision again. Reports whether each request to the model and each tool decision
 * matched what the run recorded. Nothing is executed and no model is called.
 */
export async function replayAgent(context: AgentContext, runId: string): Promise<AgentReplayReport> {
  const run = await requireRun(context, runId);
  const agent = requireAgent(context, run.agentId);
  const state = readAgentState(run.state, runId);
  const [steps, journal, approvals] = await Promise.all([context.repository.listSteps(runId), context.repository.listJournal(runId), context.repository.listApprovals(runId)]);
  const executions = executionsByStep(journal);
  const verdicts = new Map(approvals.map((approval) => [approval.stepId, approval]));
  const messages: ProviderV1Message[] = initialMessages(agent, await recordedSkills(context, state.skills), run.goal, state.subject);
  const report: AgentReplayReport = { runId, matched: true, modelResponsesUsed: 0, toolResultsUsed: 0, decisions: [] };
  const record = (step: AgentStepV1, recorded: string, replayed: string, toolName?: string) => {
    const matched = recorded === replayed;
    report.matched &&= matched;
    report.decisions.push({ stepId: step.id, index: step.index, kind: step.kind, ...(toolName ? { toolName } : {}), recorded, replayed, matched });
  };
  for (const step of steps) {
    if (step.kind !== 'model') continue;
    // The request is compared as a whole: the conversation and the tools offered.
    record(step, digestOf(step.input ?? null), digestOf(requestSummary(agent, messages)));
    if (step.status !== 'succeeded') break;
    const response = step.output as ModelResponse;
    report.modelResponsesUsed += 1;
    messages.push({ role: 'assistant', content: response.text, ...(response.toolCalls.length > 0 ? { toolCalls: response.toolCalls } : {}) });
    const toolSteps = steps.filter((candidate) => candidate.kind === 'tool' && candidate.snapshotId !== undefined && candidate.snapshotId === step.snapshotId);
    for (const [position, call] of response.toolCalls.entries()) {
      const toolStep = toolSteps[position];
      if (!toolStep?.decision) return report;
      const decision = await decideToolCall(agent, { name: call.name, input: call.input });
      record(toolStep, toolStep.decision, decision.kind, call.name);
      const execution = executions.get(toolStep.id);
      const verdict = verdicts.get(toolStep.id);
      let outcome: ToolOutcome;
      if (toolStep.status === 'failed' && toolStep.error) outcome = { kind: 'error', error: toolStep.error };
      else if (decision.kind === 'refused') outcome = { kind: 'error', error: decision.error };
      else if (decision.kind === 'preview') outcome = { kind: 'preview', preview: toolStep.preview ?? null };
      else if (verdict?.decision === 'rejected') outcome = { kind: 'error', error: rejectionError(verdict) };
      else if (execution) {
        report.toolResultsUsed += 1;
        outcome = { kind: 'result', result: execution.result ?? null };
      } else if (toolStep.error) outcome = { kind: 'error', error: toolStep.error };
      else return report;
      messages.push(toolMessage({ toolCallId: toolStep.toolCallId ?? toolStep.id, toolName: toolStep.toolName ?? '' }, outcome));
    }
  }
  return report;
}
