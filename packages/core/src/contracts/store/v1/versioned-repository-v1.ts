/** How to pick a version: the newest, a number, or a label (`latest` is the newest). */
export type VersionSelectorV1 = { version: number } | { label: string };

/** One move of a label, kept for audit. */
export interface LabelMoveV1 {
  label: string;
  /** Version the label pointed to before, if any. */
  from?: number;
  /** Version the label points to now. */
  to: number;
  /** Who moved it. */
  by?: string;
  /** ISO timestamp of the move. */
  at: string;
}

/**
 * Immutable, numbered versions of a definition (prompts, actions). The store
 * assigns version numbers: concurrent `create` calls for one id get distinct,
 * consecutive numbers. `latest` always means the highest version; other labels
 * move only through `setLabel`.
 */
export interface VersionedRepositoryV1<TRecord extends { id: string; version: number; createdAt: string }> {
  /** Stores a new version of `record.id` and returns it with the assigned version. */
  create(record: Omit<TRecord, 'version'>): Promise<TRecord>;
  /** A version: the newest when `selector` is absent; undefined when nothing matches. */
  get(id: string, selector?: VersionSelectorV1): Promise<TRecord | undefined>;
  /** The newest version of every id, ordered by id. */
  list(): Promise<TRecord[]>;
  /** Every version of one id, oldest first. */
  versions(id: string): Promise<TRecord[]>;
  /**
   * Points `label` at `version` and records the move. Throws `NOT_FOUND` when the
   * version does not exist and `INVALID_INPUT` for the reserved label `latest`.
   */
  setLabel(id: string, label: string, version: number, move: { by?: string; at: string }): Promise<void>;
  /** Current labels of one id, label -> version (without `latest`). */
  labels(id: string): Promise<Record<string, number>>;
  /** Every label move of one id, oldest first. */
  labelHistory(id: string): Promise<LabelMoveV1[]>;
}
