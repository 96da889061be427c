/**
 * @module @llm-actions/core/testing
 * Test helpers without a test-runner dependency: a scripted provider for unit tests,
 * demos and examples.
 */
export { mockProvider, type MockProvider, type MockProviderOptions, type MockResponse } from './mock-provider.js';
