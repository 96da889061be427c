import type { ProviderV1Message, ProviderV1ToolCall } from '@llm-actions/core';
import type { ChatCompletionMessageParam, ChatCompletionMessageToolCall } from 'openai/resources/chat/completions';

/**
 * Converts core's messages into Chat Completions messages: `system` and `user` as they are,
 * an assistant turn with its `tool_calls` (arguments as a JSON string, content `null` when it
 * only called tools), and tool results as `role: 'tool'` messages that name their call.
 */
export function convertToOpenAIMessages(messages: ProviderV1Message[]): ChatCompletionMessageParam[] {
  return messages.map((message): ChatCompletionMessageParam => {
    switch (message.role) {
      case 'system':
        return { role: 'system', content: message.content };
      case 'user':
        return { role: 'user', content: message.content };
      case 'assistant':
        if (!message.toolCalls?.length) return { role: 'assistant', content: message.content };
        return {
          role: 'assistant',
          content: message.content === '' ? null : message.content,
          tool_calls: message.toolCalls.map(convertToolCall),
        };
      case 'tool':
        return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
    }
  });
}

function convertToolCall(call: ProviderV1ToolCall): ChatCompletionMessageToolCall {
  // An input kept as a string is arguments the model sent that were not valid JSON: send them back as they came.
  const argumentsJson = typeof call.input === 'string' ? call.input : JSON.stringify(call.input ?? {});
  return { id: call.id, type: 'function', function: { name: call.name, arguments: argumentsJson } };
}
