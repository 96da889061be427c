import type { ProviderV1FinishReason, ProviderV1Usage } from '@llm-actions/core';

/**
 * Maps Ollama's `done_reason` to the unified finish reason. Ollama reports `stop`
 * even when the model called tools, so tool calls take precedence; `load` and
 * `unload` (and anything new) map to `other`. The raw value is kept.
 */
export function mapOllamaFinishReason(doneReason: string | undefined, calledTools: boolean): ProviderV1FinishReason {
  const raw = doneReason === undefined || doneReason === '' ? undefined : doneReason;
  const withRaw = (unified: ProviderV1FinishReason['unified']): ProviderV1FinishReason =>
    raw === undefined ? { unified } : { unified, raw };
  if (calledTools) return withRaw('tool-calls');
  if (raw === 'length') return withRaw('length');
  // Older servers omit done_reason on a normal end.
  if (raw === 'stop' || raw === undefined) return withRaw('stop');
  return withRaw('other');
}

/**
 * Maps Ollama's counters to usage: `prompt_eval_count` is the input and `eval_count`
 * the output. Ollama omits a counter that is zero (a fully cached prompt has no
 * `prompt_eval_count`); an absent counter stays unknown. Ollama reports no cache or
 * reasoning tokens.
 */
export function mapOllamaUsage(response: { prompt_eval_count?: number; eval_count?: number }): ProviderV1Usage {
  const usage: ProviderV1Usage = {};
  if (typeof response.prompt_eval_count === 'number') usage.inputTokens = response.prompt_eval_count;
  if (typeof response.eval_count === 'number') usage.outputTokens = response.eval_count;
  return usage;
}
