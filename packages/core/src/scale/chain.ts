import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { ActionOutput } from '../define/define-action.js';
import type { ActionRef } from '../runner/resolve-action.js';
import type { Subject } from '../schemas/common.js';
import type { Proposal } from '../schemas/proposal.js';
import type { Run } from '../schemas/run.js';
import { idSchema } from '../schemas/common.js';

/** What a step's `when` condition and later templates see of a chain in progress. */
export interface ChainContext {
  /** The subject, with the outputs of earlier steps written into their destination fields. */
  subject: Subject;
  /** Results of earlier steps by id: `steps.summary.output`. */
  steps: Record<string, ChainStepResult<unknown>>;
}

/** One step: an action, run when its condition holds. */
export interface ChainStep<TId extends string = string, TAction extends ActionRef<unknown> = ActionRef<unknown>> {
  /** Step id, used as `steps.<id>` in later templates. */
  id: TId;
  /** The action: a definition or a stored `id`, `id@version`, `id@label`. */
  action: TAction;
  /** Runs the step only when this returns true. */
  when?: (context: ChainContext) => boolean | Promise<boolean>;
}

/** The outcome of one step. */
export interface ChainStepResult<TOutput> {
  status: 'succeeded' | 'failed' | 'skipped';
  output?: TOutput;
  run?: Run;
  proposal?: Proposal;
  error?: { code: string; message: string };
}

/** A chain definition, as returned by {@link chain}. */
export interface Chain<TSteps extends readonly ChainStep[]> {
  readonly id: string;
  readonly steps: TSteps;
  /** `stop` (default): later steps are skipped after a failure; `continue`: they run; `retry`: the step is retried `retries` times, then stop. */
  readonly onError: 'stop' | 'continue' | 'retry';
  readonly retries: number;
}

type StepOutput<TStep> = TStep extends ChainStep<string, infer TAction> ? (TAction extends string ? unknown : ActionOutput<TAction>) : never;

/** Step results by id, typed from each step's action. */
export type ChainStepResults<TSteps extends readonly ChainStep[]> = {
  [TStep in TSteps[number] as TStep['id']]: ChainStepResult<StepOutput<TStep>>;
};

/** The outcome of a chain run. */
export interface ChainResult<TSteps extends readonly ChainStep[]> {
  /** The parent run of the step runs. */
  chainRunId: string;
  status: 'succeeded' | 'failed' | 'cancelled';
  steps: ChainStepResults<TSteps>;
  /** The subject with every succeeded step's output written into its destination. */
  subject: Subject;
}

/**
 * Defines a chain of actions. Later steps read earlier outputs as `{{ steps.<id>.output }}`,
 * and sources that earlier steps filled are read from the working subject.
 *
 * @example
 * ```ts
 * const post = chain({ id: 'blog-post', steps: [
 *   { id: 'summary', action: summarize },
 *   { id: 'title', action: title, when: ({ subject }) => !subject.fields.title },
 * ] as const });
 * const result = await llm.runChain(post, idea);
 * result.steps.summary.output; // typed by the summarize action
 * ```
 */
export function chain<const TSteps extends readonly ChainStep[]>(definition: {
  id: string;
  steps: TSteps;
  onError?: 'stop' | 'continue' | 'retry';
  retries?: number;
}): Chain<TSteps> {
  const problems: string[] = [];
  if (!idSchema.safeParse(definition?.id).success) problems.push(`id ${JSON.stringify(definition?.id)} is not a valid id`);
  if (!Array.isArray(definition?.steps) || definition.steps.length === 0) problems.push('steps must list at least one step');
  const seen = new Set<string>();
  for (const step of definition?.steps ?? []) {
    if (typeof step?.id !== 'string' || !/^[A-Za-z_][\w-]*$/.test(step.id)) problems.push(`step id ${JSON.stringify(step?.id)} must be an identifier`);
    else if (seen.has(step.id)) problems.push(`step id "${step.id}" is used twice`);
    seen.add(step?.id);
    if (step?.action === undefined || step.action === null) problems.push(`step "${String(step?.id)}" has no action`);
  }
  const retries = definition?.retries ?? 1;
  if (!Number.isInteger(retries) || retries < 0 || retries > 5) problems.push('retries must be an integer from 0 to 5');
  if (problems.length > 0) {
    throw new LlmActionsError({ code: 'INVALID_DEFINITION', message: `Invalid chain: ${problems.join('; ')}.`, details: { problems } });
  }
  return { id: definition.id, steps: definition.steps, onError: definition.onError ?? 'stop', retries };
}
