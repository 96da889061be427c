/**
 * Request checks of the Anthropic fake: the 400s a real server gives for request
 * bodies that a provider adapter could get wrong, worded as the API words them.
 */

/** The fields of a `POST /v1/messages` body the fake reads. */
export interface AnthropicMessagesBody {
  model: string;
  max_tokens: number;
  messages: Array<{ role: string; content: unknown }>;
  stream?: boolean;
  [field: string]: unknown;
}

/** The first API version; later ones (e.g. `2026-10-21`, sent by `@anthropic-ai/sdk` 1.x) refuse sampling parameters. */
export const anthropicLegacyVersion = '2023-06-01';

const samplingParameters = ['temperature', 'top_p', 'top_k'];

/**
 * Returns the `invalid_request_error` message for a body the API would refuse, or
 * undefined when the body is acceptable. `version` is the `anthropic-version` header.
 */
export function validateMessagesBody(body: unknown, version: string): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body: Input should be a valid JSON object';
  const record = body as Record<string, unknown>;
  for (const field of ['model', 'max_tokens', 'messages']) {
    if (record[field] === undefined) return `${field}: Field required`;
  }
  if (typeof record.model !== 'string' || record.model === '') return 'model: Input should be a valid string';
  if (!Number.isInteger(record.max_tokens) || (record.max_tokens as number) < 1) {
    return 'max_tokens: Input should be an integer greater than or equal to 1';
  }
  if (!Array.isArray(record.messages)) return 'messages: Input should be a valid list';
  if (version !== anthropicLegacyVersion) {
    const sampling = samplingParameters.find((name) => record[name] !== undefined);
    if (sampling !== undefined) return `${sampling}: Extra inputs are not permitted`;
  }
  return validateConversation(record.messages as Array<{ role?: unknown; content?: unknown }>);
}

function validateConversation(messages: Array<{ role?: unknown; content?: unknown }>): string | undefined {
  const turns = messages.filter((message) => message.role !== 'system');
  for (const [index, message] of turns.entries()) {
    if (message.role !== 'user' && message.role !== 'assistant') {
      return `messages.${index}.role: Input should be 'user' or 'assistant'`;
    }
    const previous = turns[index - 1];
    if (previous !== undefined && previous.role === message.role) {
      return 'messages: roles must alternate between "user" and "assistant"';
    }
    if (message.role !== 'assistant') continue;
    const pending = blocksOf(message.content, 'tool_use').map((block) => String(block.id));
    const answered = new Set(blocksOf(turns[index + 1]?.content, 'tool_result').map((block) => String(block.tool_use_id)));
    const missing = pending.filter((id) => !answered.has(id));
    if (missing.length > 0 && index + 1 < turns.length) {
      return (
        `messages.${index + 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. ` +
        'Each `tool_use` block must have a corresponding `tool_result` block in the next message.'
      );
    }
  }
  return undefined;
}

function blocksOf(content: unknown, type: string): Array<Record<string, unknown>> {
  if (!Array.isArray(content)) return [];
  return content.filter(
    (block): block is Record<string, unknown> => typeof block === 'object' && block !== null && block.type === type,
  );
}
