/**
 * @module @llm-actions/core
 * Run versioned LLM content actions: templates, providers, validation, proposals
 * and recorded runs, plus the provider and store contracts plugins implement.
 */
export * from './errors/index.js';
export type * from './contracts/provider/v1/index.js';
export type * from './contracts/store/v1/index.js';
export * from './schemas/index.js';
