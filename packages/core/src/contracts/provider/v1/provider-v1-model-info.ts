/** A model the provider can serve, as reported by `listModels`. */
export interface ProviderV1ModelInfo {
  /** Model id as used in a reference after the slash, e.g. `llama3.2:3b`. */
  id: string;
  /** Display name, when the API has one. */
  name?: string;
  /** Anything else the API reports (size, family, context length). */
  details?: Record<string, unknown>;
}
