import type {
  ProviderV1FinishReason,
  ProviderV1RawExchange,
  ProviderV1Result,
  ProviderV1ToolCall,
  ProviderV1Usage,
  ProviderV1Warning,
} from '@llm-actions/core';
import type { AcmeGenerateResponse, AcmeToolCall, AcmeUsage } from './acme-api.js';

/**
 * Maps Acme's `stop_reason` to the unified finish reason, keeping the raw word for
 * diagnostics. Unknown future values become `other` rather than an error.
 */
export function mapAcmeFinishReason(stopReason: string | undefined, hasToolCalls: boolean): ProviderV1FinishReason {
  const raw = stopReason === undefined ? {} : { raw: stopReason };
  switch (stopReason) {
    case 'end':
    case 'stop_sequence':
      // Some servers say `end` even after a tool call; the calls are what matter to core.
      return { unified: hasToolCalls ? 'tool-calls' : 'stop', ...raw };
    case 'max_tokens':
      return { unified: 'length', ...raw };
    case 'tool_use':
      return { unified: 'tool-calls', ...raw };
    case 'filtered':
      return { unified: 'content-filter', ...raw };
    default:
      return { unified: 'other', ...raw };
  }
}

/** Maps Acme's token counts; counts the API did not send stay absent (unknown, not zero). */
export function mapAcmeUsage(usage: Partial<AcmeUsage> | undefined): ProviderV1Usage {
  if (!usage) return {};
  return {
    ...(usage.prompt_tokens === undefined ? {} : { inputTokens: usage.prompt_tokens }),
    ...(usage.output_tokens === undefined ? {} : { outputTokens: usage.output_tokens }),
    ...(usage.cached_prompt_tokens === undefined ? {} : { cacheReadTokens: usage.cached_prompt_tokens }),
  };
}

/** Maps one Acme tool call to the contract's shape. */
export function mapAcmeToolCall(call: AcmeToolCall): ProviderV1ToolCall {
  return { id: call.id, name: call.name, input: call.arguments };
}

/** What {@link mapAcmeResponse} needs besides the body. */
export interface AcmeResponseContext {
  warnings: ProviderV1Warning[];
  request: ProviderV1RawExchange['request'];
  status: number;
  headers: Record<string, string>;
}

/** Turns a non-streamed Acme answer into a {@link ProviderV1Result}, with the raw exchange for diagnostics. */
export function mapAcmeResponse(body: AcmeGenerateResponse, context: AcmeResponseContext): ProviderV1Result {
  const toolCalls = (body.tool_calls ?? []).map(mapAcmeToolCall);
  return {
    text: body.output ?? '',
    toolCalls,
    finishReason: mapAcmeFinishReason(body.stop_reason, toolCalls.length > 0),
    usage: mapAcmeUsage(body.usage),
    warnings: context.warnings,
    request: context.request,
    response: { id: body.id, modelId: body.model, status: context.status, headers: context.headers, body },
  };
}
