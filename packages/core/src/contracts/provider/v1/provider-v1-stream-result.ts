import type { ProviderV1RawExchange } from './provider-v1-raw.js';
import type { ProviderV1StreamPart } from './provider-v1-stream-part.js';
import type { ProviderV1Warning } from './provider-v1-warning.js';

/** The outcome of {@link ProviderV1.doStream}: the parts, plus what was known up front. */
export interface ProviderV1StreamResult {
  /** The parts, in order. Iterating it drives the HTTP response. */
  stream: AsyncIterable<ProviderV1StreamPart>;
  /** Settings or features the provider could not honour. */
  warnings: ProviderV1Warning[];
  /** The request as sent, for diagnostics. */
  request?: ProviderV1RawExchange['request'];
}
