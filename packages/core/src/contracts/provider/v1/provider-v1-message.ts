import type { ProviderV1ToolCall } from './provider-v1-tool.js';

/**
 * One message of a conversation sent to a provider. Content is plain text;
 * core renders templates before a provider ever sees a message.
 */
export type ProviderV1Message =
  | {
      /** Instructions that frame the whole conversation. */
      role: 'system';
      content: string;
    }
  | {
      /** Text from the user (the rendered action prompt). */
      role: 'user';
      content: string;
    }
  | {
      /** An earlier model reply, possibly with the tool calls it made. */
      role: 'assistant';
      content: string;
      toolCalls?: ProviderV1ToolCall[];
    }
  | {
      /** The result of a tool call, sent back to the model. */
      role: 'tool';
      /** Id of the tool call this answers. */
      toolCallId: string;
      /** Name of the tool that was called. */
      toolName: string;
      /** The result, serialised as text (usually JSON). */
      content: string;
    };
