import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import type { ProviderV1ResponseFormat, ProviderV1Warning } from '@llm-actions/core';

/**
 * How a JSON response format is emulated. The Messages API reference this package
 * follows has no JSON mode, so the model is given one extra tool whose input schema is
 * the requested schema and made to call it; the tool's input is the JSON answer.
 */
export interface JsonMode {
  /** Name of the extra tool; calls to it are the answer, not tool calls. */
  toolName: string;
  /** True when a non-object schema was wrapped as `{ value: schema }` (tool inputs are objects). */
  wrapped: boolean;
  /** The tool definition sent to the API. */
  tool: Tool;
  /** The warning that tells the caller about the emulation. */
  warning: ProviderV1Warning;
}

const defaultToolName = 'json_response';

/** Builds the JSON emulation for a `json` response format; `taken` are the caller's tool names. */
export function createJsonMode(format: Extract<ProviderV1ResponseFormat, { type: 'json' }>, taken: string[]): JsonMode {
  const base = (format.name ?? defaultToolName).replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 56) || defaultToolName;
  const toolName = taken.includes(base) ? `${base}_answer` : base;
  const schema = format.schema;
  const wrapped = schema !== undefined && schema.type !== 'object';
  const inputSchema = schema === undefined ? { type: 'object' } : wrapped ? { type: 'object', properties: { value: schema }, required: ['value'] } : schema;
  return {
    toolName,
    wrapped,
    tool: {
      name: toolName,
      description: 'Give your final answer by calling this tool; its input is the answer, as JSON matching the schema.',
      input_schema: inputSchema as Tool['input_schema'],
    },
    warning: {
      type: 'other',
      message:
        `responseFormat json is emulated: the Anthropic Messages API has no JSON mode, so the model is made to call a tool ` +
        `"${toolName}" whose input schema is the requested schema${schema === undefined ? ' (any JSON object)' : ''}, ` +
        'and that input is returned as the text.',
    },
  };
}

/** The JSON text of the answer tool's input (unwrapping `{ value }` when the schema was wrapped). */
export function jsonAnswerText(mode: JsonMode, input: unknown): string {
  const answer = mode.wrapped && typeof input === 'object' && input !== null ? (input as { value?: unknown }).value : input;
  return JSON.stringify(answer ?? null);
}
