/** Tables as Markdown (readable in a terminal and pasteable into the README), and number formats. */

/** One printed table: a title, column headers, rows of cells and notes under it. */
export interface Table {
  title: string;
  headers: string[];
  rows: string[][];
  /** Lines printed under the table (how it was measured, caveats, targets). */
  notes?: string[];
}

/** Right-aligns columns whose cells all look numeric (after the header). */
function isNumericColumn(rows: string[][], column: number): boolean {
  return rows.every((row) => /^[-+~]?[\d.,]+\s?[%x×µa-zA-Z/]*$|^n\/a$|^-$/.test(row[column] ?? ''));
}

/** Renders a table as aligned Markdown. */
export function formatTable(table: Table): string {
  const widths = table.headers.map((header, column) => Math.max(header.length, ...table.rows.map((row) => (row[column] ?? '').length)));
  const numeric = table.headers.map((_, column) => column > 0 && isNumericColumn(table.rows, column));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (numeric[column] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  const notes = (table.notes ?? []).map((note) => `- ${note}`);
  return [`### ${table.title}`, '', line(table.headers), rule, ...table.rows.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n');
}

/** A duration in microseconds, with precision that suits its size. */
export function micros(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} ms`;
  if (value >= 100) return `${value.toFixed(0)} µs`;
  return `${value.toFixed(1)} µs`;
}

/** A count with thousands separators, e.g. renders or runs per second. */
export function count(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return Math.round(value).toLocaleString('en-US');
}

/** A ratio such as `3.2x`. */
export function times(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}x`;
}

/** A fraction as a percentage, e.g. `0.953` -> `95.3%`. */
export function percent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : 'n/a';
}

/** Bytes as KB or MB. */
export function bytes(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MB`;
  return `${(value / 1024).toFixed(1)} KB`;
}

/** A verdict cell for a target: `met` or `missed`, with the measured value. */
export function verdict(met: boolean, detail: string): string {
  return `${met ? 'met' : 'MISSED'} (${detail})`;
}
