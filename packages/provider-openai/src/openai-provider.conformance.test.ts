import { createOpenAIFake, runProviderConformance } from '@llm-actions/testing';
import { createOpenAI } from './index.js';

runProviderConformance({
  name: 'provider-openai',
  createProvider: (baseURL) => createOpenAI({ baseURL, apiKey: 'test-key' }),
  createFake: createOpenAIFake,
});

runProviderConformance({
  name: 'provider-openai (OpenAI-compatible server as "compatible")',
  createProvider: (baseURL) => createOpenAI({ name: 'compatible', baseURL, apiKey: 'none', maxTokensParameter: 'max_tokens' }),
  createFake: createOpenAIFake,
});
