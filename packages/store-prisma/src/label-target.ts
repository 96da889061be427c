import type { LabelSplitV1, LabelTargetV1 } from '@llm-actions/core';
import { DbNull } from '@prisma/client/runtime/client';
import type { Row } from './model-delegate.js';
import { storeError } from './store-error.js';

/** A split as stored in a JSON column: its entries. */
type SplitEntries = LabelSplitV1['split'];

/**
 * A label target, validated and copied: a positive integer version, or a split with at least
 * one entry whose versions are positive integers and weights positive finite numbers.
 * Anything else is `INVALID_INPUT` (a version that is not an integer is `NOT_FOUND`, as no such
 * version can exist).
 */
export function parseTarget(target: unknown, describeOwner: string): LabelTargetV1 {
  if (typeof target === 'number') {
    if (Number.isInteger(target) && target >= 1) return target;
    throw storeError('NOT_FOUND', `${describeOwner} has no version ${String(target)}; list its versions and label one that exists.`, { version: target });
  }
  const entries = typeof target === 'object' && target !== null ? (target as Partial<LabelSplitV1>).split : undefined;
  const valid =
    Array.isArray(entries) &&
    entries.length > 0 &&
    entries.every(
      (entry) =>
        typeof entry === 'object' &&
        entry !== null &&
        Number.isInteger(entry.version) &&
        entry.version >= 1 &&
        typeof entry.weight === 'number' &&
        Number.isFinite(entry.weight) &&
        entry.weight > 0,
    );
  if (!valid) {
    throw storeError(
      'INVALID_INPUT',
      `a label points at a version number or at { split: [{ version, weight }, ...] } with at least one entry and positive weights, got ${JSON.stringify(target)}.`,
      { target },
    );
  }
  return { split: entries.map(({ version, weight }) => ({ version, weight })) };
}

/** The versions a target names. */
export function targetVersions(target: LabelTargetV1): number[] {
  return typeof target === 'number' ? [target] : target.split.map((entry) => entry.version);
}

/**
 * Columns of a target, with `prefix` (``, `from`, `to`): the version column, or the split's
 * entries in the JSON column. The unused one is NULL; `forUpdate` spells a JSON NULL as Prisma
 * wants it in an update, a create simply leaves the key out.
 */
export function targetColumns(target: LabelTargetV1 | undefined, prefix: '' | 'from' | 'to', forUpdate = false): Row {
  const versionKey = prefix === '' ? 'version' : `${prefix}Version`;
  const splitKey = prefix === '' ? 'split' : `${prefix}Split`;
  const noSplit = forUpdate ? { [splitKey]: DbNull } : {};
  if (target === undefined) return { [versionKey]: null, ...noSplit };
  if (typeof target === 'number') return { [versionKey]: target, ...noSplit };
  return { [versionKey]: null, [splitKey]: target.split };
}

/** The target stored in a row's columns with `prefix`, or undefined when both are NULL. */
export function readTarget(row: Row, prefix: '' | 'from' | 'to'): LabelTargetV1 | undefined {
  const version = row[prefix === '' ? 'version' : `${prefix}Version`];
  const split = row[prefix === '' ? 'split' : `${prefix}Split`];
  if (typeof version === 'number') return version;
  return Array.isArray(split) ? { split: split as SplitEntries } : undefined;
}
