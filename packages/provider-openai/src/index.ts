/**
 * @module @llm-actions/provider-openai
 * The OpenAI provider for @llm-actions/core, on the official `openai` client. It speaks the
 * Chat Completions API, so any OpenAI-compatible server works through `baseURL` and `name`.
 */
export { createOpenAI, openai, type OpenAIProvider } from './openai-provider.js';
export type { OpenAIProviderSettings } from './openai-provider-settings.js';
