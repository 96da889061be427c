import type { FakeErrorReply, FakeSuccessReply, FakeUsage } from './protocol-fake.js';
import { fakeId, replyFinishReason, replyText, replyUsage } from './shared-fake-replies.js';

/** OpenAI's error body: `{"error":{"message","type","param","code"}}`, all four always present. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** Builds an error body in OpenAI's format. */
export function openAIErrorBody(
  message: string,
  type = 'invalid_request_error',
  code: string | null = null,
  param: string | null = null,
): OpenAIErrorBody {
  return { error: { message, type, param, code } };
}

/** The body of a scripted error: the raw `body` if given, else OpenAI's body for the status. */
export function scriptedErrorBody(reply: FakeErrorReply, request: { model: string; apiKey: string }): unknown {
  const { status, message, type, body } = reply.error;
  if (body !== undefined) return body;
  const defaults = errorDefaults(status, request);
  return openAIErrorBody(message ?? defaults.message, type ?? defaults.type, defaults.code);
}

function errorDefaults(status: number, request: { model: string; apiKey: string }) {
  if (status === 401) {
    // The real API echoes a masked key; providers must keep even that out of their errors.
    const message = `Incorrect API key provided: ${maskKey(request.apiKey)}. You can find your API key at https://platform.openai.com/account/api-keys.`;
    return { message, type: 'invalid_request_error', code: 'invalid_api_key' };
  }
  if (status === 404) {
    const message = `The model \`${request.model}\` does not exist or you do not have access to it.`;
    return { message, type: 'invalid_request_error', code: 'model_not_found' };
  }
  if (status === 429) return { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' };
  if (status === 503) return { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', code: null };
  if (status >= 500) {
    return { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', code: null };
  }
  return { message: `Request failed with status ${status}.`, type: 'invalid_request_error', code: null };
}

/** Masks a key the way OpenAI does in its 401 message: a few characters kept at each end. */
function maskKey(key: string): string {
  if (key.length <= 8) return `${key.slice(0, 2)}${'*'.repeat(Math.max(key.length - 2, 0))}`;
  return `${key.slice(0, 3)}${'*'.repeat(key.length - 7)}${key.slice(-4)}`;
}

/** The usage object of a completion or of the final stream chunk. */
export function usageBody(usage: FakeUsage) {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: {
      cached_tokens: usage.cacheReadTokens ?? 0,
      audio_tokens: 0,
      ...(usage.cacheWriteTokens === undefined ? {} : { cache_write_tokens: usage.cacheWriteTokens }),
    },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

/** OpenAI's `finish_reason` for the reply. */
export function finishReasonOf(reply: FakeSuccessReply): 'stop' | 'length' | 'tool_calls' {
  const unified = replyFinishReason(reply);
  return unified === 'tool-calls' ? 'tool_calls' : unified;
}

/** The reply's tool calls in OpenAI's shape, with made-up `call_...` ids where none is scripted. */
export function toolCallsOf(reply: FakeSuccessReply) {
  return (reply.toolCalls ?? []).map((call) => ({
    id: call.id ?? fakeId('call_'),
    type: 'function' as const,
    function: { name: call.name, arguments: JSON.stringify(call.input) },
  }));
}

/** A non-streamed `chat.completion` body. */
export function completionBody(reply: FakeSuccessReply, context: { id: string; model: string; created: number }) {
  const toolCalls = toolCallsOf(reply);
  const text = replyText(reply);
  const message = {
    role: 'assistant',
    content: text === '' && toolCalls.length > 0 ? null : text,
    refusal: null,
    annotations: [],
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
  };
  return {
    id: context.id,
    object: 'chat.completion',
    created: context.created,
    model: context.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReasonOf(reply) }],
    usage: usageBody(replyUsage(reply)),
    service_tier: 'default',
    system_fingerprint: 'fp_fake',
  };
}
