import type { ProviderV1, ProviderV1ModelInfo, ProviderV1Request, ProviderV1Result, ProviderV1StreamResult, ProviderV1Warning } from '@llm-actions/core';
import type { ChatResponse } from 'ollama';
import { buildOllamaChatRequest, type OllamaChatBody } from './build-ollama-chat-request.js';
import { convertFromOllamaToolCalls, type OllamaToolCall } from './convert-to-ollama-messages.js';
import { mapOllamaError } from './map-ollama-error.js';
import { mapOllamaFinishReason, mapOllamaUsage } from './map-ollama-finish-reason.js';
import { openOllamaCall, untilAborted, type OllamaCall } from './ollama-call.js';
import { generateToolCallId, type OllamaProviderSettings } from './ollama-provider-settings.js';
import { mapOllamaStream } from './ollama-stream.js';

/** The Ollama provider: a {@link ProviderV1} with id `ollama` that can list local models. */
export interface OllamaProvider extends ProviderV1 {
  readonly id: 'ollama';
  listModels(options?: { signal?: AbortSignal }): Promise<ProviderV1ModelInfo[]>;
  doStream(request: ProviderV1Request): Promise<ProviderV1StreamResult>;
}

/**
 * Creates an Ollama provider on the official `ollama` client. It never retries (the
 * client does not either); core owns retries and timeouts.
 *
 * @example
 * ```ts
 * import { createLlmActions } from '@llm-actions/core';
 * import { createOllama } from '@llm-actions/provider-ollama';
 *
 * const ollama = createOllama({ baseURL: 'http://127.0.0.1:11434' });
 * const llm = createLlmActions({ providers: [ollama], store });
 * // actions then name models as 'ollama/llama3.2:3b'
 * ```
 */
export function createOllama(settings: OllamaProviderSettings = {}): OllamaProvider {
  const generateId = settings.generateId ?? generateToolCallId;

  const prepare = (request: ProviderV1Request, stream: boolean) => {
    const call = openOllamaCall(settings, { signal: request.signal, headers: request.headers });
    const { body, warnings } = buildOllamaChatRequest(request);
    if (call.injected && request.headers && Object.keys(request.headers).length > 0) {
      warnings.push({ type: 'other', message: 'Request headers are ignored with an injected Ollama client; set them on the client.' });
    }
    const sent: OllamaChatBody = { ...body, stream };
    const rawRequest = { body: sent, url: call.host === undefined ? undefined : `${call.host.replace(/\/+$/, '')}/api/chat`, headers: call.headers };
    const errorContext = { model: request.model, host: call.host, signal: request.signal, response: call.response };
    return { call, sent, warnings, rawRequest, errorContext };
  };

  return {
    specificationVersion: 'v1',
    id: 'ollama',

    async listModels(options = {}) {
      const call = openOllamaCall(settings, { signal: options.signal });
      try {
        const list = await untilAborted(call.client.list(), call.injected ? options.signal : undefined);
        return list.models.map((entry) => ({
          id: entry.name,
          name: entry.name,
          details: { ...entry.details, size: entry.size, digest: entry.digest, modifiedAt: entry.modified_at },
        }));
      } catch (error) {
        throw mapOllamaError(error, { host: call.host, signal: options.signal, response: call.response });
      }
    },

    async doGenerate(request) {
      const { call, sent, warnings, rawRequest, errorContext } = prepare(request, false);
      let response: ChatResponse;
      try {
        response = await untilAborted(chat(call, sent), call.injected ? request.signal : undefined);
      } catch (error) {
        throw mapOllamaError(error, errorContext);
      }
      return toResult(response, call, warnings, rawRequest, generateId);
    },

    async doStream(request) {
      const { call, sent, warnings, rawRequest, errorContext } = prepare(request, true);
      try {
        const iterator = await untilAborted(call.client.chat({ ...(sent as Parameters<typeof call.client.chat>[0]), stream: true }), call.injected ? request.signal : undefined);
        return { stream: mapOllamaStream(iterator, { ...errorContext, generateId }), warnings, request: rawRequest };
      } catch (error) {
        throw mapOllamaError(error, errorContext);
      }
    },
  };
}

function chat(call: OllamaCall, body: OllamaChatBody): Promise<ChatResponse> {
  // Our messages carry `tool_call_id`, which the client's Message type does not list.
  return call.client.chat({ ...(body as Parameters<typeof call.client.chat>[0]), stream: false });
}

function toResult(
  response: ChatResponse,
  call: OllamaCall,
  warnings: ProviderV1Warning[],
  request: ProviderV1Result['request'],
  generateId: () => string,
): ProviderV1Result {
  const toolCalls = convertFromOllamaToolCalls(response.message?.tool_calls as OllamaToolCall[] | undefined, generateId);
  return {
    text: response.message?.content ?? '',
    toolCalls,
    finishReason: mapOllamaFinishReason(response.done_reason, toolCalls.length > 0),
    usage: mapOllamaUsage(response),
    warnings,
    request,
    response: { modelId: response.model, status: call.response.status, headers: call.response.headers, body: response },
  };
}
