import type { ProviderV1FinishReason } from './provider-v1-finish-reason.js';
import type { ProviderV1RawExchange } from './provider-v1-raw.js';
import type { ProviderV1ToolCall } from './provider-v1-tool.js';
import type { ProviderV1Usage } from './provider-v1-usage.js';
import type { ProviderV1Warning } from './provider-v1-warning.js';

/** The outcome of {@link ProviderV1.doGenerate}. */
export interface ProviderV1Result extends ProviderV1RawExchange {
  /** Generated text (empty when the model only called tools). */
  text: string;
  /** Tool calls the model made, in order. */
  toolCalls: ProviderV1ToolCall[];
  /** Why generation ended. */
  finishReason: ProviderV1FinishReason;
  /** Token usage. */
  usage: ProviderV1Usage;
  /** Settings or features the provider could not honour. */
  warnings: ProviderV1Warning[];
}
