/**
 * Stable codes carried by every {@link LlmActionsError}. Hosts may switch on them;
 * a code is never renamed or reused within a major version.
 */
export const errorCodes = [
  /** A definition (prompt, action, binding, tool) failed validation. */
  'INVALID_DEFINITION',
  /** Arguments to a public function failed validation. */
  'INVALID_INPUT',
  /** A model reference is not of the form `provider/model`. */
  'MODEL_REFERENCE_INVALID',
  /** A model reference names a provider that was not registered. */
  'PROVIDER_NOT_FOUND',
  /** An action id, version or label does not exist. */
  'ACTION_NOT_FOUND',
  /** A prompt id, version or label does not exist. */
  'PROMPT_NOT_FOUND',
  /** A run, proposal or other record does not exist. */
  'NOT_FOUND',
  /** A source field of the subject is missing or empty. */
  'SOURCE_MISSING',
  /** The subject type or field is outside the action's scope. */
  'SCOPE_VIOLATION',
  /** The host's `authorize` callback refused the operation. */
  'FORBIDDEN',
  /** A template has a syntax error. */
  'TEMPLATE_SYNTAX',
  /** A template uses variables the data does not provide. */
  'TEMPLATE_MISSING_VARIABLE',
  /** A template uses a filter that is not registered, or a filter failed. */
  'TEMPLATE_FILTER',
  /** A template includes partials in a cycle, or a partial that does not exist. */
  'TEMPLATE_PARTIAL',
  /** Rendering exceeded a limit: output size, loop iterations or partial depth. */
  'TEMPLATE_LIMIT',
  /** The provider failed; `details.kind` says how. */
  'PROVIDER_ERROR',
  /** A per-attempt or per-run timeout elapsed. */
  'TIMEOUT',
  /** The operation was aborted through its AbortSignal. */
  'CANCELLED',
  /** The model's output did not match the action's output format or schema. */
  'OUTPUT_INVALID',
  /** A compare-and-set update lost: the record changed status meanwhile. */
  'STORE_CONFLICT',
  /** A store operation failed for another reason. */
  'STORE_ERROR',
  /** A second binding for the same subject type and field. */
  'BINDING_CONFLICT',
  /** A proposal is no longer pending. */
  'PROPOSAL_NOT_PENDING',
  /** The host's `apply` callback failed or is missing. */
  'APPLY_FAILED',
  /** A budget would be exceeded by this run. */
  'BUDGET_EXCEEDED',
  /** A run was found `running` after its process stopped (see `recoverStaleRuns`). */
  'INTERRUPTED',
  /** Something failed that the SDK did not expect; `details.message` has the original message. */
  'UNEXPECTED_ERROR',
  /** An agent's tool call failed validation or its policy (unknown tool, not allowed, bad input, path outside the allowlist); it was not executed. */
  'TOOL_REFUSED',
  /** An agent's tool threw while executing or undoing; `details.toolName` names it. */
  'TOOL_FAILED',
  /** A rollback would undo a step without an inverse; nothing was undone. */
  'ROLLBACK_BLOCKED',
  /** An agent references a skill that the store does not have. */
  'SKILL_NOT_FOUND',
  /** An agent references a skill whose current version is disabled. */
  'SKILL_DISABLED',
  /** An agent run used up a policy budget: steps, tokens, cost or wall time (`details.budget`). */
  'AGENT_BUDGET_EXHAUSTED',
  /** No agent with this id is registered with the agent runtime (resume needs the definition). */
  'AGENT_NOT_FOUND',
  /** The agent run is not in a state that allows the operation (e.g. resuming a finished run). */
  'AGENT_RUN_STATE',
  /** A step of the agent run still awaits approve or reject. */
  'APPROVAL_PENDING',
] as const;

/** One of the stable {@link errorCodes}. */
export type ErrorCode = (typeof errorCodes)[number];
