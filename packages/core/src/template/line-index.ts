import type { SourcePosition } from './ast.js';

/** Maps string offsets of one source to 1-based line and column numbers. */
export type LineIndex = (offset: number) => SourcePosition;

/**
 * Builds a {@link LineIndex} for `source`. Columns count UTF-16 code units, like
 * most editors' "column" for text without astral characters.
 */
export function createLineIndex(source: string): LineIndex {
  const lineStarts = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) {
    lineStarts.push(index + 1);
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}
