import type { ActionRecord } from '../../../schemas/action.js';
import type { Prompt } from '../../../schemas/prompt.js';
import type { AgentRepositoryV1 } from './agent-repository-v1.js';
import type { BindingRepositoryV1 } from './binding-repository-v1.js';
import type { ProposalRepositoryV1 } from './proposal-repository-v1.js';
import type { RunRepositoryV1 } from './run-repository-v1.js';
import type { SkillRecordV1 } from './skill-record-v1.js';
import type { VersionedRepositoryV1 } from './versioned-repository-v1.js';

/** Optional abilities of a store. The conformance suite skips only what these say is unsupported. */
export type StoreV1Capability =
  /** Data survives the process (a new store instance on the same database sees it). */
  | 'durable'
  /** Several processes may use the same data at once, with compare-and-set enforced across them. */
  | 'multi-process'
  /** The agent runtime's records: `agents` (runs, steps, journal, snapshots, approvals) and `skills`. */
  | 'agents';

/** Whether a store has a capability, and why not. */
export type StoreV1CapabilityStatus = { supported: true } | { supported: false; reason: string };

/**
 * Store contract, version 1: where definitions, runs and proposals live.
 * Every method is async. Errors are `LlmActionsError` with codes `STORE_CONFLICT`,
 * `BINDING_CONFLICT`, `NOT_FOUND`, `INVALID_INPUT` or `STORE_ERROR`.
 * Returned objects are copies: mutating them never changes stored data.
 *
 * Conventions every store follows (the conformance suite checks them):
 * - Timestamps are ISO 8601 UTC strings with milliseconds, as `Date.prototype.toISOString`
 *   produces; they round-trip exactly.
 * - Ids are compared by plain code-unit order (SQL stores use a binary collation), so
 *   ordering by `(createdAt, id)` and cursors agree across stores.
 * - `updatedAt` is whatever the caller passes; a store sets it from its clock only when
 *   an update does not.
 * - In an update patch, a key whose value is `undefined` removes that optional field.
 */
export interface StoreV1 {
  readonly specificationVersion: 'v1';
  /** Store name for diagnostics, e.g. `memory`, `prisma-sqlite`. */
  readonly name: string;
  /**
   * What the store supports. `agents` may be left out by stores written before it existed;
   * core then treats it as unsupported.
   */
  readonly capabilities: Readonly<Record<Exclude<StoreV1Capability, 'agents'>, StoreV1CapabilityStatus>> & {
    readonly agents?: StoreV1CapabilityStatus;
  };
  readonly prompts: VersionedRepositoryV1<Prompt>;
  readonly actions: VersionedRepositoryV1<ActionRecord>;
  readonly bindings: BindingRepositoryV1;
  readonly runs: RunRepositoryV1;
  readonly proposals: ProposalRepositoryV1;
  /** Agent runs and their steps, journal, snapshots and approvals; present when `agents` is supported. */
  readonly agents?: AgentRepositoryV1;
  /** Versioned skills (id = skill name); present when `agents` is supported. */
  readonly skills?: VersionedRepositoryV1<SkillRecordV1>;
  /** Releases connections; the store is unusable afterwards. */
  close?(): Promise<void>;
}
