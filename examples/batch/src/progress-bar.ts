import type { BatchProgress } from '@llm-actions/core';

/** One line of progress: a bar, counts and the estimated time left. */
export function progressLine(progress: BatchProgress, width = 30): string {
  const filled = Math.round((progress.done / Math.max(1, progress.total)) * width);
  const eta = progress.etaMs === undefined ? '' : ` eta ${(progress.etaMs / 1000).toFixed(1)}s`;
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${progress.done}/${progress.total}` +
    ` ok ${progress.succeeded} failed ${progress.failed} skipped ${progress.skipped}${eta}`
  );
}

/** Redraws the bar in place on a terminal; prints every tenth update otherwise (logs, CI). */
export function createProgressPrinter(stream: NodeJS.WriteStream = process.stdout): (progress: BatchProgress) => void {
  let printed = 0;
  return (progress) => {
    if (stream.isTTY) {
      stream.write(`\r${progressLine(progress)}`);
      if (progress.remaining === 0) stream.write('\n');
    } else if (progress.done - printed >= 10 || progress.remaining === 0 || printed === 0) {
      printed = progress.done;
      stream.write(`progress ${progressLine(progress)}\n`);
    }
  };
}
