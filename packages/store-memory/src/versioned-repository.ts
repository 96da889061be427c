import { cloneRecord } from './clone-record.js';
import { labelSchema, timestampSchema, type LabelMoveV1, type LabelTargetV1, type VersionSelectorV1, type VersionedRepositoryV1 } from '@llm-actions/core';
import { assertText, assertValid, describeValue, storeError, type RecordSchema } from './store-error.js';

type VersionedRecord = { id: string; version: number; createdAt: string };

/** Everything stored for one id. */
interface History<TRecord> {
  versions: TRecord[];
  labels: Map<string, LabelTargetV1>;
  moves: LabelMoveV1[];
}

/** How to build a versioned repository for one kind of definition. */
export interface VersionedRepositoryOptions {
  /** Name in messages and error details: `prompt` or `action`. */
  kind: string;
  /** Schema of a stored version; null skips validation. */
  schema: RecordSchema | null;
}

function parseSelector(selector: VersionSelectorV1 | undefined): VersionSelectorV1 | undefined {
  if (selector === undefined) return undefined;
  if (typeof selector === 'object' && selector !== null) {
    if ('version' in selector && Number.isInteger(selector.version) && selector.version >= 1) return selector;
    if ('label' in selector && typeof selector.label === 'string' && selector.label.length > 0) return selector;
  }
  throw storeError('INVALID_INPUT', `version selector must be { version: positive integer } or { label: string }, got ${JSON.stringify(selector)}.`, {
    selector,
  });
}

/** The versions a label target names; refuses empty splits and weights that are not positive. */
function targetVersions(target: LabelTargetV1): number[] {
  if (typeof target === 'number') return [target];
  const entries = (target as { split?: unknown })?.split;
  const valid =
    Array.isArray(entries) &&
    entries.length > 0 &&
    entries.every((entry) => typeof entry?.weight === 'number' && Number.isFinite(entry.weight) && entry.weight > 0);
  if (!valid) {
    throw storeError('INVALID_INPUT', 'a split label needs { split: [{ version, weight }, ...] } with at least one entry and positive weights.', { target });
  }
  return entries.map((entry: { version: number }) => entry.version);
}

/**
 * Immutable numbered versions with labels, for prompts and actions. Versions are assigned
 * synchronously inside `create`, so concurrent creates get distinct, consecutive numbers.
 */
export function createVersionedRepository<TRecord extends VersionedRecord>(
  options: VersionedRepositoryOptions,
): VersionedRepositoryV1<TRecord> {
  const histories = new Map<string, History<TRecord>>();
  const { kind } = options;

  function find(id: string, selector?: VersionSelectorV1): TRecord | undefined {
    const history = histories.get(id);
    if (history === undefined) return undefined;
    if (selector === undefined || ('label' in selector && selector.label === 'latest')) return history.versions.at(-1);
    const target = 'version' in selector ? selector.version : history.labels.get(selector.label);
    // A split label has no single version: core picks one per subject.
    const version = typeof target === 'number' ? target : undefined;
    return version === undefined ? undefined : history.versions[version - 1];
  }

  return {
    async create(record) {
      if (typeof record !== 'object' || record === null) {
        throw storeError('INVALID_INPUT', `${kind}s.create expects a ${kind} object, got ${describeValue(record)}.`);
      }
      assertText(record.id, `${kind}.id`);
      const history: History<TRecord> = histories.get(record.id) ?? { versions: [], labels: new Map(), moves: [] };
      const stored = { ...cloneRecord(record), version: history.versions.length + 1 } as TRecord;
      if (options.schema !== null) assertValid(options.schema, stored, `${kind} "${record.id}"`);
      history.versions.push(stored);
      histories.set(record.id, history);
      return cloneRecord(stored);
    },

    async get(id, selector) {
      const found = find(id, parseSelector(selector));
      return found === undefined ? undefined : cloneRecord(found);
    },

    async list() {
      const ids = [...histories.keys()].sort();
      return ids.map((id) => cloneRecord((histories.get(id) as History<TRecord>).versions.at(-1) as TRecord));
    },

    async versions(id) {
      return cloneRecord(histories.get(id)?.versions ?? []);
    },

    async setLabel(id, label, target, move) {
      if (label === 'latest') {
        throw storeError('INVALID_INPUT', 'the label "latest" is reserved and always means the newest version; choose another label.', {
          id,
          label,
        });
      }
      assertValid(labelSchema, label, `label ${JSON.stringify(label)}`);
      if (typeof move !== 'object' || move === null || !timestampSchema.safeParse(move.at).success) {
        throw storeError('INVALID_INPUT', 'setLabel needs move.at, an ISO timestamp from Date.prototype.toISOString().', { id, label });
      }
      const history = histories.get(id);
      const versions = targetVersions(target);
      for (const version of versions) {
        if (history === undefined || !Number.isInteger(version) || history.versions[version - 1] === undefined) {
          throw storeError('NOT_FOUND', `${kind} "${id}" has no version ${String(version)}; list its versions and label one that exists.`, {
            id,
            version,
          });
        }
      }
      const from = history!.labels.get(label);
      const to = cloneRecord(target);
      history!.labels.set(label, to);
      const entry: LabelMoveV1 = { label, to: cloneRecord(to), at: move.at };
      if (from !== undefined) entry.from = from;
      if (move.by !== undefined) entry.by = move.by;
      history!.moves.push(entry);
    },

    async labels(id) {
      return cloneRecord(Object.fromEntries([...(histories.get(id)?.labels ?? [])].sort(([left], [right]) => (left < right ? -1 : 1))));
    },

    async labelHistory(id) {
      return cloneRecord(histories.get(id)?.moves ?? []);
    },
  };
}
