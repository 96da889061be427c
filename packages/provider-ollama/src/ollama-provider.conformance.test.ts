import { createOllamaFake, runProviderConformance } from '@llm-actions/testing';
import { createOllama } from './index.js';

runProviderConformance({
  name: 'provider-ollama',
  createProvider: (baseURL) => createOllama({ baseURL }),
  createFake: createOllamaFake,
});
