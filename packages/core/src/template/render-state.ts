import { TemplateError, type TemplateErrorCode, type TemplateProblem } from '../errors/index.js';
import type { SourcePosition } from './ast.js';
import type { MissingValue } from './read-value.js';
import type { PartialSource, TemplateLimits } from './template-types.js';

/** The innermost `{{#each}}` iteration; reused across iterations of one loop. */
export interface LoopFrame {
  readonly name: string;
  value: unknown;
  index: number;
  readonly length: number;
  readonly parent: LoopFrame | undefined;
}

/** A compiled template body: appends to `state.output`. */
export type RenderFunction = (state: RenderState, frame: LoopFrame | undefined) => void;

/** A missing variable seen during a render; all are reported together at the end. */
export interface MissingVariable {
  name: string;
  position: SourcePosition;
  missing: MissingValue;
  /** The partial it is in, when not in the rendered template itself. */
  partial: string | undefined;
}

/** Mutable state of one render, shared by the template and the partials it includes. */
export interface RenderState {
  output: string;
  readonly data: unknown;
  readonly limits: TemplateLimits;
  readonly partials: PartialSource | undefined;
  /** Compiles a partial source with the engine's cache, filters and limits. */
  readonly compilePartial: (source: string) => RenderFunction;
  readonly missing: MissingVariable[];
  iterations: number;
  partialIncludes: number;
  /** Names of the partials being rendered, outermost first (and the template's own name, if given). */
  readonly partialStack: string[];
  /** The partial being rendered, or `undefined` in the top-level template. */
  partial: string | undefined;
  /** The top-level template's name from `RenderOptions.template`. */
  readonly template: string | undefined;
}

/** `line 3, column 7` (and ` in partial "x"` inside a partial). */
export function describePosition(position: SourcePosition, partial?: string): string {
  const where = `line ${position.line}, column ${position.column}`;
  return partial === undefined ? where : `${where} of partial "${partial}"`;
}

/** A problem at a position, for `TemplateError.problems`. */
export function problemAt(message: string, position: SourcePosition, name?: string): TemplateProblem {
  return { message, line: position.line, column: position.column, ...(name === undefined ? {} : { name }) };
}

/** A {@link TemplateError} about one position of the template or partial being rendered. */
export function renderError(
  state: RenderState,
  code: TemplateErrorCode,
  message: string,
  position: SourcePosition,
  name?: string,
  cause?: unknown,
): TemplateError {
  const template = state.partial ?? state.template;
  return new TemplateError({
    code,
    message: `${message} (${describePosition(position, state.partial)})`,
    problems: [problemAt(message, position, name)],
    ...(template === undefined ? {} : { template }),
    cause,
  });
}

/** Appends rendered text, enforcing `maxOutputLength`. */
export function append(state: RenderState, text: string, position: SourcePosition): void {
  state.output += text;
  if (state.output.length > state.limits.maxOutputLength) {
    throw renderError(
      state,
      'TEMPLATE_LIMIT',
      `output exceeds maxOutputLength (${state.limits.maxOutputLength} characters): shorten the data, e.g. with \`| truncate: 2000\`, or raise limits.maxOutputLength`,
      position,
    );
  }
}
