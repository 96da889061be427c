import type { DiffLine } from '../schemas/proposal.js';

/** The text form of a field value for diffing: strings as they are, other values as JSON. */
export function valueToText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

const maxCells = 4_000_000;

/**
 * A line diff (longest common subsequence) of two texts. Inputs too large for the
 * table fall back to "delete all, insert all", which is still a correct diff.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const left = before === '' ? [] : before.split('\n');
  const right = after === '' ? [] : after.split('\n');
  if (left.length * right.length > maxCells) {
    return [...left.map((text) => ({ op: 'delete' as const, text })), ...right.map((text) => ({ op: 'insert' as const, text }))];
  }
  const width = right.length + 1;
  const table = new Uint32Array((left.length + 1) * width);
  for (let i = left.length - 1; i >= 0; i--) {
    for (let j = right.length - 1; j >= 0; j--) {
      table[i * width + j] =
        left[i] === right[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    if (left[i] === right[j]) {
      lines.push({ op: 'equal', text: left[i]! });
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
      lines.push({ op: 'delete', text: left[i++]! });
    } else {
      lines.push({ op: 'insert', text: right[j++]! });
    }
  }
  while (i < left.length) lines.push({ op: 'delete', text: left[i++]! });
  while (j < right.length) lines.push({ op: 'insert', text: right[j++]! });
  return lines;
}
