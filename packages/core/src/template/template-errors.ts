import { TemplateError, type TemplateProblem } from '../errors/index.js';
import type { FilterCall } from './ast.js';
import { filterArity } from './builtin-filters.js';
import type { MissingValue } from './read-value.js';
import { describePosition, problemAt, type MissingVariable } from './render-state.js';
import type { TemplateFilter } from './template-types.js';

const where = (problem: TemplateProblem): string => `line ${problem.line}, column ${problem.column}`;

/** Lists problems in a message; past 20 the rest are only counted (all stay in `problems`). */
function listProblems(problems: TemplateProblem[]): string {
  const shown = problems.slice(0, 20).map((problem) => `${problem.message} (${where(problem)})`);
  if (problems.length > shown.length) shown.push(`and ${problems.length - shown.length} more in \`problems\``);
  return shown.join('; ');
}
const withTemplate = (template: string | undefined): { template?: string } => (template === undefined ? {} : { template });

/** `TEMPLATE_SYNTAX` listing every syntax problem of a template. */
export function syntaxError(problems: TemplateProblem[], template?: string): TemplateError {
  return new TemplateError({
    code: 'TEMPLATE_SYNTAX',
    message: `Template syntax error${problems.length === 1 ? '' : 's'}: ${listProblems(problems)}`,
    problems,
    ...withTemplate(template),
  });
}

/** Problems for filters that `filters` does not hold, and built-in filters given the wrong number of arguments. */
export function filterProblems(calls: FilterCall[], filters: ReadonlyMap<string, TemplateFilter>): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const { name, args, position } of calls) {
    if (name === 'default') continue;
    const filter = filters.get(name);
    if (filter === undefined) {
      problems.push(problemAt(`unknown filter \`${name}\`: fix the name, or register it with registerFilter or the \`filters\` option`, position, name));
      continue;
    }
    const [min, max] = filterArity.get(filter) ?? [0, Number.POSITIVE_INFINITY];
    if (args.length < min || args.length > max) {
      const expected = min === max ? `${min} argument${min === 1 ? '' : 's'}` : `${min} to ${max} arguments`;
      problems.push(problemAt(`\`${name}\` takes ${expected}, got ${args.length}`, position, name));
    }
  }
  return problems;
}

/** `TEMPLATE_FILTER` for unknown filters and wrong argument counts. */
export function filterError(problems: TemplateProblem[], template?: string): TemplateError {
  const message = `Template filter error${problems.length === 1 ? '' : 's'}: ${listProblems(problems)}`;
  return new TemplateError({ code: 'TEMPLATE_FILTER', message, problems, ...withTemplate(template) });
}

/** `TEMPLATE_LIMIT` for a source longer than `maxTemplateLength`. */
export function templateTooLongError(length: number, maxTemplateLength: number, template?: string): TemplateError {
  const message = `template is ${length} characters, more than maxTemplateLength (${maxTemplateLength}): shorten it or raise limits.maxTemplateLength`;
  return new TemplateError({ code: 'TEMPLATE_LIMIT', message, problems: [{ message, line: 1, column: 1 }], ...withTemplate(template) });
}

function missingText(name: string, missing: MissingValue): string {
  switch (missing.reason) {
    case 'function':
      return `"${name}" is a function, and templates never call functions: pass its result as data`;
    case 'filter':
      return `filter \`${missing.filter ?? ''}\` returned nothing for "${name}"`;
    case 'outside-loop':
      return `"${name}" is only available inside {{#each}}`;
    default:
      return `missing variable "${name}"`;
  }
}

/**
 * `TEMPLATE_MISSING_VARIABLE` naming every missing variable once per position
 * (a tag inside a loop is reported once, not once per item).
 */
export function missingVariablesError(missing: MissingVariable[], template?: string): TemplateError {
  const seen = new Set<string>();
  const problems: TemplateProblem[] = [];
  const mentions: string[] = [];
  for (const entry of missing) {
    const key = `${entry.partial ?? ''}\u0000${entry.position.line}:${entry.position.column}\u0000${entry.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = missingText(entry.name, entry.missing);
    const position = describePosition(entry.position, entry.partial);
    problems.push(problemAt(entry.partial === undefined ? text : `${text} in partial "${entry.partial}"`, entry.position, entry.name));
    mentions.push(entry.missing.reason === 'absent' ? `"${entry.name}" (${position})` : `"${entry.name}" (${position}: ${text})`);
  }
  const plural = problems.length > 1;
  return new TemplateError({
    code: 'TEMPLATE_MISSING_VARIABLE',
    message:
      `Missing template variable${plural ? 's' : ''} ${mentions.join(', ')}: add ${plural ? 'them' : 'it'} to the data, ` +
      `or make ${plural ? 'them' : 'it'} optional with \`| default: "…"\` or \`{{#if …}}\``,
    problems,
    ...withTemplate(template),
  });
}
