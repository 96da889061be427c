import { LlmActionsError } from '../errors/index.js';
import type { Expression, FilterCall, TemplateNode } from './ast.js';
import { parseTemplate, type ParseResult } from './parser.js';
import type { TemplateAnalysis } from './template-types.js';

/** An analysis plus every filter call with its position, for checks against a filter registry. */
export interface DetailedAnalysis extends TemplateAnalysis {
  filterCalls: FilterCall[];
}

/** Walks a parsed template and collects what it reads, includes and filters with. */
export function analyzeParsed(parsed: ParseResult): DetailedAnalysis {
  const variables = new Set<string>();
  const partials = new Set<string>();
  const filterCalls: FilterCall[] = [];

  const visitExpression = (expression: Expression, locals: ReadonlySet<string>): void => {
    const { path } = expression;
    if (path.kind === 'variable' && !locals.has(path.segments[0] ?? '')) variables.add(path.text);
    for (const call of expression.filters) filterCalls.push(call);
  };
  const visit = (nodes: TemplateNode[], locals: ReadonlySet<string>): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'output':
          visitExpression(node.expression, locals);
          break;
        case 'if':
          visitExpression(node.expression, locals);
          visit(node.consequent, locals);
          visit(node.alternate, locals);
          break;
        case 'each':
          visitExpression(node.expression, locals);
          visit(node.body, new Set([...locals, node.local]));
          visit(node.alternate, locals);
          break;
        case 'partial':
          partials.add(node.name);
          break;
        default:
          break;
      }
    }
  };
  visit(parsed.nodes, new Set());
  return {
    variables: [...variables],
    partials: [...partials],
    filters: [...new Set(filterCalls.map((call) => call.name))],
    errors: parsed.problems,
    filterCalls,
  };
}

/** Throws `INVALID_INPUT` unless `source` is a string. */
export function assertSource(source: unknown): asserts source is string {
  if (typeof source !== 'string') {
    throw new LlmActionsError({
      code: 'INVALID_INPUT',
      message: `A template source must be a string, got ${source === null ? 'null' : typeof source}: pass the template text`,
    });
  }
}

/**
 * Lists the variables, partials and filters a template uses, and its syntax errors
 * with positions, without rendering it. Never throws on a syntax error, so hosts can
 * validate a prompt before saving it. Filters are not checked against a registry here;
 * `engine.analyze` does that.
 *
 * @example
 * ```ts
 * analyzeTemplate('{{#each post.tags as tag}}{{ tag | upper }}{{/each}} {{> footer}}');
 * // { variables: ['post.tags'], partials: ['footer'], filters: ['upper'], errors: [] }
 * ```
 */
export function analyzeTemplate(source: string): TemplateAnalysis {
  assertSource(source);
  const { variables, partials, filters, errors } = analyzeParsed(parseTemplate(source));
  return { variables, partials, filters, errors };
}
