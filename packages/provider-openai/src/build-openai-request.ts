import type { ProviderV1Request, ProviderV1ResponseFormat, ProviderV1ToolChoice, ProviderV1Warning } from '@llm-actions/core';
import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
  ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions';
import { convertToOpenAIMessages } from './convert-to-openai-messages.js';

/** How the provider was configured, as far as the request body is concerned. */
export interface OpenAIRequestOptions {
  provider: string;
  maxTokensParameter: 'max_completion_tokens' | 'max_tokens';
  strictJsonSchema: boolean;
}

/** The API accepts at most four stop sequences and rejects longer lists. */
const maxStopSequences = 4;

/**
 * Builds the Chat Completions body for one call, with a warning for every setting the API
 * cannot honour. `providerOptions[provider]` is merged in last, as raw body fields
 * (`reasoning_effort`, `user`, `parallel_tool_calls`, ...), except `model` and `messages`.
 */
export function buildOpenAIRequest(
  request: ProviderV1Request,
  options: OpenAIRequestOptions,
): { body: ChatCompletionCreateParamsNonStreaming; warnings: ProviderV1Warning[] } {
  const warnings: ProviderV1Warning[] = [];
  const { temperature, maxOutputTokens, topP, topK, stop, seed } = request.settings;
  if (topK !== undefined) {
    warnings.push({ type: 'unsupported-setting', setting: 'topK', details: 'The Chat Completions API has no top-k sampling; topK was not sent.' });
  }
  if (stop !== undefined && stop.length > maxStopSequences) {
    warnings.push({ type: 'unsupported-setting', setting: 'stop', details: `The API accepts at most ${maxStopSequences} stop sequences; only the first ${maxStopSequences} were sent.` });
  }
  const messages = convertToOpenAIMessages(request.messages);
  const responseFormat = convertResponseFormat(request.responseFormat, options.strictJsonSchema);
  if (responseFormat?.type === 'json_object' && !mentionsJson(messages)) {
    // The API refuses json_object mode unless the messages mention JSON.
    messages.unshift({ role: 'system', content: 'Respond with a single JSON object.' });
    warnings.push({ type: 'other', message: 'Added a system message asking for JSON: OpenAI requires the messages to mention JSON in json_object mode.' });
  }
  const hasTools = request.tools !== undefined && request.tools.length > 0;
  if (request.toolChoice !== undefined && !hasTools) {
    warnings.push({ type: 'unsupported-setting', setting: 'toolChoice', details: 'toolChoice was not sent because the request has no tools.' });
  }
  const body = {
    temperature,
    top_p: topP,
    [options.maxTokensParameter]: maxOutputTokens,
    stop: stop?.slice(0, maxStopSequences),
    seed,
    response_format: responseFormat,
    tools: hasTools
      ? request.tools?.map((tool) => ({
          type: 'function' as const,
          function: { name: tool.name, description: tool.description, parameters: tool.inputSchema },
        }))
      : undefined,
    tool_choice: hasTools ? convertToolChoice(request.toolChoice) : undefined,
    ...request.providerOptions?.[options.provider],
    model: request.model,
    messages,
  };
  // The computed max-tokens key and the raw providerOptions are beyond what the client's types can check.
  return { body: withoutUndefined(body) as unknown as ChatCompletionCreateParamsNonStreaming, warnings };
}

function convertResponseFormat(format: ProviderV1ResponseFormat | undefined, strict: boolean) {
  if (format === undefined || format.type === 'text') return undefined;
  if (format.schema === undefined) return { type: 'json_object' as const };
  return { type: 'json_schema' as const, json_schema: { name: schemaName(format.name), schema: format.schema, strict } };
}

/** The API requires a name of at most 64 letters, digits, `_` or `-`. */
function schemaName(name: string | undefined): string {
  const cleaned = (name ?? '').replace(/[^a-zA-Z0-9_-]+/g, '_').slice(0, 64);
  return cleaned === '' || cleaned === '_' ? 'response' : cleaned;
}

function convertToolChoice(choice: ProviderV1ToolChoice | undefined): ChatCompletionToolChoiceOption | undefined {
  if (choice === undefined || typeof choice === 'string') return choice;
  return { type: 'function', function: { name: choice.name } };
}

function mentionsJson(messages: ChatCompletionMessageParam[]): boolean {
  return messages.some((message) => typeof message.content === 'string' && /json/i.test(message.content));
}

function withoutUndefined(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
