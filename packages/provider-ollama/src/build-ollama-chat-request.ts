import type { ProviderV1Request, ProviderV1Warning } from '@llm-actions/core';
import type { ChatRequest, Options } from 'ollama';
import { convertToOllamaMessages, convertToOllamaTools, type OllamaMessage } from './convert-to-ollama-messages.js';

/** A chat request body as this provider sends it (messages may carry ids). */
export type OllamaChatBody = Omit<ChatRequest, 'messages'> & { messages: OllamaMessage[] };

/** Keys of `providerOptions.ollama` this provider understands. */
const knownProviderOptions = new Set(['keep_alive', 'think', 'options']);

/**
 * Builds the `/api/chat` body for a contract request, with the warnings for what
 * Ollama cannot honour. Settings land in `options` under Ollama's names
 * (`num_predict`, `top_p`, ...); `providerOptions.ollama.options` adds more
 * (`num_ctx`, ...), and the unified settings win over it.
 */
export function buildOllamaChatRequest(request: ProviderV1Request): { body: OllamaChatBody; warnings: ProviderV1Warning[] } {
  const warnings: ProviderV1Warning[] = [];
  const extra = request.providerOptions?.ollama ?? {};
  for (const key of Object.keys(extra)) {
    if (!knownProviderOptions.has(key)) {
      warnings.push({ type: 'other', message: `providerOptions.ollama.${key} is not known and was ignored; known: keep_alive, think, options.` });
    }
  }
  const options: Partial<Options> = { ...(isRecord(extra.options) ? extra.options : {}), ...settingsToOptions(request.settings) };
  const body: OllamaChatBody = { model: request.model, messages: convertToOllamaMessages(request.messages) };
  if (Object.keys(options).length > 0) body.options = options;
  if (request.responseFormat?.type === 'json') body.format = request.responseFormat.schema ?? 'json';
  const tools = selectTools(request, warnings);
  if (tools.length > 0) body.tools = convertToOllamaTools(tools);
  if (typeof extra.keep_alive === 'string' || typeof extra.keep_alive === 'number') body.keep_alive = extra.keep_alive;
  if (typeof extra.think === 'boolean' || typeof extra.think === 'string') body.think = extra.think as ChatRequest['think'];
  return { body, warnings };
}

function settingsToOptions(settings: ProviderV1Request['settings']): Partial<Options> {
  const options: Partial<Options> = {};
  if (settings.temperature !== undefined) options.temperature = settings.temperature;
  if (settings.maxOutputTokens !== undefined) options.num_predict = settings.maxOutputTokens;
  if (settings.topP !== undefined) options.top_p = settings.topP;
  if (settings.topK !== undefined) options.top_k = settings.topK;
  if (settings.stop !== undefined && settings.stop.length > 0) options.stop = settings.stop;
  if (settings.seed !== undefined) options.seed = settings.seed;
  return options;
}

/**
 * Ollama has no tool choice. `none` is honoured by sending no tools; a named tool
 * narrows the tools to that one; `required` and a named tool cannot be forced, so
 * they warn.
 */
function selectTools(request: ProviderV1Request, warnings: ProviderV1Warning[]): NonNullable<ProviderV1Request['tools']> {
  const tools = request.tools ?? [];
  const choice = request.toolChoice;
  if (tools.length === 0 || choice === undefined || choice === 'auto') return tools;
  if (choice === 'none') return [];
  const details = 'Ollama has no tool choice, so the model may answer without calling a tool.';
  warnings.push({ type: 'unsupported-setting', setting: 'toolChoice', details });
  return choice === 'required' ? tools : tools.filter((tool) => tool.name === choice.name);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
