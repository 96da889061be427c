/**
 * @module @llm-actions/core
 * Run versioned LLM content actions: templates, providers, validation, proposals
 * and recorded runs, plus the provider and store contracts plugins implement.
 */
export * from './errors/index.js';
export type * from './contracts/provider/v1/index.js';
export type * from './contracts/store/v1/index.js';
export * from './schemas/index.js';
export { defineAction, type Action, type ActionOutput } from './define/define-action.js';
export { definePrompt } from './define/define-prompt.js';
export { parseModelReference, resolveModel, type ModelReference } from './model/model-reference.js';
export * from './events/index.js';
export * from './runner/index.js';
export { redact, REDACTED, type RedactOptions } from './diagnostics/redact.js';
export { createId, type IdGenerator } from './runtime/ids.js';
export * from './template/index.js';
export { retryAfterFromHeaders } from './runtime/retry-after.js';
export { chain, type Chain, type ChainContext, type ChainResult, type ChainStep, type ChainStepResult, type ChainStepResults } from './scale/chain.js';
export type { BatchItemResult, BatchResult, RunManyOptions } from './scale/run-many.js';
export { RateLimiter, type Limiter, type RateLimit } from './scale/rate-limiter.js';
export { periodStart, type Budget } from './scale/budgets.js';
export { DEFAULT_OUTPUT_ESTIMATE, estimateRun, estimateTokens, type RunEstimate } from './scale/estimate.js';
export * from './agent/index.js';
