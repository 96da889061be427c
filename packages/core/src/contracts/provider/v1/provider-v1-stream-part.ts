import type { ProviderV1FinishReason } from './provider-v1-finish-reason.js';
import type { ProviderV1RawExchange } from './provider-v1-raw.js';
import type { ProviderV1ToolCall } from './provider-v1-tool.js';
import type { ProviderV1Usage } from './provider-v1-usage.js';

/**
 * One part of a streamed reply. A stream yields any number of `text-delta` and
 * `tool-call` parts and ends with exactly one `finish` part; a failure is thrown
 * from the iterator as a `ProviderError`.
 */
export type ProviderV1StreamPart =
  | { type: 'text-delta'; delta: string }
  | { type: 'tool-call'; toolCall: ProviderV1ToolCall }
  | {
      type: 'finish';
      finishReason: ProviderV1FinishReason;
      usage: ProviderV1Usage;
      response?: ProviderV1RawExchange['response'];
    };
