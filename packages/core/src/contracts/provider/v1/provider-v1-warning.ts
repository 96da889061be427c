/** A soft failure: something the provider could not honour but did not need to throw for. */
export type ProviderV1Warning =
  | {
      type: 'unsupported-setting';
      /** Name of the setting, e.g. `topK` or `seed`. */
      setting: string;
      details?: string;
    }
  | { type: 'other'; message: string };
