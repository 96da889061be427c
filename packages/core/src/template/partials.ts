import { TemplateError } from '../errors/index.js';
import type { SourcePosition } from './ast.js';
import { readOwn } from './read-value.js';
import { describePosition, renderError, type LoopFrame, type RenderFunction, type RenderState } from './render-state.js';

/**
 * Renders `{{> name}}` in the current scope (loop locals and `@` variables included).
 * Cycles are found on the stack of partials being rendered, so `a → b → a` fails with
 * `TEMPLATE_PARTIAL` naming the path before anything recurses.
 */
export function renderPartial(state: RenderState, frame: LoopFrame | undefined, name: string, position: SourcePosition): void {
  const stack = state.partialStack;
  const cycleStart = stack.indexOf(name);
  if (cycleStart !== -1) {
    const cycle = [...stack.slice(cycleStart), name].join(' → ');
    throw renderError(state, 'TEMPLATE_PARTIAL', `partials include each other in a cycle: ${cycle}; remove one of these includes`, position, name);
  }
  const { maxPartialDepth, maxPartialIncludes } = state.limits;
  const depth = stack.length - (state.template === undefined ? 0 : 1);
  if (depth >= maxPartialDepth) {
    const message = `partials nest deeper than maxPartialDepth (${maxPartialDepth}): include "${name}" from a shallower template or raise limits.maxPartialDepth`;
    throw renderError(state, 'TEMPLATE_LIMIT', message, position, name);
  }
  state.partialIncludes += 1;
  if (state.partialIncludes > maxPartialIncludes) {
    const message = `partials are included more than maxPartialIncludes (${maxPartialIncludes}) times in one render: include fewer or raise limits.maxPartialIncludes`;
    throw renderError(state, 'TEMPLATE_LIMIT', message, position, name);
  }
  const render = compilePartial(state, name, loadSource(state, name, position), position);
  // No try/finally: an error ends the whole render, so the stack need not be restored.
  const includer = state.partial;
  stack.push(name);
  state.partial = name;
  render(state, frame);
  stack.pop();
  state.partial = includer;
}

function loadSource(state: RenderState, name: string, position: SourcePosition): string {
  const partials = state.partials;
  let source: unknown;
  if (typeof partials === 'function') {
    try {
      source = partials(name);
    } catch (error) {
      throw renderError(state, 'TEMPLATE_PARTIAL', `loading partial "${name}" failed`, position, name, error);
    }
  } else {
    source = readOwn(partials, name);
  }
  if (typeof source !== 'string') {
    throw renderError(state, 'TEMPLATE_PARTIAL', `partial "${name}" not found: add it to the \`partials\` render option`, position, name);
  }
  return source;
}

function compilePartial(state: RenderState, name: string, source: string, position: SourcePosition): RenderFunction {
  try {
    return state.compilePartial(source);
  } catch (error) {
    if (!TemplateError.isInstance(error)) throw error;
    throw new TemplateError({
      code: error.code,
      message: `partial "${name}" (included at ${describePosition(position, state.partial)}): ${error.message}`,
      problems: error.problems,
      template: name,
      cause: error,
    });
  }
}
