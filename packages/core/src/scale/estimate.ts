import type { ProviderV1Message } from '../contracts/provider/v1/provider-v1-message.js';
import type { Settings } from '../schemas/action.js';
import { computeCostUsd, type PriceTable } from '../runner/prices.js';

/** Output tokens assumed when an action sets no `maxOutputTokens`. */
export const DEFAULT_OUTPUT_ESTIMATE = 512;

/** A rough token count: about four characters per token for English text. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** What a run is expected to use before it runs: for budgets, rate limits and dry runs. */
export interface RunEstimate {
  inputTokens: number;
  /** The action's `maxOutputTokens`, or {@link DEFAULT_OUTPUT_ESTIMATE}. */
  outputTokens: number;
  /** Undefined when the model has no price. */
  costUsd?: number;
}

/** Estimates a run from its rendered messages, settings and the price table. */
export function estimateRun(model: string, messages: ProviderV1Message[], settings: Settings, prices: PriceTable): RunEstimate {
  const inputTokens = estimateTokens(messages.map((message) => message.content).join('\n'));
  const outputTokens = settings.maxOutputTokens ?? DEFAULT_OUTPUT_ESTIMATE;
  const costUsd = computeCostUsd(model, { inputTokens, outputTokens }, prices);
  return costUsd === undefined ? { inputTokens, outputTokens } : { inputTokens, outputTokens, costUsd };
}
