import type { AgentApprovalV1 } from './agent-approval-v1.js';
import type { AgentJournalEntryV1 } from './agent-journal-entry-v1.js';
import type { AgentRunPatchV1, AgentRunStatusV1, AgentRunV1 } from './agent-run-v1.js';
import type { AgentSnapshotV1 } from './agent-snapshot-v1.js';
import type { AgentStepV1 } from './agent-step-v1.js';

/** Filters of {@link AgentRepositoryV1.listRuns}. All given filters must match. */
export interface AgentRunListQueryV1 {
  agentId?: string;
  status?: AgentRunStatusV1 | AgentRunStatusV1[];
  user?: string;
  /** Page size, 1-500; 50 by default. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** One page of agent runs, newest first (by `createdAt`, then `id`, descending). */
export interface AgentRunPageV1 {
  items: AgentRunV1[];
  /** Pass to the next `listRuns` call; absent on the last page. */
  nextCursor?: string;
}

/**
 * Agent runs with their steps, journal, snapshots and approvals (the store's `agents`).
 * Steps, journal entries, snapshots and approvals belong to one run: writing them for a
 * run that does not exist fails with `NOT_FOUND`. Payload fields typed `unknown` hold
 * JSON values (a SQL store keeps them in JSON columns); they round-trip exactly.
 */
export interface AgentRepositoryV1 {
  /** Stores a new run (core passes `revision: 1`); `STORE_CONFLICT` when the id exists. */
  createRun(run: AgentRunV1): Promise<void>;
  /** One run, or undefined. */
  getRun(id: string): Promise<AgentRunV1 | undefined>;
  /**
   * Compare-and-set update: applies `patch` and sets `revision` to `expectedRevision + 1`,
   * atomically, only while the stored revision equals `expectedRevision`. Otherwise throws
   * `STORE_CONFLICT` with `details.expectedRevision`, `details.actualRevision` and
   * `details.actualStatus`; `NOT_FOUND` when the run does not exist. Returns the updated run.
   */
  updateRun(id: string, patch: AgentRunPatchV1, options: { expectedRevision: number }): Promise<AgentRunV1>;
  /** A page of runs matching the query, newest first. */
  listRuns(query?: AgentRunListQueryV1): Promise<AgentRunPageV1>;
  /** Inserts a step, or replaces the step with the same `runId` and `id` (its `index` must not change). */
  putStep(step: AgentStepV1): Promise<void>;
  /** Every step of a run, ordered by `index`. */
  listSteps(runId: string): Promise<AgentStepV1[]>;
  /**
   * Appends a journal entry and returns it with its `seq`: one more than the run's last
   * entry (1 for the first), also when appends race.
   */
  appendJournal(entry: Omit<AgentJournalEntryV1, 'seq'>): Promise<AgentJournalEntryV1>;
  /** The run's journal, ordered by `seq`. */
  listJournal(runId: string): Promise<AgentJournalEntryV1[]>;
  /** Stores a snapshot; `STORE_CONFLICT` when the run already has one with this id. */
  createSnapshot(snapshot: AgentSnapshotV1): Promise<void>;
  /** The run's snapshots, ordered by `createdAt`, then `id`. */
  listSnapshots(runId: string): Promise<AgentSnapshotV1[]>;
  /** Records a decision; `STORE_CONFLICT` (with `details.decision`) when the step was already decided. */
  createApproval(approval: AgentApprovalV1): Promise<void>;
  /** The run's decisions, ordered by `at`, then `stepId`. */
  listApprovals(runId: string): Promise<AgentApprovalV1[]>;
}
