import type { ProviderV1FinishReason } from '../contracts/provider/v1/provider-v1-finish-reason.js';
import type { ProviderV1Warning } from '../contracts/provider/v1/provider-v1-warning.js';
import type { AgentRunStatusV1 } from '../contracts/store/v1/agent-run-v1.js';
import type { AgentStepKindV1, AgentStepStatusV1 } from '../contracts/store/v1/agent-step-v1.js';
import type { Usage } from '../schemas/common.js';
import type { RunKind, RunStatus } from '../schemas/run.js';
import type { Settings } from '../schemas/action.js';

/** A JSON-safe error summary as carried by events and stored runs. */
export interface EventError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Counts of a batch, as reported after each item. */
export interface BatchProgress {
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  /** Subjects skipped because a succeeded run exists (resume). */
  skipped: number;
  remaining: number;
  /** Estimated milliseconds until the batch ends, from the pace so far. */
  etaMs?: number;
}

/** Completion of an agent run: steps finished out of the steps planned so far. */
export interface AgentProgress {
  /** Steps that reached a final status. */
  done: number;
  /** Steps known so far (model turns and the tool calls they planned). */
  total: number;
  /** `done / total` as a whole percentage; 100 once the run succeeded. */
  percent: number;
}

/** What an agent run has used of its budgets. */
export interface AgentUsage {
  /** Tool steps processed. */
  steps: number;
  /** Model calls made. */
  modelCalls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** Wall time spent running (time suspended for approval does not count), in ms. */
  activeMs: number;
}

/** The `data` of each event type. */
export interface LlmActionsEventMap {
  'run:start': {
    kind: RunKind;
    actionVersion?: number;
    subject?: { type: string; id: string };
    model: string;
    user?: string;
    /** Generation settings of the action. */
    settings?: Settings;
    /** `text` or `json`. */
    outputFormat?: 'text' | 'json';
    /** The A/B variant, `label@version`, when a split label chose the version. */
    variant?: string;
  };
  'run:prompt': { messages: Array<{ role: string; content: string }> };
  'run:request': { attempt: number; provider: string; model: string; stream: boolean };
  'run:retry': { attempt: number; delayMs: number; error: EventError; retryAfterMs?: number };
  'run:chunk': { index: number; delta: string };
  'run:response': {
    attempt: number;
    text: string;
    finishReason: ProviderV1FinishReason;
    usage: Usage;
    warnings: ProviderV1Warning[];
    request?: unknown;
    response?: unknown;
  };
  'run:output': { raw: string; parsed: unknown; repaired: boolean };
  'run:finish': { status: RunStatus; attempts: number; usage?: Usage; costUsd?: number; durationMs: number };
  'run:error': { error: EventError; attempt?: number };
  'proposal:created': { proposalId: string; field: string };
  'proposal:applied': { proposalId: string; field: string; by?: string };
  'proposal:rejected': { proposalId: string; field: string; by?: string; note?: string };
  'batch:start': { total: number; concurrency: number; dryRun: boolean };
  'batch:progress': BatchProgress;
  'batch:finish': BatchProgress & { status: 'succeeded' | 'failed' | 'cancelled'; durationMs: number };
  'chain:step': { stepId: string; status: 'succeeded' | 'failed' | 'skipped'; stepRunId?: string; attempt?: number; error?: EventError };
  'budget:exceeded': { budget: unknown; spentUsd: number; estimatedCostUsd: number };
  'rate-limit:wait': { model: string; waitMs: number; rate: number };
  'agent:run:start': { agentId: string; goal: string; user?: string; subject?: { type: string; id: string }; resumed: boolean };
  'agent:step:start': { stepId: string; index: number; kind: AgentStepKindV1; toolName?: string };
  /** A tool call was looked at: executed, sent for approval, only previewed, refused or rejected. */
  'agent:tool:call': {
    stepId: string;
    toolName: string;
    input: unknown;
    decision: 'execute' | 'approval' | 'preview' | 'refused' | 'rejected';
    error?: EventError;
  };
  'agent:approval:requested': { stepId: string; toolName: string; preview?: unknown };
  'agent:approval:resolved': { stepId: string; decision: 'approved' | 'rejected'; by: string; note?: string };
  'agent:step:finish': { stepId: string; kind: AgentStepKindV1; status: AgentStepStatusV1; toolName?: string; error?: EventError; progress: AgentProgress };
  'agent:snapshot': { snapshotId: string; label: string; stepId: string };
  'agent:rollback': { to: string; undone: Array<{ seq: number; stepId: string; toolName: string }>; by?: string };
  /** The run ended (succeeded, failed, cancelled, budget-exhausted) or was suspended (awaiting-approval). */
  'agent:run:finish': { status: AgentRunStatusV1; reason?: EventError; output?: string; progress: AgentProgress; usage: AgentUsage };
  /** A listener threw; the run went on. */
  'listener:error': { eventType: string; error: EventError };
}

/** Every event type. */
export type LlmActionsEventType = keyof LlmActionsEventMap;

/** One event, as emitted on the bus and stored (redacted) in a run's diagnostics. */
export interface LlmActionsEvent<TType extends LlmActionsEventType = LlmActionsEventType> {
  type: TType;
  /** ISO timestamp. */
  at: string;
  runId: string;
  parentRunId?: string;
  actionId?: string;
  data: LlmActionsEventMap[TType];
}

/** Any event, discriminated by `type`. */
export type AnyLlmActionsEvent = { [TType in LlmActionsEventType]: LlmActionsEvent<TType> }[LlmActionsEventType];
