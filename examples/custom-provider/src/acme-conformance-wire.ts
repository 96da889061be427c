import type { ConformanceWire } from '@llm-actions/testing';
import type { AcmeGenerateBody, AcmeMessage } from './acme-api.js';

const bodyOf = (body: unknown): Partial<AcmeGenerateBody> => (typeof body === 'object' && body !== null ? (body as Partial<AcmeGenerateBody>) : {});
const messagesOf = (body: unknown): AcmeMessage[] => (Array.isArray(bodyOf(body).messages) ? bodyOf(body).messages! : []);

/**
 * Tells `runProviderConformance` how the Acme Text API lays out a request, so the
 * suite can check recorded bodies in Acme's own field names. The suite has built-in
 * wires only for the APIs it ships fakes for (`ollama`, `openai`, `anthropic`); every
 * other API passes one like this through `options.wire`.
 *
 * `null` settings are the ones Acme lacks: the suite then expects an
 * `unsupported-setting` warning for them. `unsupported` lists further requests the
 * provider must answer with a warning (here: forcing one named tool).
 */
export const acmeConformanceWire: ConformanceWire = {
  modelCallPath: '/v1/generate',
  defaultModel: 'acme-text-small',
  settings: {
    temperature: ['temperature'],
    maxOutputTokens: ['max_tokens'],
    topP: ['top_p'],
    topK: null,
    stop: ['stop'],
    seed: null,
  },
  unsupported: [
    {
      setting: 'toolChoice',
      request: {
        tools: [{ name: 'lookup', description: 'Look something up', inputSchema: { type: 'object', properties: { query: { type: 'string' } } } }],
        toolChoice: { type: 'tool', name: 'lookup' },
      },
    },
  ],
  cacheTokens: { read: true, write: false },
  extraRetryableStatuses: [],
  readSystem: (body) => bodyOf(body).system ?? '',
  readToolNames: (body) => (bodyOf(body).tools ?? []).map((tool) => tool.name),
  readToolResults: (body) =>
    messagesOf(body).flatMap((message) => (message.role === 'tool' ? [{ id: message.tool_call_id, name: message.name, content: message.content }] : [])),
};
