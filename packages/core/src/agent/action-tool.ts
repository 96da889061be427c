import { z } from 'zod';
import type { Action } from '../define/define-action.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import { readFieldPath } from '../runtime/field-path.js';
import type { Subject } from '../schemas/common.js';
import type { DiffLine } from '../schemas/proposal.js';
import { defineTool, type Tool, type ToolContext } from './define-tool.js';

/** Options of {@link actionTool}. */
export interface ActionToolOptions {
  /** Loads a record by type and id, with its current fields; undefined when there is none. */
  loadSubject(type: string, id: string): Subject | undefined | Promise<Subject | undefined>;
  /** Tool name. Default: the action id with characters other than letters, digits, `_` and `-` replaced by `_`. */
  name?: string;
  /** Description for the model. Default: the action's description or name, and the field it writes. */
  description?: string;
  /** Subject types the model may pass; any type when absent. */
  subjectTypes?: [string, ...string[]];
  /** Whether each call needs approval before it is applied. Default true. */
  needsApproval?: boolean;
}

/** The input of an action tool: which record to run the action on. */
export interface ActionToolInput {
  subjectType: string;
  subjectId: string;
}

/** The preview and the result of an action tool: the proposal and the field's value before. */
export interface ActionToolChange {
  proposalId: string;
  runId: string;
  subject: { type: string; id: string };
  field: string;
  /** The field's value before (null when it had none; see `beforeMissing`). */
  before: unknown;
  /** True when the field did not exist: undo removes it (`apply` receives `value: undefined`). */
  beforeMissing: boolean;
  after: unknown;
  /** Line diff of before and after (previews only). */
  diff?: DiffLine[];
}

async function propose(action: Action<unknown> | string, options: ActionToolOptions, input: ActionToolInput, context: ToolContext): Promise<ActionToolChange> {
  const subject = await options.loadSubject(input.subjectType, input.subjectId);
  if (!subject) throw new LlmActionsError({ code: 'NOT_FOUND', message: `There is no ${input.subjectType} "${input.subjectId}".`, details: { ...input } });
  const result = await context.llm.run(action, subject, { mode: 'propose', parentRunId: context.runId, signal: context.signal, ...(context.user !== undefined ? { user: context.user } : {}) });
  const proposal = result.proposal;
  if (!proposal) throw new LlmActionsError({ code: 'UNEXPECTED_ERROR', message: `Action run ${result.run.id} proposed nothing.`, details: { runId: result.run.id } });
  return {
    proposalId: proposal.id,
    runId: result.run.id,
    subject: proposal.subject,
    field: proposal.field,
    before: proposal.before ?? null,
    beforeMissing: readFieldPath(subject.fields, proposal.field) === undefined,
    after: proposal.after,
    diff: proposal.diff,
  };
}

/**
 * Exposes an LLM Action as a write tool. The model passes `{ subjectType, subjectId }`;
 * the host's `loadSubject` loads the record. The preview runs the action in `propose` mode
 * (a stored run and a pending proposal) and shows the proposal's diff; execute applies
 * exactly that proposal through the host's `apply` callback (or proposes and applies when
 * nothing was previewed); undo writes the field's previous value back through `apply`,
 * removing the field when it did not exist.
 *
 * @example
 * ```ts
 * const fillSummary = actionTool(summarize, { loadSubject: (type, id) => cms.load(type, id), subjectTypes: ['post'] });
 * ```
 */
export function actionTool(action: Action<unknown> | string, options: ActionToolOptions): Tool<ActionToolInput, ActionToolChange> {
  const id = typeof action === 'string' ? action.split('@')[0]! : action.id;
  const destination = typeof action === 'string' ? 'its destination field' : `the field "${action.destination}"`;
  const about = typeof action === 'string' ? `the action "${id}"` : action.description ?? action.name;
  return defineTool<ActionToolInput, ActionToolChange>({
    name: options.name ?? id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64),
    description: options.description ?? `${about}. Sets ${destination} of one record, given by subjectType and subjectId.`,
    input: z.object({ subjectType: options.subjectTypes ? z.enum(options.subjectTypes) : z.string().min(1), subjectId: z.string().min(1) }),
    mode: 'write',
    needsApproval: options.needsApproval ?? true,
    preview: (input, context) => propose(action, options, input, context),
    async execute(input, context) {
      const change = (context.preview as ActionToolChange | undefined) ?? (await propose(action, options, input, context));
      const by = context.approval?.by ?? context.user;
      await context.llm.proposals.apply(change.proposalId, { ...(by !== undefined ? { by } : {}) });
      const { diff: _diff, ...applied } = change;
      return applied;
    },
    async undo(_input, change, context) {
      if (!context.apply) {
        throw new LlmActionsError({ code: 'APPLY_FAILED', message: 'Undoing an action tool needs the apply callback: createAgentRuntime({ apply: ({ subject, field, value }) => ... }).' });
      }
      const proposal = await context.llm.proposals.get(change.proposalId);
      if (!proposal) throw new LlmActionsError({ code: 'NOT_FOUND', message: `Proposal "${change.proposalId}" is gone; the field cannot be restored from it.`, details: { proposalId: change.proposalId } });
      await context.apply({ subject: change.subject, field: change.field, value: change.beforeMissing ? undefined : change.before, proposal });
      return { restored: change.field, subject: change.subject };
    },
  });
}
