/**
 * @module @llm-actions/example-custom-provider
 * A provider plugin for the Acme Text API (an HTTP API invented for this example),
 * written on plain `fetch`. The fake server and the conformance wire that test it are
 * exported from `./testing`, so production code never loads `node:http`.
 */
export { createAcme, type AcmeProvider, type AcmeProviderSettings } from './acme-provider.js';
export type {
  AcmeErrorBody,
  AcmeGenerateBody,
  AcmeGenerateResponse,
  AcmeMessage,
  AcmeModelList,
  AcmeStopReason,
  AcmeStreamEvent,
  AcmeTool,
  AcmeToolCall,
  AcmeUsage,
} from './acme-api.js';
