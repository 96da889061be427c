import type { ProviderV1Message, ProviderV1Request, ProviderV1Warning } from '@llm-actions/core';
import type { AcmeGenerateBody, AcmeMessage } from './acme-api.js';

/** A request body for `POST /generate`, and what could not be expressed in it. */
export interface BuiltAcmeRequest {
  body: AcmeGenerateBody;
  warnings: ProviderV1Warning[];
}

// Fields of the body that `providerOptions.acme` may not replace.
const reservedFields = new Set(['model', 'system', 'messages', 'stream']);

/**
 * Maps a contract request to the Acme wire format: system messages to `system`,
 * settings to Acme's field names, JSON output to `response_format`, tools to `tools`.
 * Whatever Acme cannot honour (`topK`, `seed`, a named tool choice) becomes an
 * `unsupported-setting` warning instead of an error, as the contract asks.
 */
export function buildAcmeRequest(request: ProviderV1Request, stream: boolean): BuiltAcmeRequest {
  const warnings: ProviderV1Warning[] = [];
  const { settings } = request;
  const system = request.messages.flatMap((message) => (message.role === 'system' ? [message.content] : [])).join('\n\n');
  const body: AcmeGenerateBody = {
    model: request.model,
    ...(system === '' ? {} : { system }),
    messages: request.messages.flatMap(toAcmeMessage),
    ...(settings.maxOutputTokens === undefined ? {} : { max_tokens: settings.maxOutputTokens }),
    ...(settings.temperature === undefined ? {} : { temperature: settings.temperature }),
    ...(settings.topP === undefined ? {} : { top_p: settings.topP }),
    ...(settings.stop === undefined || settings.stop.length === 0 ? {} : { stop: settings.stop }),
  };
  if (settings.topK !== undefined) {
    warnings.push({ type: 'unsupported-setting', setting: 'topK', details: 'The Acme Text API has no top-k sampling; the setting was not sent.' });
  }
  if (settings.seed !== undefined) {
    warnings.push({ type: 'unsupported-setting', setting: 'seed', details: 'The Acme Text API cannot seed its sampling; the setting was not sent.' });
  }
  if (request.responseFormat?.type === 'json') {
    const { schema, name } = request.responseFormat;
    body.response_format = { type: 'json', ...(schema ? { schema } : {}), ...(name ? { name } : {}) };
  }
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({ name: tool.name, description: tool.description, parameters: tool.inputSchema }));
    const choice = request.toolChoice;
    if (typeof choice === 'string') body.tool_choice = choice;
    else if (choice !== undefined) {
      // The closest Acme can do: require some tool call, and say that it could not name one.
      body.tool_choice = 'required';
      warnings.push({
        type: 'unsupported-setting',
        setting: 'toolChoice',
        details: `The Acme Text API cannot force the tool "${choice.name}"; sent tool_choice "required" instead.`,
      });
    }
  }
  for (const [field, value] of Object.entries(request.providerOptions?.acme ?? {})) {
    if (reservedFields.has(field)) {
      warnings.push({ type: 'other', message: `providerOptions.acme.${field} is ignored; the provider sets it from the request.` });
    } else {
      (body as unknown as Record<string, unknown>)[field] = value;
    }
  }
  if (stream) body.stream = true;
  return { body, warnings };
}

function toAcmeMessage(message: ProviderV1Message): AcmeMessage[] {
  switch (message.role) {
    case 'system':
      return [];
    case 'user':
      return [{ role: 'user', content: message.content }];
    case 'assistant': {
      const calls = message.toolCalls ?? [];
      return [
        {
          role: 'assistant',
          content: message.content,
          ...(calls.length === 0 ? {} : { tool_calls: calls.map((call) => ({ id: call.id, name: call.name, arguments: asObject(call.input) })) }),
        },
      ];
    }
    case 'tool':
      return [{ role: 'tool', tool_call_id: message.toolCallId, name: message.toolName, content: message.content }];
  }
}

function asObject(input: unknown): Record<string, unknown> {
  // Acme wants an object; a bare value from another provider's history is wrapped rather than lost.
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : { value: input };
}
