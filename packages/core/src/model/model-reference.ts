import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { ProviderV1 } from '../contracts/provider/v1/provider-v1.js';

/** A parsed `provider/model` reference. */
export interface ModelReference {
  /** Provider id, the part before the first `/`. */
  providerId: string;
  /** Model id, everything after the first `/` (may contain `:` and `/`). */
  modelId: string;
}

const pattern = /^([a-z0-9][a-z0-9_-]*)\/(\S+)$/;

/**
 * Splits `provider/model`. The colon belongs to Ollama tags (`ollama/llama3.2:3b`),
 * and later slashes to the model (`openai/org/model`).
 */
export function parseModelReference(reference: string): ModelReference {
  const match = typeof reference === 'string' ? pattern.exec(reference) : null;
  if (!match) {
    throw new LlmActionsError({
      code: 'MODEL_REFERENCE_INVALID',
      message: `Model reference ${JSON.stringify(reference)} is not of the form "provider/model", e.g. "ollama/llama3.2:3b" or "openai/gpt-4o-mini".`,
      details: { reference },
    });
  }
  return { providerId: match[1]!, modelId: match[2]! };
}

/** Finds the provider a reference names, or fails listing the registered ones. */
export function resolveModel(
  reference: string,
  providers: ReadonlyMap<string, ProviderV1>,
): ModelReference & { provider: ProviderV1 } {
  const parsed = parseModelReference(reference);
  const provider = providers.get(parsed.providerId);
  if (!provider) {
    const registered = [...providers.keys()];
    throw new LlmActionsError({
      code: 'PROVIDER_NOT_FOUND',
      message:
        `No provider "${parsed.providerId}" is registered for model "${reference}". ` +
        (registered.length > 0
          ? `Registered providers: ${registered.join(', ')}. Pass it in createLlmActions({ providers }).`
          : 'No providers are registered; pass one in createLlmActions({ providers }).'),
      details: { reference, providerId: parsed.providerId, registered },
    });
  }
  return { ...parsed, provider };
}
