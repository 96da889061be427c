import { TemplateError } from '../errors/index.js';
import type { EachNode, Expression, FilterCall, PathExpression, TemplateNode } from './ast.js';
import { renderPartial } from './partials.js';
import { describeValue, isTruthy, MissingValue, outsideLoop, readOwn, scalarText } from './read-value.js';
import { append, renderError, type LoopFrame, type RenderFunction, type RenderState } from './render-state.js';
import type { TemplateFilter } from './template-types.js';

type Evaluate = (state: RenderState, frame: LoopFrame | undefined) => unknown;
type Step = (state: RenderState, value: unknown) => unknown;

const noop: RenderFunction = () => undefined;

/**
 * Turns a parsed template into a tree of closures, so that a render does no parsing,
 * no regex and no filter lookups. `filters` must hold every filter the nodes use.
 */
export function compileNodes(nodes: TemplateNode[], filters: ReadonlyMap<string, TemplateFilter>): RenderFunction {
  const parts: RenderFunction[] = [];
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index] as TemplateNode;
    if (node.type === 'text') {
      // Adjacent text (split by comments) becomes one append.
      let text = node.value;
      while (nodes[index + 1]?.type === 'text') text += (nodes[(index += 1)] as { value: string }).value;
      const position = node.position;
      parts.push((state) => append(state, text, position));
    } else {
      parts.push(compileNode(node, filters));
    }
  }
  if (parts.length === 0) return noop;
  if (parts.length === 1) return parts[0] as RenderFunction;
  return (state, frame) => {
    for (const part of parts) part(state, frame);
  };
}

function compileNode(node: Exclude<TemplateNode, { type: 'text' }>, filters: ReadonlyMap<string, TemplateFilter>): RenderFunction {
  switch (node.type) {
    case 'output': {
      const evaluate = compileExpression(node.expression, filters);
      const { position } = node;
      const name = node.expression.path.text;
      return (state, frame) => {
        const value = evaluate(state, frame);
        if (value instanceof MissingValue) {
          state.missing.push({ name, position, missing: value, partial: state.partial });
          return;
        }
        const text = typeof value === 'string' ? value : scalarText(value);
        if (text === undefined) {
          const hint = typeof value === 'object' ? 'objects and arrays need `| json` (or `| join` for lists)' : 'it cannot be rendered';
          throw renderError(state, 'TEMPLATE_FILTER', `"${name}" is ${describeValue(value)}: ${hint}`, position, name);
        }
        append(state, text, position);
      };
    }
    case 'if': {
      const evaluate = compileExpression(node.expression, filters);
      const consequent = compileNodes(node.consequent, filters);
      const alternate = compileNodes(node.alternate, filters);
      return (state, frame) => (isTruthy(evaluate(state, frame)) ? consequent : alternate)(state, frame);
    }
    case 'each':
      return compileEach(node, filters);
    case 'partial': {
      const { name, position } = node;
      return (state, frame) => renderPartial(state, frame, name, position);
    }
  }
}

function compileEach(node: EachNode, filters: ReadonlyMap<string, TemplateFilter>): RenderFunction {
  const evaluate = compileExpression(node.expression, filters);
  const body = compileNodes(node.body, filters);
  const alternate = compileNodes(node.alternate, filters);
  const { local, position } = node;
  const name = node.expression.path.text;
  return (state, frame) => {
    const value = evaluate(state, frame);
    if (value instanceof MissingValue) {
      state.missing.push({ name, position, missing: value, partial: state.partial });
      return;
    }
    if (!Array.isArray(value)) {
      throw renderError(state, 'TEMPLATE_FILTER', `{{#each}} needs an array, but "${name}" is ${describeValue(value)}`, position, name);
    }
    const length = value.length;
    if (length === 0) return alternate(state, frame);
    state.iterations += length;
    if (state.iterations > state.limits.maxLoopIterations) {
      throw renderError(
        state,
        'TEMPLATE_LIMIT',
        `loops exceed maxLoopIterations (${state.limits.maxLoopIterations} per render): pass fewer items or raise limits.maxLoopIterations`,
        position,
        name,
      );
    }
    // One frame per loop, updated in place: frames never outlive the body call.
    const loopFrame: LoopFrame = { name: local, value: undefined, index: 0, length, parent: frame };
    for (let index = 0; index < length; index += 1) {
      loopFrame.value = readOwn(value, index);
      loopFrame.index = index;
      body(state, loopFrame);
    }
  };
}

function compileExpression(expression: Expression, filters: ReadonlyMap<string, TemplateFilter>): Evaluate {
  const read = compilePath(expression.path);
  if (expression.filters.length === 0) return read;
  const steps = expression.filters.map((call) => compileFilter(call, filters, expression.path.text));
  return (state, frame) => {
    let value = read(state, frame);
    for (const step of steps) value = step(state, value);
    return value;
  };
}

function compilePath(path: PathExpression): Evaluate {
  if (path.kind === 'loop') {
    if (path.name === 'index') return (_state, frame) => (frame === undefined ? outsideLoop : frame.index);
    if (path.name === 'first') return (_state, frame) => (frame === undefined ? outsideLoop : frame.index === 0);
    return (_state, frame) => (frame === undefined ? outsideLoop : frame.index === frame.length - 1);
  }
  const [root = '', ...rest] = path.segments;
  const readRoot: Evaluate = (state, frame) => {
    for (let current = frame; current !== undefined; current = current.parent) {
      if (current.name === root) return current.value;
    }
    return readOwn(state.data, root);
  };
  if (rest.length === 0) return readRoot;
  return (state, frame) => {
    let value = readRoot(state, frame);
    for (const segment of rest) {
      if (value instanceof MissingValue) return value;
      value = readOwn(value, segment);
    }
    return value;
  };
}

function compileFilter(call: FilterCall, filters: ReadonlyMap<string, TemplateFilter>, subject: string): Step {
  const { name, args, position } = call;
  if (name === 'default') {
    const fallback = args[0] ?? '';
    return (_state, value) => (value instanceof MissingValue || value === '' ? fallback : value);
  }
  const filter = filters.get(name);
  if (filter === undefined) throw new Error(`filter "${name}" was not checked before compiling`);
  return (state, value) => {
    if (value instanceof MissingValue) return value;
    let result: unknown;
    try {
      result = args.length === 0 ? filter(value) : args.length === 1 ? filter(value, args[0] as string | number) : filter(value, ...args);
    } catch (error) {
      if (TemplateError.isInstance(error) && error.problems.length > 0) throw error;
      const code = TemplateError.isInstance(error) ? error.code : 'TEMPLATE_FILTER';
      throw renderError(state, code, `filter \`${name}\` failed on "${subject}": ${errorMessage(error)}`, position, name, error);
    }
    return result === null || result === undefined ? new MissingValue('filter', name) : result;
  };
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'it threw a value that is not an Error';
}
