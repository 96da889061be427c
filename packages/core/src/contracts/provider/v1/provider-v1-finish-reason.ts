/** Why generation ended: a unified value core understands plus the API's own word. */
export interface ProviderV1FinishReason {
  unified: 'stop' | 'length' | 'tool-calls' | 'content-filter' | 'error' | 'other';
  /** The raw value from the API, e.g. `end_turn` or `done`. */
  raw?: string;
}
