/**
 * Generation settings. A provider that cannot honour one returns an
 * `unsupported-setting` warning in its result instead of throwing.
 */
export interface ProviderV1Settings {
  /** Sampling temperature, usually 0-2. */
  temperature?: number;
  /** Upper bound on generated tokens. */
  maxOutputTokens?: number;
  /** Nucleus sampling probability mass. */
  topP?: number;
  /** Sample only from the K most likely tokens. */
  topK?: number;
  /** Sequences that end generation. */
  stop?: string[];
  /** Seed for reproducible sampling, where the API supports it. */
  seed?: number;
}
