import type { Proposal } from '../schemas/proposal.js';
import type { Subject } from '../schemas/common.js';
import { readFieldPath } from '../runtime/field-path.js';
import { diffLines, valueToText } from './diff-lines.js';

/** What the host's `apply` callback receives: the field to write and its new value. */
export interface ApplyChange {
  subject: { type: string; id: string };
  field: string;
  value: unknown;
  proposal: Proposal;
}

/** Writes an approved change into the host's data. Throwing leaves the proposal pending. */
export type ApplyCallback = (change: ApplyChange) => void | Promise<void>;

/** Builds the pending proposal a run suggests for the action's destination field. */
export function buildProposal(input: {
  id: string;
  runId: string;
  actionId: string;
  actionVersion: number;
  subject: Subject;
  field: string;
  after: unknown;
  createdAt: string;
}): Proposal {
  const before = readFieldPath(input.subject.fields, input.field);
  return {
    id: input.id,
    runId: input.runId,
    actionId: input.actionId,
    actionVersion: input.actionVersion,
    subject: { type: input.subject.type, id: input.subject.id },
    field: input.field,
    before: before === undefined ? null : before,
    after: input.after,
    diff: diffLines(valueToText(before), valueToText(input.after)),
    status: 'pending',
    createdAt: input.createdAt,
  };
}
