import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { ProviderError, type ProviderV1StreamPart } from '@llm-actions/core';
import { headerRecord, messagePrefix, providerId } from './anthropic-client.js';
import { toProviderError, type AnthropicErrorContext } from './anthropic-error.js';
import { jsonAnswerText, type JsonMode } from './anthropic-json-mode.js';
import { mergeUsage, toFinishReason, toUsage, type AnthropicUsageFields } from './anthropic-response.js';

type Block = { type: 'text' } | { type: 'tool_use'; id: string; name: string; json: string } | { type: 'other' };

/** What the stream mapping needs besides the events. */
export interface AnthropicStreamContext extends AnthropicErrorContext {
  jsonMode: JsonMode | undefined;
  /** The HTTP response, for the headers in the final part. */
  response: Response;
}

/**
 * Turns the SDK's raw stream events into contract parts: text deltas as they come, each
 * tool call once its JSON input is complete, then one `finish` part with the stop reason
 * and usage. With JSON emulation the answer tool's input is streamed as text instead.
 * Errors (HTTP, `event: error`, a dropped connection, a stream cut before `message_stop`,
 * an abort) are thrown as `ProviderError`. Breaking out of the loop aborts the request.
 */
export async function* toStreamParts(events: AsyncIterable<RawMessageStreamEvent>, context: AnthropicStreamContext): AsyncGenerator<ProviderV1StreamPart> {
  const { jsonMode } = context;
  const blocks = new Map<number, Block>();
  let usage: AnthropicUsageFields = {};
  let stopReason: string | null | undefined;
  let messageId: string | undefined;
  let modelId: string | undefined;
  let stopped = false;
  let answered = false;
  // With JSON emulation, prose is held back: it is the answer only if the model never calls the answer tool.
  let heldText = '';
  try {
    for await (const event of events) {
      switch (event.type) {
        case 'message_start':
          messageId = event.message.id;
          modelId = event.message.model;
          usage = mergeUsage(usage, event.message.usage ?? {});
          break;
        case 'content_block_start': {
          const block = event.content_block;
          if (block.type === 'tool_use') blocks.set(event.index, { type: 'tool_use', id: block.id, name: block.name, json: '' });
          else blocks.set(event.index, { type: block.type === 'text' ? 'text' : 'other' });
          if (block.type === 'text' && block.text !== '') {
            if (jsonMode) heldText += block.text;
            else yield { type: 'text-delta', delta: block.text };
          }
          break;
        }
        case 'content_block_delta': {
          const block = blocks.get(event.index);
          if (event.delta.type === 'text_delta' && event.delta.text !== '') {
            if (jsonMode) heldText += event.delta.text;
            else yield { type: 'text-delta', delta: event.delta.text };
          } else if (event.delta.type === 'input_json_delta' && block?.type === 'tool_use') {
            block.json += event.delta.partial_json;
            const isAnswer = jsonMode !== undefined && block.name === jsonMode.toolName;
            if (isAnswer && !jsonMode.wrapped && event.delta.partial_json !== '') yield { type: 'text-delta', delta: event.delta.partial_json };
          }
          break;
        }
        case 'content_block_stop': {
          const block = blocks.get(event.index);
          if (block?.type !== 'tool_use') break;
          const input = parseToolInput(block);
          if (jsonMode !== undefined && block.name === jsonMode.toolName) {
            answered = true;
            if (jsonMode.wrapped) yield { type: 'text-delta', delta: jsonAnswerText(jsonMode, input) };
          } else {
            yield { type: 'tool-call', toolCall: { id: block.id, name: block.name, input } };
          }
          break;
        }
        case 'message_delta':
          stopReason = event.delta.stop_reason ?? stopReason;
          usage = mergeUsage(usage, event.usage ?? {});
          break;
        case 'message_stop':
          stopped = true;
          break;
      }
    }
  } catch (error) {
    throw toProviderError(error, context);
  }
  // The client library ends the iteration quietly when the request is aborted.
  if (context.signal?.aborted) throw toProviderError(context.signal.reason, context);
  if (!stopped) {
    throw new ProviderError({
      provider: providerId,
      kind: 'network',
      retryable: true,
      message: `${messagePrefix} The stream ended before message_stop; the connection was probably cut.`,
    });
  }
  if (jsonMode && !answered && heldText !== '') yield { type: 'text-delta', delta: heldText };
  yield {
    type: 'finish',
    finishReason: toFinishReason(stopReason, answered),
    usage: toUsage(usage),
    response: { id: messageId, modelId, status: context.response.status, headers: headerRecord(context.response.headers) },
  };
}

function parseToolInput(block: { name: string; json: string }): unknown {
  if (block.json.trim() === '') return {};
  try {
    return JSON.parse(block.json);
  } catch (error) {
    throw new ProviderError({
      provider: providerId,
      kind: 'server',
      retryable: true,
      message: `${messagePrefix} The input of tool call "${block.name}" is not valid JSON.`,
      cause: error,
    });
  }
}
