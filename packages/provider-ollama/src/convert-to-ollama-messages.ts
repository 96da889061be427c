import type { ProviderV1Message, ProviderV1Tool, ProviderV1ToolCall } from '@llm-actions/core';
import type { Message, Tool, ToolCall } from 'ollama';

/** A tool call as current Ollama servers send and accept it: with an optional `id`. */
export type OllamaToolCall = ToolCall & { id?: string };

/** A chat message as Ollama takes it; `tool_call_id` pairs a tool result with its call. */
export type OllamaMessage = Omit<Message, 'tool_calls'> & { tool_calls?: OllamaToolCall[]; tool_call_id?: string };

/**
 * Converts contract messages to Ollama chat messages. Tool results carry both the
 * tool's name (`tool_name`, which every server reads) and the call id (`tool_call_id`,
 * which newer servers read); assistant tool calls keep their ids.
 */
export function convertToOllamaMessages(messages: ProviderV1Message[]): OllamaMessage[] {
  return messages.map((message): OllamaMessage => {
    switch (message.role) {
      case 'system':
      case 'user':
        return { role: message.role, content: message.content };
      case 'assistant':
        return {
          role: 'assistant',
          content: message.content,
          ...(message.toolCalls && message.toolCalls.length > 0 ? { tool_calls: message.toolCalls.map(toOllamaToolCall) } : {}),
        };
      case 'tool':
        return { role: 'tool', content: message.content, tool_name: message.toolName, tool_call_id: message.toolCallId };
    }
  });
}

function toOllamaToolCall(call: ProviderV1ToolCall): OllamaToolCall {
  // Ollama wants arguments as an object, never as a JSON string.
  return { id: call.id, function: { name: call.name, arguments: asArguments(call.input) } };
}

function asArguments(input: unknown): Record<string, unknown> {
  if (typeof input === 'string') {
    try {
      return asArguments(JSON.parse(input));
    } catch {
      return { input };
    }
  }
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return input as Record<string, unknown>;
  return input === undefined || input === null ? {} : { input };
}

/** Converts contract tools to Ollama's function tools. */
export function convertToOllamaTools(tools: ProviderV1Tool[]): Tool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: {
      name: tool.name,
      description: tool.description,
      // The client's type is narrower than JSON Schema; the server takes any schema object.
      parameters: tool.inputSchema as NonNullable<Tool['function']['parameters']>,
    },
  }));
}

/** Converts tool calls from an Ollama reply, inventing ids for servers that send none. */
export function convertFromOllamaToolCalls(calls: OllamaToolCall[] | undefined, generateId: () => string): ProviderV1ToolCall[] {
  return (calls ?? []).map((call) => ({
    id: call.id ?? generateId(),
    name: call.function.name,
    input: call.function.arguments ?? {},
  }));
}
