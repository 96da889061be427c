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
export { runProviderConformance, type ProviderConformanceOptions } from './provider/run-provider-conformance.js';
export {
  anthropicWire,
  conformanceWires,
  ollamaWire,
  openAIWire,
  type ConformanceWire,
  type WireToolResult,
} from './provider/conformance-wire.js';
export { runStoreConformance, type StoreConformanceOptions } from './store/index.js';
export { sendJson, startFakeServer, type FakeExchange, type FakeServerOptions } from './fakes/shared-fake-server.js';
export { fakeId, isFakeErrorReply, replyChunks, replyFinishReason, replyText, replyUsage } from './fakes/shared-fake-replies.js';
export { at, baseTime, makeAction, makeBinding, makePrompt, makeProposal, makeRun, uniqueId } from './store/fixtures.js';
export { expectStoreError } from './store/expect-store-error.js';
