import type { ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import type { ProviderV1Message } from '@llm-actions/core';

/** The conversation in the Messages API's shape: a top-level `system` and alternating turns. */
export interface AnthropicConversation {
  system?: string;
  messages: MessageParam[];
}

type Turn = { role: 'user' | 'assistant'; content: ContentBlockParam[] };

/**
 * Maps provider-contract messages to the Messages API:
 * - system messages become the top-level `system` (joined by blank lines, in order);
 * - an assistant's tool calls become `tool_use` blocks after its text;
 * - tool results become `tool_result` blocks of a user turn;
 * - consecutive turns of one role merge into one, because the API wants roles to
 *   alternate and every `tool_result` in the turn right after its `tool_use`.
 */
export function toAnthropicConversation(messages: ProviderV1Message[]): AnthropicConversation {
  const system: string[] = [];
  const turns: Turn[] = [];
  for (const message of messages) {
    if (message.role === 'system') {
      system.push(message.content);
      continue;
    }
    const turn = toTurn(message);
    if (turn.content.length === 0) continue;
    const previous = turns.at(-1);
    if (previous !== undefined && previous.role === turn.role) previous.content.push(...turn.content);
    else turns.push(turn);
  }
  const conversation: AnthropicConversation = { messages: turns.map(finishTurn) };
  if (system.length > 0) conversation.system = system.join('\n\n');
  return conversation;
}

function toTurn(message: Exclude<ProviderV1Message, { role: 'system' }>): Turn {
  switch (message.role) {
    case 'user':
      return { role: 'user', content: textBlocks(message.content) };
    case 'assistant': {
      const text = textBlocks(message.content);
      const calls: ContentBlockParam[] = (message.toolCalls ?? []).map((call) => ({
        type: 'tool_use',
        id: call.id,
        name: call.name,
        input: call.input ?? {},
      }));
      return { role: 'assistant', content: [...text, ...calls] };
    }
    case 'tool':
      return { role: 'user', content: [{ type: 'tool_result', tool_use_id: message.toolCallId, content: message.content }] };
  }
}

/** The API refuses empty text blocks (an assistant turn that only called tools has no text). */
function textBlocks(text: string): ContentBlockParam[] {
  return text === '' ? [] : [{ type: 'text', text }];
}

/**
 * Orders a merged user turn with its tool results first (the API wants them before any
 * text), and sends a lone text block as a plain string, the API's shortest form.
 */
function finishTurn(turn: Turn): MessageParam {
  const results = turn.content.filter((block) => block.type === 'tool_result');
  const others = turn.content.filter((block) => block.type !== 'tool_result');
  const content = [...results, ...others];
  const [only] = content;
  if (content.length === 1 && only?.type === 'text') return { role: turn.role, content: only.text };
  return { role: turn.role, content };
}
