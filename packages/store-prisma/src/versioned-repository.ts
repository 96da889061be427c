import { labelSchema, type LabelMoveV1, type LabelTargetV1, type VersionSelectorV1, type VersionedRepositoryV1 } from '@llm-actions/core';
import { LabelMoves } from './label-moves.js';
import { parseTarget, readTarget, targetVersions } from './label-target.js';
import { delegate, type ModelDelegate, type Row } from './model-delegate.js';
import type { StoreClient } from './prisma-store-client.js';
import { assertText, assertValid, describe, guard, isUniqueViolation, storeError, type RecordSchema } from './store-error.js';
import { compact, fromDate, toDate } from './values.js';

type VersionedRecord = { id: string; version: number; createdAt: string };

/** How one kind of versioned definition (prompt, action, skill) maps onto its three tables. */
export interface VersionedModel<TRecord extends VersionedRecord> {
  /** `prompt`, `action` or `skill`, for messages. */
  kind: string;
  /** Column naming the definition in the label and move tables: `promptId`, `actionId` or `skillId`. */
  owner: string;
  /** Schema of a stored version; null skips validation. */
  schema: RecordSchema<TRecord> | null;
  versions(client: StoreClient): object;
  labels(client: StoreClient): object;
  moves(client: StoreClient): object;
  /** Columns of a version row (including id and version). */
  toRow(record: TRecord): Row;
  fromRow(row: Row): TRecord;
}

const creationAttempts = 1_000;

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

/**
 * Immutable numbered versions with labels, for prompts, actions and skills. A new version takes the
 * highest number plus one; the primary key (id, version) rejects a concurrent duplicate and the
 * loser retries, so concurrent creates get distinct, consecutive numbers without locks.
 */
export function createVersionedRepository<TRecord extends VersionedRecord>(
  client: StoreClient,
  model: VersionedModel<TRecord>,
): VersionedRepositoryV1<TRecord> {
  const { kind } = model;
  const versions: ModelDelegate = delegate(model.versions(client));
  const newest = (id: string) => versions.findFirst({ where: { id }, orderBy: { version: 'desc' } });
  const exact = (id: string, version: number) => versions.findFirst({ where: { id, version } });
  const labels = new LabelMoves({ labels: model.labels(client), moves: model.moves(client), owner: model.owner });

  async function find(id: string, selector: VersionSelectorV1 | undefined): Promise<Row | null> {
    if (selector === undefined || ('label' in selector && selector.label === 'latest')) return newest(id);
    if ('version' in selector) return exact(id, selector.version);
    // A split has no single version: core resolves it per subject, so get() finds nothing.
    const target = await labels.target(id, selector.label);
    return typeof target === 'number' ? exact(id, target) : null;
  }

  return {
    create: (record) =>
      guard(`${kind}s.create`, async () => {
        if (typeof record !== 'object' || record === null) {
          throw storeError('INVALID_INPUT', `${kind}s.create expects a ${kind} object, got ${describe(record)}.`);
        }
        assertText(record.id, `${kind}.id`);
        const candidate = { ...record, version: 1 } as TRecord;
        const parsed = model.schema === null ? candidate : assertValid(model.schema, candidate, `${kind} "${record.id}"`);
        for (let attempt = 1; ; attempt += 1) {
          const version = (((await newest(record.id))?.version as number | undefined) ?? 0) + 1;
          try {
            return model.fromRow(await versions.create({ data: model.toRow({ ...parsed, version }) }));
          } catch (error) {
            if (!isUniqueViolation(error) || attempt >= creationAttempts) throw error;
            // Another create took this number; back off a little so the contenders spread out.
            await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 20)));
          }
        }
      }),

    get: (id, selector) =>
      guard(`${kind}s.get`, async () => {
        const row = await find(id, parseSelector(selector));
        return row === null ? undefined : model.fromRow(row);
      }),

    list: () =>
      guard(`${kind}s.list`, async () => {
        const rows = await versions.findMany({ orderBy: [{ id: 'asc' }, { version: 'desc' }], distinct: ['id'] });
        // Sorted here by code units, whatever the database collation.
        return rows.map((row) => model.fromRow(row)).sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
      }),

    versions: (id) =>
      guard(`${kind}s.versions`, async () => {
        const rows = await versions.findMany({ where: { id }, orderBy: { version: 'asc' } });
        return rows.map((row) => model.fromRow(row));
      }),

    setLabel: (id, label, target, move) =>
      guard(`${kind}s.setLabel`, async () => {
        if (label === 'latest') {
          throw storeError('INVALID_INPUT', 'the label "latest" is reserved and always means the newest version; choose another label.', { id, label });
        }
        assertValid(labelSchema, label, `label ${JSON.stringify(label)}`);
        if (typeof move !== 'object' || move === null) {
          throw storeError('INVALID_INPUT', 'setLabel needs move.at, an ISO timestamp from Date.prototype.toISOString().', { id, label });
        }
        const at = toDate(move.at, 'move.at');
        if (move.by !== undefined && typeof move.by !== 'string') throw storeError('INVALID_INPUT', 'move.by must be a string when given.', { id, label });
        const parsed = parseTarget(target, `${kind} "${id}"`);
        for (const version of targetVersions(parsed)) {
          if ((await exact(id, version)) === null) {
            throw storeError('NOT_FOUND', `${kind} "${id}" has no version ${version}; list its versions and label one that exists.`, { id, version });
          }
        }
        await labels.move({ id, label, target: parsed, at, by: move.by });
      }),

    labels: (id) => guard(`${kind}s.labels`, () => labels.current(id)),

    labelHistory: (id) =>
      guard(`${kind}s.labelHistory`, async () => {
        const rows = await labels.history(id);
        return rows.map((row) =>
          compact<LabelMoveV1>({
            label: row.label as string,
            from: readTarget(row, 'from'),
            to: readTarget(row, 'to') as LabelTargetV1,
            by: row.movedBy as string | null,
            at: fromDate(row.movedAt as Date),
          }),
        );
      }),
  };
}
