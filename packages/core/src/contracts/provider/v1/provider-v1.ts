import type { ProviderV1ModelInfo } from './provider-v1-model-info.js';
import type { ProviderV1Request } from './provider-v1-request.js';
import type { ProviderV1Result } from './provider-v1-result.js';
import type { ProviderV1StreamResult } from './provider-v1-stream-result.js';

/**
 * Provider contract, version 1. A provider turns a {@link ProviderV1Request} into a
 * model call and maps the answer back. It does not retry: core owns retries,
 * timeouts and rate limits, so client libraries' own retries must be off.
 * Failures are thrown as `ProviderError` with `status`, `kind` and `retryAfterMs`.
 */
export interface ProviderV1 {
  /** Contract version; core branches on it. */
  readonly specificationVersion: 'v1';
  /** The prefix of model references, e.g. `ollama` in `ollama/llama3.2:3b`. */
  readonly id: string;
  /** Models the provider can serve, when the API can list them. */
  listModels?(options?: { signal?: AbortSignal }): Promise<ProviderV1ModelInfo[]>;
  /** One complete generation. */
  doGenerate(request: ProviderV1Request): Promise<ProviderV1Result>;
  /** One streamed generation; core falls back to `doGenerate` when absent. */
  doStream?(request: ProviderV1Request): Promise<ProviderV1StreamResult>;
}
