import type { MessageCreateParamsBase, Tool, ToolChoice } from '@anthropic-ai/sdk/resources/messages';
import type { ProviderV1Request, ProviderV1ToolChoice, ProviderV1Warning } from '@llm-actions/core';
import { providerId } from './anthropic-client.js';
import { createJsonMode, type JsonMode } from './anthropic-json-mode.js';
import { toAnthropicConversation } from './anthropic-messages.js';
import { legacyApiVersion } from './anthropic-settings.js';

/** A request body: the SDK's type plus the sampling parameters API version `2023-06-01` still takes. */
export type AnthropicRequestBody = MessageCreateParamsBase & { temperature?: number; top_p?: number; top_k?: number };

/** What {@link buildAnthropicRequest} produces. */
export interface AnthropicRequestPlan {
  body: AnthropicRequestBody;
  warnings: ProviderV1Warning[];
  /** Set when a JSON response format is emulated with a tool. */
  jsonMode?: JsonMode;
}

/** Context the body depends on besides the request. */
export interface AnthropicRequestContext {
  defaultMaxOutputTokens: number;
  /** The `anthropic-version` the call will send, when the caller set one. */
  apiVersion: string | undefined;
}

const reservedOptions = new Set(['model', 'messages', 'stream']);

/** Maps a provider-contract request to a Messages API body, collecting warnings for what cannot be honoured. */
export function buildAnthropicRequest(request: ProviderV1Request, context: AnthropicRequestContext): AnthropicRequestPlan {
  const { settings } = request;
  const warnings: ProviderV1Warning[] = [];
  const { system, messages } = toAnthropicConversation(request.messages);
  const body: AnthropicRequestBody = {
    model: request.model,
    max_tokens: settings.maxOutputTokens ?? context.defaultMaxOutputTokens,
    messages,
  };
  if (system !== undefined) body.system = system;
  if (settings.stop !== undefined && settings.stop.length > 0) body.stop_sequences = settings.stop;
  addSampling(body, request, context.apiVersion, warnings);
  if (settings.seed !== undefined) {
    warnings.push({ type: 'unsupported-setting', setting: 'seed', details: 'The Anthropic Messages API has no seed.' });
  }
  const tools: Tool[] = (request.tools ?? []).map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: tool.inputSchema as Tool['input_schema'],
  }));
  let toolChoice = tools.length > 0 ? toToolChoice(request.toolChoice) : undefined;
  let jsonMode: JsonMode | undefined;
  if (request.responseFormat?.type === 'json') {
    jsonMode = createJsonMode(request.responseFormat, tools.map((tool) => tool.name));
    warnings.push(jsonMode.warning);
    // Alone, the answer tool is forced; beside callable tools the model must call one of them, the answer included.
    const callable = tools.length > 0 && request.toolChoice !== 'none';
    if (!callable) toolChoice = { type: 'tool', name: jsonMode.toolName };
    else if (toolChoice?.type !== 'tool') toolChoice = { type: 'any' };
    tools.push(jsonMode.tool);
  }
  if (tools.length > 0) body.tools = tools;
  if (toolChoice !== undefined) body.tool_choice = toolChoice;
  const extra = request.providerOptions?.[providerId] ?? {};
  // Provider options are passed through as body fields (`thinking`, `metadata`, ...), except the ones this mapping owns.
  Object.assign(body, Object.fromEntries(Object.entries(extra).filter(([name]) => !reservedOptions.has(name))));
  return { body, warnings, ...(jsonMode === undefined ? {} : { jsonMode }) };
}

function toToolChoice(choice: ProviderV1ToolChoice | undefined): ToolChoice | undefined {
  if (choice === undefined || choice === 'auto') return { type: 'auto' };
  if (choice === 'none') return { type: 'none' };
  if (choice === 'required') return { type: 'any' };
  return { type: 'tool', name: choice.name };
}

const sampling = [
  ['temperature', 'temperature'],
  ['topP', 'top_p'],
  ['topK', 'top_k'],
] as const;

/**
 * Sends temperature, top_p and top_k only on API version `2023-06-01`: later versions
 * (the client library sends `2026-10-21`) refuse them with a 400, even at default values.
 */
function addSampling(body: AnthropicRequestBody, request: ProviderV1Request, apiVersion: string | undefined, warnings: ProviderV1Warning[]): void {
  for (const [setting, field] of sampling) {
    const value = request.settings[setting];
    if (value === undefined) continue;
    if (apiVersion === legacyApiVersion) {
      body[field] = value;
      continue;
    }
    warnings.push({
      type: 'unsupported-setting',
      setting,
      details:
        `Not sent: API versions after ${legacyApiVersion} (the client library sends 2026-10-21) refuse ${field}; ` +
        `set the header 'anthropic-version: ${legacyApiVersion}' to send it.`,
    });
  }
}
