import type { ProviderV1 } from '../contracts/provider/v1/provider-v1.js';
import type { ProviderV1Request } from '../contracts/provider/v1/provider-v1-request.js';
import type { ProviderV1Result } from '../contracts/provider/v1/provider-v1-result.js';
import type { ProviderV1ToolCall } from '../contracts/provider/v1/provider-v1-tool.js';
import { ProviderError } from '../errors/provider-error.js';

/** Callbacks of a streamed attempt. */
export interface StreamObserver {
  /** Called for every text delta, in order. */
  onDelta(delta: string, index: number): void;
}

/**
 * Drives `doStream` to the end and assembles the same result `doGenerate` gives.
 * `state.emittedOutput` turns true at the first delta, which forbids retries.
 */
export async function consumeStream(
  provider: ProviderV1 & Required<Pick<ProviderV1, 'doStream'>>,
  request: ProviderV1Request,
  observer: StreamObserver,
  state: { emittedOutput: boolean },
): Promise<ProviderV1Result> {
  const streamed = await provider.doStream(request);
  let text = '';
  let index = 0;
  const toolCalls: ProviderV1ToolCall[] = [];
  for await (const part of streamed.stream) {
    if (part.type === 'text-delta') {
      if (part.delta === '') continue;
      state.emittedOutput = true;
      text += part.delta;
      observer.onDelta(part.delta, index++);
    } else if (part.type === 'tool-call') {
      state.emittedOutput = true;
      toolCalls.push(part.toolCall);
    } else {
      return {
        text,
        toolCalls,
        finishReason: part.finishReason,
        usage: part.usage,
        warnings: streamed.warnings,
        ...(streamed.request ? { request: streamed.request } : {}),
        ...(part.response ? { response: part.response } : {}),
      };
    }
  }
  throw new ProviderError({
    provider: provider.id,
    kind: 'network',
    message: `The ${provider.id} stream ended without a finish part; the response was cut off.`,
  });
}
