/**
 * A reviewer's decision on a step that awaited approval. At most one per step: the
 * store refuses a second decision with `STORE_CONFLICT`.
 */
export interface AgentApprovalV1 {
  /** The agent run. */
  runId: string;
  /** The step decided on. */
  stepId: string;
  /** `approved`: resume executes the step. `rejected`: resume tells the model it was refused. */
  decision: 'approved' | 'rejected';
  /** Who decided (checked with `authorize(by, 'agent:approve', ...)`). */
  by: string;
  /** The reviewer's remark; for a rejection it is passed on to the model. */
  note?: string;
  /** ISO timestamp of the decision. */
  at: string;
}
