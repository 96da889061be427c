import { LlmActionsError } from './llm-actions-error.js';
import type { ErrorCode } from './error-codes.js';

const marker = Symbol.for('llm-actions.error.template');

/** One problem found in a template, with its 1-based position. */
export interface TemplateProblem {
  /** What is wrong, e.g. `missing variable "title"`. */
  message: string;
  /** 1-based line of the problem in the template source. */
  line: number;
  /** 1-based column of the problem in the template source. */
  column: number;
  /** The variable, filter or partial the problem is about, when there is one. */
  name?: string;
}

/** Codes a {@link TemplateError} can carry. */
export type TemplateErrorCode = Extract<
  ErrorCode,
  'TEMPLATE_SYNTAX' | 'TEMPLATE_MISSING_VARIABLE' | 'TEMPLATE_FILTER' | 'TEMPLATE_PARTIAL' | 'TEMPLATE_LIMIT'
>;

/** Constructor arguments of {@link TemplateError}. */
export interface TemplateErrorOptions {
  code: TemplateErrorCode;
  message: string;
  /** Every problem found (all missing variables are reported at once). */
  problems: TemplateProblem[];
  /** Which template failed, e.g. a prompt id or `instructions`. */
  template?: string;
  cause?: unknown;
}

/** A template failed to parse or render. `problems` lists every position at fault. */
export class TemplateError extends LlmActionsError {
  private readonly [marker] = true;
  declare readonly code: TemplateErrorCode;
  readonly problems: TemplateProblem[];

  constructor({ code, message, problems, template, cause }: TemplateErrorOptions) {
    super({ code, message, details: { problems, ...(template === undefined ? {} : { template }) }, cause });
    this.name = 'TemplateError';
    this.problems = problems;
  }

  /** True for any template error created by any copy of this package. */
  static override isInstance(error: unknown): error is TemplateError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
