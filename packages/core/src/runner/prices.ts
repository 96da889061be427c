import type { Usage } from '../schemas/common.js';

/** Prices of one model in US dollars per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
  /** Price of cached prompt tokens read; the input price when absent. */
  cacheRead?: number;
  /** Price of prompt tokens written to the cache; the input price when absent. */
  cacheWrite?: number;
}

/**
 * Prices by model reference. Keys are `provider/model` or `provider/*` for every
 * model of a provider. Entries passed to `createLlmActions({ prices })` override these.
 */
export type PriceTable = Record<string, ModelPrice>;

/** List prices as published by the vendors (USD per million tokens). Local models cost nothing. */
export const defaultPrices: PriceTable = {
  'ollama/*': { input: 0, output: 0 },
  'openai/gpt-4o': { input: 2.5, output: 10, cacheRead: 1.25 },
  'openai/gpt-4o-mini': { input: 0.15, output: 0.6, cacheRead: 0.075 },
  'openai/gpt-4.1': { input: 2, output: 8, cacheRead: 0.5 },
  'openai/gpt-4.1-mini': { input: 0.4, output: 1.6, cacheRead: 0.1 },
  'openai/gpt-4.1-nano': { input: 0.1, output: 0.4, cacheRead: 0.025 },
  'anthropic/claude-sonnet-4-5': { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
  'anthropic/claude-haiku-4-5': { input: 1, output: 5, cacheRead: 0.1, cacheWrite: 1.25 },
  'anthropic/claude-opus-4-1': { input: 15, output: 75, cacheRead: 1.5, cacheWrite: 18.75 },
};

/** The price of a model: an exact entry, else the provider's `*` entry. */
export function priceOf(model: string, prices: PriceTable): ModelPrice | undefined {
  const exact = prices[model];
  if (exact) return exact;
  const slash = model.indexOf('/');
  return slash === -1 ? undefined : prices[`${model.slice(0, slash)}/*`];
}

/**
 * Cost of a usage in USD, or undefined when the model has no price or the usage is
 * unknown. `inputTokens` includes cached tokens, which are charged at cache prices.
 */
export function computeCostUsd(model: string, usage: Usage | undefined, prices: PriceTable): number | undefined {
  const price = priceOf(model, prices);
  if (!price || !usage || (usage.inputTokens === undefined && usage.outputTokens === undefined)) return undefined;
  const cacheRead = usage.cacheReadTokens ?? 0;
  const cacheWrite = usage.cacheWriteTokens ?? 0;
  const plainInput = Math.max(0, (usage.inputTokens ?? 0) - cacheRead - cacheWrite);
  const micro =
    plainInput * price.input +
    cacheRead * (price.cacheRead ?? price.input) +
    cacheWrite * (price.cacheWrite ?? price.input) +
    (usage.outputTokens ?? 0) * price.output;
  // Round to a millionth of a cent so sums stay stable in stores.
  return Math.round(micro) / 1_000_000;
}

/** Adds two usages field by field; a field stays absent only when absent in both. */
export function addUsage(left: Usage | undefined, right: Usage | undefined): Usage | undefined {
  if (!left) return right;
  if (!right) return left;
  const sum: Usage = {};
  for (const key of ['inputTokens', 'outputTokens', 'cacheReadTokens', 'cacheWriteTokens', 'reasoningTokens'] as const) {
    if (left[key] !== undefined || right[key] !== undefined) sum[key] = (left[key] ?? 0) + (right[key] ?? 0);
  }
  return sum;
}
