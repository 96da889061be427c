import type { LabelSplitV1 } from '../contracts/store/v1/versioned-repository-v1.js';

/** A number in [0, 1) from a string: FNV-1a, 32 bits. Stable across processes and versions. */
export function stableFraction(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x1_0000_0000;
}

/**
 * Picks the version a split label gives one subject. The same key always gets the same
 * version while the split is unchanged (sticky), and keys spread by weight.
 */
export function pickVariant(split: LabelSplitV1, key: string): number {
  const total = split.split.reduce((sum, entry) => sum + entry.weight, 0);
  let point = stableFraction(key) * total;
  for (const entry of split.split) {
    if (point < entry.weight) return entry.version;
    point -= entry.weight;
  }
  return split.split.at(-1)!.version;
}
