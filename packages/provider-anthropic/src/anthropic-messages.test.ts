import { describe, expect, it } from 'vitest';
import { toAnthropicConversation } from './anthropic-messages.js';

describe('toAnthropicConversation', () => {
  it('lifts system messages to the top-level system, joined in order', () => {
    const conversation = toAnthropicConversation([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Hi' },
      { role: 'system', content: 'Answer in French.' },
    ]);
    expect(conversation).toEqual({ system: 'You are terse.\n\nAnswer in French.', messages: [{ role: 'user', content: 'Hi' }] });
  });

  it('maps tool calls to tool_use blocks and tool results to a user turn of tool_result blocks', () => {
    const conversation = toAnthropicConversation([
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: 'Checking.',
        toolCalls: [
          { id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
          { id: 'toolu_2', name: 'get_weather', input: { city: 'Rome' } },
        ],
      },
      { role: 'tool', toolCallId: 'toolu_1', toolName: 'get_weather', content: '{"celsius":21}' },
      { role: 'tool', toolCallId: 'toolu_2', toolName: 'get_weather', content: '{"celsius":25}' },
      { role: 'user', content: 'Thanks, and tomorrow?' },
    ]);
    expect(conversation.messages).toEqual([
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { city: 'Rome' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: '{"celsius":21}' },
          { type: 'tool_result', tool_use_id: 'toolu_2', content: '{"celsius":25}' },
          { type: 'text', text: 'Thanks, and tomorrow?' },
        ],
      },
    ]);
  });

  it('merges consecutive turns of one role and puts tool results before text', () => {
    const conversation = toAnthropicConversation([
      { role: 'user', content: 'First.' },
      { role: 'user', content: 'Second.' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'toolu_3', name: 'lookup', input: {} }] },
      { role: 'user', content: 'Note before the result.' },
      { role: 'tool', toolCallId: 'toolu_3', toolName: 'lookup', content: 'found' },
    ]);
    expect(conversation.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'First.' }, { type: 'text', text: 'Second.' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_3', name: 'lookup', input: {} }] },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_3', content: 'found' },
          { type: 'text', text: 'Note before the result.' },
        ],
      },
    ]);
  });

  it('leaves out empty text, which the API refuses', () => {
    const conversation = toAnthropicConversation([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: '' },
      { role: 'user', content: 'Still there?' },
    ]);
    expect(conversation).toEqual({ messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }, { type: 'text', text: 'Still there?' }] }] });
  });
});
