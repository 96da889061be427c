/** Token counts reported by the API. Absent counts are unknown, not zero. */
export interface ProviderV1Usage {
  /** Prompt tokens, including cached ones. */
  inputTokens?: number;
  /** Generated tokens, including reasoning tokens. */
  outputTokens?: number;
  /** Prompt tokens served from the provider's cache. */
  cacheReadTokens?: number;
  /** Prompt tokens written to the provider's cache. */
  cacheWriteTokens?: number;
  /** Generated tokens spent on hidden reasoning. */
  reasoningTokens?: number;
}
