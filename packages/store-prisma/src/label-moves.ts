import type { LabelTargetV1 } from '@llm-actions/core';
import { readTarget, targetColumns } from './label-target.js';
import { delegate, type ModelDelegate, type Row } from './model-delegate.js';
import { isUniqueViolation } from './store-error.js';

/** The label and move tables of one kind of definition, and the column naming the definition. */
export interface LabelTables {
  labels: object;
  moves: object;
  /** `promptId` or `actionId`. */
  owner: string;
}

/** One label move to record. */
export interface LabelMove {
  id: string;
  label: string;
  target: LabelTargetV1;
  at: Date;
  by: string | undefined;
}

const attempts = 1_000;

/**
 * Moves labels with single-statement writes only, so no transaction holds a lock across awaits
 * (with better-sqlite3 that would block other connections of the same process, and a rolled-back
 * transaction would take unrelated statements of the same connection with it).
 *
 * A move first claims the next `revision` of its label in the move table, whose unique key
 * (owner, label, revision) lets exactly one writer record a move from a given state, so every
 * move's `fromVersion` is the previous move's `toVersion`. It then applies itself to the label
 * row with a compare-and-set on the revision. A writer that loses the claim first applies the
 * winning move (in case its writer stopped between the two steps) and tries again.
 */
export class LabelMoves {
  private readonly labels: ModelDelegate;
  private readonly moves: ModelDelegate;

  constructor(private readonly tables: LabelTables) {
    this.labels = delegate(tables.labels);
    this.moves = delegate(tables.moves);
  }

  /** Records `move` and points the label at its version. */
  async move(move: LabelMove): Promise<void> {
    const { owner } = this.tables;
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.labels.findFirst({ where: { [owner]: move.id, label: move.label } });
      const revision = ((current?.revision as number | undefined) ?? 0) + 1;
      try {
        await this.moves.create({
          data: {
            [owner]: move.id,
            label: move.label,
            revision,
            ...targetColumns(current === null ? undefined : readTarget(current, ''), 'from'),
            ...targetColumns(move.target, 'to'),
            movedBy: move.by ?? null,
            movedAt: move.at,
          },
        });
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= attempts) throw error;
        await this.catchUp(move.id, move.label);
        continue;
      }
      return this.apply(move.id, move.label, { revision, target: move.target, updatedAt: move.at });
    }
  }

  /** Applies the newest recorded move of a label to its label row, if the row is behind. */
  private async catchUp(id: string, label: string): Promise<void> {
    const newest = await this.moves.findFirst({ where: { [this.tables.owner]: id, label }, orderBy: { revision: 'desc' } });
    const target = newest === null ? undefined : readTarget(newest, 'to');
    if (newest !== null && target !== undefined) {
      await this.apply(id, label, { revision: newest.revision as number, target, updatedAt: newest.movedAt as Date });
    }
  }

  /** Sets the label row to a move's state unless it already reflects that move or a later one. */
  private async apply(id: string, label: string, state: { revision: number; target: LabelTargetV1; updatedAt: Date }): Promise<void> {
    const key = { [this.tables.owner]: id, label };
    const { revision, updatedAt } = state;
    for (;;) {
      const data = { revision, updatedAt, ...targetColumns(state.target, '', true) };
      const updated = await this.labels.updateMany({ where: { ...key, revision: { lt: revision } }, data });
      if (updated.count > 0 || (await this.labels.findFirst({ where: key })) !== null) return;
      try {
        await this.labels.create({ data: { ...key, revision, updatedAt, ...targetColumns(state.target, '') } });
        return;
      } catch (error) {
        // Another writer created the row meanwhile: compare-and-set against it instead.
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }

  /** Current labels of one definition, label -> target, sorted by label. */
  async current(id: string): Promise<Record<string, LabelTargetV1>> {
    const rows: Row[] = await this.labels.findMany({ where: { [this.tables.owner]: id } });
    const entries = rows.map((row) => [row.label as string, readTarget(row, '') as LabelTargetV1] as const);
    return Object.fromEntries(entries.sort(([left], [right]) => (left < right ? -1 : 1)));
  }

  /** What a label points at, if anything. */
  async target(id: string, label: string): Promise<LabelTargetV1 | undefined> {
    const row = await this.labels.findFirst({ where: { [this.tables.owner]: id, label } });
    return row === null ? undefined : readTarget(row, '');
  }

  /** Every move of one definition's labels, oldest first. */
  history(id: string): PromiseLike<Row[]> {
    return this.moves.findMany({ where: { [this.tables.owner]: id }, orderBy: { sequence: 'asc' } });
  }
}
