export { anthropicFakeDefaultModels, createAnthropicFake } from './fakes/anthropic-fake.js';
export { createOllamaFake, ollamaFakeDefaultModels } from './fakes/ollama-fake.js';
export { createOpenAIFake, openAIFakeDefaultModels } from './fakes/openai-fake.js';
export type {
  FakeErrorReply,
  FakeReply,
  FakeSuccessReply,
  FakeUsage,
  ProtocolFake,
  RecordedRequest,
} from './fakes/protocol-fake.js';
