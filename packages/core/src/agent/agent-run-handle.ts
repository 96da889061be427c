import type { AgentRunPatchV1, AgentRunV1 } from '../contracts/store/v1/agent-run-v1.js';
import type { AgentStepStatusV1, AgentStepV1 } from '../contracts/store/v1/agent-step-v1.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { AgentProgress, AgentUsage, LlmActionsEventMap } from '../events/event-types.js';
import { agentNow, emitAgentEvent, type AgentContext } from './agent-context.js';
import { writeAgentState, type AgentState } from './agent-state.js';
import type { Agent } from './define-agent.js';
import type { ToolContext } from './define-tool.js';
import { toCanonicalJson } from './json-value.js';
import { toolContextFor } from './tool-context.js';

/** An agent run as the runtime returns it: the record, its steps, progress and usage. */
export interface AgentRunResult {
  /** The stored run record. */
  run: AgentRunV1;
  /** Every step so far, in order. */
  steps: AgentStepV1[];
  /** Completion: finished steps out of planned ones. */
  progress: AgentProgress;
  /** Budgets used so far. */
  usage: AgentUsage;
  /** The model's final answer, once the run succeeded. */
  output?: string;
  /** Steps waiting for `approve` or `reject` (when the run is `awaiting-approval`). */
  awaitingApproval: AgentStepV1[];
}

const finished = new Set<AgentStepStatusV1>(['succeeded', 'failed', 'refused', 'rejected', 'previewed']);

/** Completion of a run from its steps. */
export function progressOf(run: Pick<AgentRunV1, 'status'>, steps: readonly AgentStepV1[]): AgentProgress {
  const done = steps.filter((step) => finished.has(step.status)).length;
  const total = steps.length;
  const percent = run.status === 'succeeded' ? 100 : total === 0 ? 0 : Math.floor((done * 100) / total);
  return { done, total, percent };
}

/**
 * The run a process owns while it drives it: the record with the revision it holds,
 * the state and the steps. Every write of the record is compare-and-set on the revision,
 * so a process that lost the run (another resume, a rollback) stops at its next write.
 */
export class AgentRunHandle {
  #activeSince: number;

  constructor(
    readonly context: AgentContext,
    readonly agent: Agent,
    public run: AgentRunV1,
    readonly state: AgentState,
    readonly steps: AgentStepV1[],
  ) {
    this.#activeSince = context.clock();
  }

  /** The step with this id; throws when the run has none (a corrupted state). */
  step(id: string): AgentStepV1 {
    const found = this.steps.find((step) => step.id === id);
    if (!found) throw new LlmActionsError({ code: 'AGENT_RUN_STATE', message: `Agent run "${this.run.id}" has no step "${id}".`, details: { runId: this.run.id, stepId: id } });
    return found;
  }

  /** Creates a step at the end of the run. */
  async addStep(fields: Omit<AgentStepV1, 'runId' | 'id' | 'index' | 'createdAt' | 'updatedAt'>): Promise<AgentStepV1> {
    const now = agentNow(this.context);
    const step: AgentStepV1 = { runId: this.run.id, id: this.context.generateAgentId('step'), index: this.steps.length, ...fields, createdAt: now, updatedAt: now };
    await this.context.repository.putStep(step);
    this.steps.push(step);
    return step;
  }

  /** Changes a step and stores it. */
  async updateStep(step: AgentStepV1, patch: Partial<Omit<AgentStepV1, 'runId' | 'id' | 'index' | 'kind' | 'createdAt'>>): Promise<AgentStepV1> {
    // Error details come from tools and providers; the store keeps only JSON.
    const error = patch.error ? { error: toCanonicalJson(patch.error, 'step error') as AgentStepV1['error'] } : {};
    Object.assign(step, patch, error, { updatedAt: agentNow(this.context) });
    await this.context.repository.putStep(step);
    return step;
  }

  /** Emits an agent event of this run. */
  emit<TType extends keyof LlmActionsEventMap>(type: TType, data: LlmActionsEventMap[TType]): void {
    emitAgentEvent(this.context, this.run.id, type, data);
  }

  /** Emits `agent:step:finish` for a step that reached its status. */
  finishStep(step: AgentStepV1): void {
    this.emit('agent:step:finish', {
      stepId: step.id,
      kind: step.kind,
      status: step.status,
      ...(step.toolName ? { toolName: step.toolName } : {}),
      ...(step.error ? { error: step.error } : {}),
      progress: progressOf(this.run, this.steps),
    });
  }

  /** What a tool's functions receive for one of this run's steps. */
  toolContext(step: Pick<AgentStepV1, 'id'>, signal: AbortSignal | undefined, extra: Pick<ToolContext, 'preview' | 'approval'> = {}): ToolContext {
    const run = { id: this.run.id, ...(this.run.user !== undefined ? { user: this.run.user } : {}), ...(this.state.subject ? { subject: this.state.subject } : {}) };
    return toolContextFor(this.context, this.agent, run, step, signal, extra);
  }

  /** Usage, with the wall time of this process counted up to now. */
  usage(): AgentUsage {
    const now = this.context.clock();
    this.state.usage.activeMs += Math.max(0, now - this.#activeSince);
    this.#activeSince = now;
    return this.state.usage;
  }

  /** Stores the state (and `patch`) with compare-and-set; `STORE_CONFLICT` when the run changed meanwhile. */
  async save(patch: Omit<AgentRunPatchV1, 'state' | 'updatedAt'> = {}): Promise<AgentRunV1> {
    this.usage();
    this.run = await updateAgentRun(this.context, this.run, { ...patch, state: writeAgentState(this.state) });
    return this.run;
  }

  /** The run as the runtime returns it. */
  result(): AgentRunResult {
    return resultOf(this.run, this.steps, this.state);
  }
}

/** Builds an {@link AgentRunResult}. */
export function resultOf(run: AgentRunV1, steps: AgentStepV1[], state: Pick<AgentState, 'usage' | 'output'>): AgentRunResult {
  return {
    run,
    steps: structuredClone(steps),
    progress: progressOf(run, steps),
    usage: { ...state.usage },
    ...(state.output !== undefined ? { output: state.output } : {}),
    awaitingApproval: structuredClone(steps.filter((step) => step.status === 'awaiting-approval')),
  };
}

/**
 * Compare-and-set update of a run at the revision the caller read. A lost race becomes a
 * `STORE_CONFLICT` that says what happened.
 */
export async function updateAgentRun(context: AgentContext, run: AgentRunV1, patch: AgentRunPatchV1): Promise<AgentRunV1> {
  try {
    return await context.repository.updateRun(run.id, { ...patch, updatedAt: agentNow(context) }, { expectedRevision: run.revision });
  } catch (error) {
    if (!LlmActionsError.isInstance(error) || error.code !== 'STORE_CONFLICT') throw error;
    throw new LlmActionsError({
      code: 'STORE_CONFLICT',
      message: `Agent run "${run.id}" was changed by someone else (revision ${run.revision} is no longer current): another caller resumed or rolled it back first. Reload it with runtime.get("${run.id}").`,
      details: { ...error.details, runId: run.id, expectedRevision: run.revision },
      cause: error,
    });
  }
}
