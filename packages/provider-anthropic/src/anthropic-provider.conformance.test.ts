import { createAnthropicFake, runProviderConformance } from '@llm-actions/testing';
import { createAnthropic } from './index.js';

runProviderConformance({
  name: 'provider-anthropic',
  createProvider: (baseURL) => createAnthropic({ baseURL, apiKey: 'test-key' }),
  createFake: createAnthropicFake,
});
