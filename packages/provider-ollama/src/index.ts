/**
 * @module @llm-actions/provider-ollama
 * The Ollama provider for `@llm-actions/core`, on the official `ollama` client.
 */
import { createOllama, type OllamaProvider } from './ollama-provider.js';

export { createOllama, type OllamaProvider } from './ollama-provider.js';
export { defaultOllamaHost, type OllamaProviderSettings } from './ollama-provider-settings.js';
export { mapOllamaError } from './map-ollama-error.js';

/**
 * The default Ollama provider: `OLLAMA_HOST` or `http://127.0.0.1:11434`. The address
 * is read when a call is made, not when this module is imported.
 *
 * @example
 * ```ts
 * import { ollama } from '@llm-actions/provider-ollama';
 * const llm = createLlmActions({ providers: [ollama], store });
 * ```
 */
export const ollama: OllamaProvider = /* @__PURE__ */ createOllama();
