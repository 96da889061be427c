import type { Proposal } from '../schemas/proposal.js';
import type { Run } from '../schemas/run.js';
import type { TimeoutOptions } from './retry-policy.js';

/** Options of one `llm.run` call. */
export interface RunOptions {
  /** `propose` (default) leaves the change pending for review; `apply` writes it through the host's `apply` callback. */
  mode?: 'propose' | 'apply';
  /** Stream the reply (`run:chunk` events, `onChunk`). Falls back to one call when the provider cannot stream. */
  stream?: boolean;
  /** Cancels the run, including the HTTP request in flight. */
  signal?: AbortSignal;
  /** Who runs it: passed to `authorize` and stored on the run. */
  user?: string;
  /** Extra data for templates, as `context.*`. */
  context?: Record<string, unknown>;
  /** Free-form tags stored on the run. */
  tags?: string[];
  /** Links the run to a parent (a chain, batch or agent run). */
  parentRunId?: string;
  /** Receives each streamed text delta. */
  onChunk?: (delta: string) => void;
  /** Overrides the instance's timeouts for this run. */
  timeouts?: TimeoutOptions;
}

/** A finished, succeeded run with its parsed output and its proposal. */
export interface RunResult<TOutput = unknown> {
  /** The stored run, as finished. */
  run: Run;
  /** The parsed output: text, or the schema-validated JSON value. */
  output: TOutput;
  /** The change suggested for the destination field (absent for test runs). */
  proposal?: Proposal;
}
