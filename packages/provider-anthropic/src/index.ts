/**
 * @module @llm-actions/provider-anthropic
 * Anthropic provider for `@llm-actions/core` (provider contract v1), on the official
 * `@anthropic-ai/sdk` client.
 */
export { anthropic, createAnthropic } from './create-anthropic.js';
export type { AnthropicProviderSettings } from './anthropic-settings.js';
