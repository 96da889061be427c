/** How to pick a version: the newest, a number, or a label (`latest` is the newest). */
export type VersionSelectorV1 = { version: number } | { label: string };

/**
 * A label that splits traffic between versions by weight (A/B tests). Weights are
 * positive numbers, relative to their sum. Core picks a version per subject, stickily.
 */
export interface LabelSplitV1 {
  split: Array<{ version: number; weight: number }>;
}

/** What a label points at: one version, or a weighted split between versions. */
export type LabelTargetV1 = number | LabelSplitV1;

/** One move of a label, kept for audit. */
export interface LabelMoveV1 {
  label: string;
  /** What the label pointed at before, if anything. */
  from?: LabelTargetV1;
  /** What the label points at now. */
  to: LabelTargetV1;
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
  /**
   * A version: the newest when `selector` is absent; undefined when nothing matches,
   * and for a label that is a split (core resolves splits per subject).
   */
  get(id: string, selector?: VersionSelectorV1): Promise<TRecord | undefined>;
  /** The newest version of every id, ordered by id. */
  list(): Promise<TRecord[]>;
  /** Every version of one id, oldest first. */
  versions(id: string): Promise<TRecord[]>;
  /**
   * Points `label` at a version or a split and records the move. Throws `NOT_FOUND`
   * when a version does not exist and `INVALID_INPUT` for the reserved label `latest`
   * or a split with no entries or a weight that is not positive.
   */
  setLabel(id: string, label: string, target: LabelTargetV1, move: { by?: string; at: string }): Promise<void>;
  /** Current labels of one id (without `latest`). */
  labels(id: string): Promise<Record<string, LabelTargetV1>>;
  /** Every label move of one id, oldest first. */
  labelHistory(id: string): Promise<LabelMoveV1[]>;
}
