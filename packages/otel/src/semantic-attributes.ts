/**
 * Attribute names of the OpenTelemetry semantic conventions for generative AI that
 * the bridge sets, as of semantic conventions v1.41.0 (status: Development; the GenAI
 * conventions have since moved to the open-telemetry/semantic-conventions-genai
 * repository). `@opentelemetry/semantic-conventions` is not a dependency: its GenAI
 * names live in an unstable entry point, so the few used here are defined once here.
 */
export const genAiAttributes = {
  operationName: 'gen_ai.operation.name',
  providerName: 'gen_ai.provider.name',
  /** Deprecated since v1.37 in favour of `gen_ai.provider.name`; still read by older backends. */
  system: 'gen_ai.system',
  requestModel: 'gen_ai.request.model',
  requestTemperature: 'gen_ai.request.temperature',
  requestMaxTokens: 'gen_ai.request.max_tokens',
  requestTopP: 'gen_ai.request.top_p',
  requestTopK: 'gen_ai.request.top_k',
  requestStopSequences: 'gen_ai.request.stop_sequences',
  requestSeed: 'gen_ai.request.seed',
  requestStream: 'gen_ai.request.stream',
  outputType: 'gen_ai.output.type',
  responseId: 'gen_ai.response.id',
  responseModel: 'gen_ai.response.model',
  responseFinishReasons: 'gen_ai.response.finish_reasons',
  /** Seconds from issuing the request to the first streamed chunk. */
  responseTimeToFirstChunk: 'gen_ai.response.time_to_first_chunk',
  /** All prompt tokens, cached ones included. */
  usageInputTokens: 'gen_ai.usage.input_tokens',
  usageOutputTokens: 'gen_ai.usage.output_tokens',
  usageCacheReadInputTokens: 'gen_ai.usage.cache_read.input_tokens',
  usageCacheCreationInputTokens: 'gen_ai.usage.cache_creation.input_tokens',
  usageReasoningOutputTokens: 'gen_ai.usage.reasoning.output_tokens',
  /** Opt-in content: the messages sent, as a JSON string of the input messages schema. */
  inputMessages: 'gen_ai.input.messages',
  /** Opt-in content: the model's reply, as a JSON string of the output messages schema. */
  outputMessages: 'gen_ai.output.messages',
  /** The general `error.type` attribute: here the `LlmActionsError` code. */
  errorType: 'error.type',
} as const;

/** The GenAI operation every run is: a chat completion. */
export const chatOperation = 'chat';

/** Attributes of @llm-actions itself, in the `llm_actions.` namespace. */
export const llmActionsAttributes = {
  runId: 'llm_actions.run.id',
  runKind: 'llm_actions.run.kind',
  runStatus: 'llm_actions.run.status',
  runAttempts: 'llm_actions.run.attempts',
  /** Set when the span was ended without `run:finish` (uninstrumented, or too many open runs). */
  runInterrupted: 'llm_actions.run.interrupted',
  parentRunId: 'llm_actions.run.parent_id',
  actionId: 'llm_actions.action.id',
  actionVersion: 'llm_actions.action.version',
  subjectType: 'llm_actions.subject.type',
  subjectId: 'llm_actions.subject.id',
  /** Who ran it; personal data, so only with `captureContent`. */
  user: 'llm_actions.user',
  costUsd: 'llm_actions.cost_usd',
  /** Attempt number within the run, counting the JSON repair call's attempts too. */
  attempt: 'llm_actions.attempt',
  retryDelayMs: 'llm_actions.retry.delay_ms',
  retryAfterMs: 'llm_actions.retry.retry_after_ms',
  errorMessage: 'llm_actions.error.message',
  /** The provider error's kind (`rate-limit`, `server`, `timeout`, ...), when known. */
  errorKind: 'llm_actions.error.kind',
  outputRepaired: 'llm_actions.output.repaired',
  proposalId: 'llm_actions.proposal.id',
  proposalField: 'llm_actions.proposal.field',
  proposalBy: 'llm_actions.proposal.by',
} as const;

/** Span event names. Our own live in `llm_actions.`; the `gen_ai.` namespace is the conventions'. */
export const llmActionsEvents = {
  firstChunk: 'llm_actions.first_chunk',
  retry: 'llm_actions.retry',
  output: 'llm_actions.output',
  proposalCreated: 'llm_actions.proposal.created',
  proposalApplied: 'llm_actions.proposal.applied',
  proposalRejected: 'llm_actions.proposal.rejected',
  interrupted: 'llm_actions.interrupted',
} as const;
