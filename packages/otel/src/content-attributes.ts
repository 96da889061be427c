import type { Attributes } from '@opentelemetry/api';
import type { LlmActionsEventMap } from '@llm-actions/core';
import { genAiAttributes as gen } from './semantic-attributes.js';
import { finishReasonValue } from './span-attributes.js';

/** One message in the GenAI conventions' input and output message schemas (text parts only). */
interface ConventionMessage {
  role: string;
  parts: Array<{ type: 'text'; content: string }>;
  finish_reason?: string;
}

/**
 * The opt-in `gen_ai.input.messages` attribute: the rendered prompt, in order. System
 * messages stay in the list (role `system`) because core passes them to every provider
 * as part of the messages; the conventions reserve `gen_ai.system_instructions` for
 * APIs that take instructions apart from the chat history. Span attributes cannot hold
 * structured values yet, so the value is a JSON string, as the conventions allow.
 */
export function inputMessagesAttributes(data: LlmActionsEventMap['run:prompt']): Attributes {
  const messages: ConventionMessage[] = data.messages.map(({ role, content }) => ({ role, parts: [{ type: 'text', content }] }));
  return { [gen.inputMessages]: JSON.stringify(messages) };
}

/** The opt-in `gen_ai.output.messages` attribute: the model's reply with its finish reason. */
export function outputMessagesAttributes(data: LlmActionsEventMap['run:response']): Attributes {
  const message: ConventionMessage = {
    role: 'assistant',
    parts: [{ type: 'text', content: data.text }],
    finish_reason: finishReasonValue(data.finishReason),
  };
  return { [gen.outputMessages]: JSON.stringify([message]) };
}
