import { z } from 'zod';
import type { AgentJournalEntryV1 } from '../contracts/store/v1/agent-journal-entry-v1.js';
import type { AgentRunV1 } from '../contracts/store/v1/agent-run-v1.js';
import type { AgentStepV1 } from '../contracts/store/v1/agent-step-v1.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import { ensureAllowed } from '../runner/authorize.js';
import { parseOrThrow } from '../runtime/validate.js';
import { agentNow, emitAgentEvent, type AgentContext } from './agent-context.js';
import { updateAgentRun } from './agent-run-handle.js';
import { readAgentState, writeAgentState } from './agent-state.js';
import type { Agent } from './define-agent.js';
import { toCanonicalJson } from './json-value.js';
import { busy, requireAgent, requireRun } from './load-run.js';
import { messageOf, toolContextFor } from './tool-context.js';
import { effectiveWrites } from './journal.js';

/** Options of `runtime.rollback`. */
export interface RollbackOptions {
  /**
   * How far back: `last` undoes the newest snapshot (model turn) that still has changes in
   * effect, `start` every change of the run, a step id that step and everything after it,
   * a snapshot id that snapshot and everything after it.
   */
  to: 'last' | 'start' | (string & {});
  /** Who rolls back; checked with `authorize(by, 'agent:rollback', ...)` and journaled. */
  by?: string;
  /** Passed to the tools' `undo`. */
  signal?: AbortSignal;
}

/** What a rollback did. */
export interface AgentRollbackResult {
  /** The run after the rollback (its status is what it was before). */
  run: AgentRunV1;
  /** The `undo` journal entries appended, newest change first. */
  undone: AgentJournalEntryV1[];
}

const optionsSchema = z.object({ to: z.string().min(1), by: z.string().min(1).optional() }).passthrough();

function select(runId: string, to: string, writes: AgentJournalEntryV1[], steps: AgentStepV1[], snapshots: Array<{ id: string; stepId: string }>): AgentJournalEntryV1[] {
  if (to === 'start') return writes;
  if (to === 'last') {
    const newest = writes.at(-1);
    return newest ? writes.filter((entry) => entry === newest || (newest.snapshotId !== undefined && entry.snapshotId === newest.snapshotId)) : [];
  }
  const indexOf = new Map(steps.map((step) => [step.id, step.index]));
  const snapshot = snapshots.find((candidate) => candidate.id === to);
  const from = indexOf.get(snapshot ? snapshot.stepId : to);
  if (from === undefined) {
    throw new LlmActionsError({ code: 'NOT_FOUND', message: `Agent run "${runId}" has no step or snapshot "${to}"; use "last", "start", a step id or a snapshot id.`, details: { runId, to } });
  }
  return writes.filter((entry) => (indexOf.get(entry.stepId) ?? -1) >= from);
}

function ensureReversible(runId: string, agent: Agent, entries: AgentJournalEntryV1[]): void {
  const blocked = entries.filter((entry) => !entry.inverse || !agent.tool(entry.inverse.toolName)?.undo);
  if (blocked.length === 0) return;
  throw new LlmActionsError({
    code: 'ROLLBACK_BLOCKED',
    message: `Nothing was undone: step(s) ${blocked.map((entry) => `${entry.stepId} (${entry.toolName})`).join(', ')} of agent run "${runId}" have no inverse (their tool has no undo). Roll back to a later point, or revert those changes by hand.`,
    details: { runId, blocked: blocked.map((entry) => ({ seq: entry.seq, stepId: entry.stepId, toolName: entry.toolName })) },
  });
}

/**
 * Undoes the run's changes back to a point, newest first, through each tool's `undo`,
 * journaling every undo. Checks first that every change in range has an inverse, so a
 * blocked rollback undoes nothing. Fenced like resume: the run is claimed while it rolls back.
 */
export async function rollbackAgent(context: AgentContext, runId: string, options: RollbackOptions): Promise<AgentRollbackResult> {
  const valid = parseOrThrow(optionsSchema, options, 'rollback options');
  const run = await requireRun(context, runId);
  if (run.status === 'running' || run.status === 'rolling-back') throw busy(run, 'rolled back');
  const agent = requireAgent(context, run.agentId);
  await ensureAllowed(context, valid.by, 'agent:rollback', { type: 'agent-run', id: runId, record: run });
  const [journal, steps, snapshots] = await Promise.all([context.repository.listJournal(runId), context.repository.listSteps(runId), context.repository.listSnapshots(runId)]);
  const selected = select(runId, valid.to, effectiveWrites(journal), steps, snapshots);
  ensureReversible(runId, agent, selected);
  if (selected.length === 0) return { run, undone: [] };
  const state = readAgentState(run.state, runId);
  const claimed = await updateAgentRun(context, run, { status: 'rolling-back', state: writeAgentState({ ...state, statusBeforeRollback: run.status }) });
  const user = valid.by ?? run.user;
  const undone: AgentJournalEntryV1[] = [];
  let failure: LlmActionsError | undefined;
  for (const entry of [...selected].reverse()) {
    const tool = agent.tool(entry.inverse!.toolName)!;
    const toolContext = toolContextFor(context, agent, { id: runId, ...(user !== undefined ? { user } : {}), ...(state.subject ? { subject: state.subject } : {}) }, { id: entry.stepId }, options.signal);
    try {
      const result = toCanonicalJson(await tool.undo!(tool.input.parse(entry.inverse!.input), entry.inverse!.result, toolContext), `undo result of tool "${tool.name}"`);
      const { seq: _seq, inverse: _inverse, approval: _approval, result: _result, ...rest } = entry;
      undone.push(await context.repository.appendJournal({ ...rest, kind: 'undo', undoes: entry.seq, result, ...(valid.by !== undefined ? { by: valid.by } : {}), at: agentNow(context) }));
    } catch (error) {
      failure = new LlmActionsError({
        code: 'TOOL_FAILED',
        message: `Rollback of agent run "${runId}" stopped: undoing step ${entry.stepId} (${tool.name}) failed: ${messageOf(error)}. ${undone.length} change(s) were undone and journaled; fix the cause and roll back again.`,
        details: { runId, stepId: entry.stepId, toolName: tool.name, undone: undone.map((item) => item.undoes) },
        cause: error,
      });
      break;
    }
  }
  const restored = await updateAgentRun(context, claimed, { status: run.status, state: writeAgentState(state) });
  emitAgentEvent(context, runId, 'agent:rollback', {
    to: valid.to,
    undone: undone.map((entry) => ({ seq: entry.undoes!, stepId: entry.stepId, toolName: entry.toolName })),
    ...(valid.by !== undefined ? { by: valid.by } : {}),
  });
  if (failure) throw failure;
  return { run: restored, undone };
}
