/**
 * How to undo one executed tool call: the tool's `undo` called with this input and the
 * result the call returned. JSON, so any process can roll back from the store alone.
 */
export interface AgentInverseV1 {
  /** The tool whose `undo` reverts the change. */
  toolName: string;
  /** The input the tool was executed with. */
  input: unknown;
  /** The result the execution returned (e.g. the previous value of a field). */
  result: unknown;
}

/**
 * One entry of a run's append-only journal: a tool execution, or the undoing of one
 * by a rollback. Entries are never changed or removed.
 */
export interface AgentJournalEntryV1 {
  /** The agent run. */
  runId: string;
  /** Position in the run's journal, assigned by the store on append: 1, 2, 3, ... without gaps. */
  seq: number;
  /** `execute`: a tool ran. `undo`: a rollback reverted the entry numbered `undoes`. */
  kind: 'execute' | 'undo';
  /** The step that executed the tool. */
  stepId: string;
  /** The snapshot (model turn) the execution belongs to. */
  snapshotId?: string;
  /** Name of the tool. */
  toolName: string;
  /** Whether the tool only reads (`read`) or changes something (`write`). */
  mode: 'read' | 'write';
  /** JSON. The validated arguments, with object keys sorted, so equal calls serialise equally. */
  input: unknown;
  /** JSON. What the tool returned (`execute`), or what its undo returned (`undo`). */
  result?: unknown;
  /** `execute` of a write tool: how to undo it, or `null` when the tool cannot be undone. */
  inverse?: AgentInverseV1 | null;
  /** `undo`: the `seq` of the entry this one reverted. */
  undoes?: number;
  /** Who approved the execution, when it needed approval. */
  approval?: { by: string; note?: string; at: string };
  /** Who caused the entry: the run's user, or whoever called rollback. */
  by?: string;
  /** ISO timestamp of the execution or undo. */
  at: string;
}
