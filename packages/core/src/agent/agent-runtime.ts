import type { AgentApprovalV1 } from '../contracts/store/v1/agent-approval-v1.js';
import type { AgentJournalEntryV1 } from '../contracts/store/v1/agent-journal-entry-v1.js';
import type { AgentRunListQueryV1, AgentRunPageV1 } from '../contracts/store/v1/agent-repository-v1.js';
import type { AgentSnapshotV1 } from '../contracts/store/v1/agent-snapshot-v1.js';
import type { SkillRecordV1 } from '../contracts/store/v1/skill-record-v1.js';
import type { EventBus } from '../events/event-bus.js';
import type { LlmActions } from '../runner/llm-actions-api.js';
import { agentNow, createAgentContext, type AgentRuntimeOptions } from './agent-context.js';
import { resultOf, type AgentRunResult } from './agent-run-handle.js';
import { readAgentState } from './agent-state.js';
import { decideStep, resumeAgent, type ApprovalOptions } from './approvals.js';
import type { Agent } from './define-agent.js';
import { recoverStaleAgentRuns } from './recover-stale-agent-runs.js';
import { replayAgent, type AgentReplayReport } from './replay.js';
import { rollbackAgent, type AgentRollbackResult, type RollbackOptions } from './rollback.js';
import { saveSkill, setSkillEnabled, skillRepository, type SkillDefinition } from './skills.js';
import { startAgent, type AgentStartOptions } from './start-agent.js';

/** The agent runtime of an `LlmActions` instance, created by {@link createAgentRuntime}. */
export interface AgentRuntime {
  /** The `LlmActions` instance the runtime runs actions with (given, or created from the options). */
  readonly llm: LlmActions;
  /** The instance's event bus, which also carries the `agent:*` events. */
  readonly events: EventBus;
  /** Adds (or replaces) an agent definition, so its runs can be resumed, rolled back and replayed. */
  register(agent: Agent): void;
  /**
   * Starts a run towards `goal` and drives it until the model stops calling tools, a
   * budget runs out, it is cancelled, the provider fails, or a step awaits approval
   * (status `awaiting-approval`). Those outcomes are statuses of the result, not throws.
   */
  start(agent: Agent | string, goal: string, options?: AgentStartOptions): Promise<AgentRunResult>;
  /** Continues a run awaiting approval once every waiting step is decided; `STORE_CONFLICT` if another caller resumed it first. */
  resume(runId: string, options?: { signal?: AbortSignal }): Promise<AgentRunResult>;
  /** Approves a step awaiting approval (`authorize(by, 'agent:approve')`). */
  approve(runId: string, stepId: string, options: ApprovalOptions): Promise<AgentApprovalV1>;
  /** Rejects a step awaiting approval; on resume the model is told, with the note. */
  reject(runId: string, stepId: string, options: ApprovalOptions): Promise<AgentApprovalV1>;
  /** Undoes changes newest first (`authorize(by, 'agent:rollback')`); `ROLLBACK_BLOCKED` before anything is undone if a change has no inverse. */
  rollback(runId: string, options: RollbackOptions): Promise<AgentRollbackResult>;
  /** Re-runs the decisions from the records without calling a model or a tool, and reports whether they matched. */
  replay(runId: string): Promise<AgentReplayReport>;
  /** A run with its steps, progress and usage, or undefined. */
  get(runId: string): Promise<AgentRunResult | undefined>;
  /** Runs, newest first (e.g. `{ status: 'awaiting-approval' }` for a review queue). */
  list(query?: AgentRunListQueryV1): Promise<AgentRunPageV1>;
  /**
   * Marks runs a stopped process left `running` or `rolling-back` (not updated for
   * `olderThanMs`, default 15 minutes) as `failed` with reason `INTERRUPTED`, keeping their
   * journal. Returns their ids.
   */
  recoverStaleRuns(options?: { olderThanMs?: number }): Promise<string[]>;
  /** The run's journal: executions and undos, in order. */
  journal(runId: string): Promise<AgentJournalEntryV1[]>;
  /** The run's snapshots (one per model turn that called tools). */
  snapshots(runId: string): Promise<AgentSnapshotV1[]>;
  /** The versioned skills registry in the store. */
  readonly skills: {
    /** Saves a new version unless the newest one is identical. */
    save(definition: SkillDefinition): Promise<SkillRecordV1>;
    get(name: string): Promise<SkillRecordV1 | undefined>;
    list(): Promise<SkillRecordV1[]>;
    versions(name: string): Promise<SkillRecordV1[]>;
    /** Saves a new version with `enabled: true`. */
    enable(name: string): Promise<SkillRecordV1>;
    /** Saves a new version with `enabled: false`; agents using it then fail to start with `SKILL_DISABLED`. */
    disable(name: string): Promise<SkillRecordV1>;
  };
}

/**
 * Creates the agent runtime over the same providers, store, retry and timeout settings
 * as `createLlmActions` (pass the same options, and optionally the instance as `llm`).
 * Everything a run needs to continue is in the store, so a runtime created in another
 * process over the same store can resume, roll back and replay its runs.
 *
 * @example
 * ```ts
 * const runtime = createAgentRuntime({ providers: [createOllama()], store, apply: saveField, agents: [filler] });
 * const started = await runtime.start(filler, 'Fill in the missing summaries', { user: 'ana' });
 * for (const step of started.awaitingApproval) await runtime.approve(started.run.id, step.id, { by: 'editor' });
 * const finished = await runtime.resume(started.run.id);
 * await runtime.rollback(finished.run.id, { to: 'last', by: 'editor' });
 * ```
 */
export function createAgentRuntime(options: AgentRuntimeOptions): AgentRuntime {
  const context = createAgentContext(options);
  const skills = () => skillRepository(context.store);
  return {
    llm: context.llm,
    events: context.events,
    register: (agent) => void context.registry.set(agent.id, agent),
    start: (agent, goal, startOptions) => startAgent(context, agent, goal, startOptions),
    resume: (runId, resumeOptions) => resumeAgent(context, runId, resumeOptions),
    approve: (runId, stepId, approvalOptions) => decideStep(context, runId, stepId, 'approved', approvalOptions),
    reject: (runId, stepId, approvalOptions) => decideStep(context, runId, stepId, 'rejected', approvalOptions),
    rollback: (runId, rollbackOptions) => rollbackAgent(context, runId, rollbackOptions),
    replay: (runId) => replayAgent(context, runId),
    async get(runId) {
      const run = await context.repository.getRun(runId);
      if (!run) return undefined;
      return resultOf(run, await context.repository.listSteps(runId), readAgentState(run.state, runId));
    },
    list: (query) => context.repository.listRuns(query),
    recoverStaleRuns: (recoverOptions) => recoverStaleAgentRuns(context, recoverOptions),
    journal: (runId) => context.repository.listJournal(runId),
    snapshots: (runId) => context.repository.listSnapshots(runId),
    skills: {
      save: (definition) => saveSkill(skills(), definition, agentNow(context)),
      get: (name) => skills().get(name),
      list: () => skills().list(),
      versions: (name) => skills().versions(name),
      enable: (name) => setSkillEnabled(skills(), name, true, agentNow(context)),
      disable: (name) => setSkillEnabled(skills(), name, false, agentNow(context)),
    },
  };
}
