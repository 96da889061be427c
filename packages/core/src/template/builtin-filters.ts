import { TemplateError } from '../errors/index.js';
import { describeValue, readOwn, scalarText, MissingValue } from './read-value.js';
import { JsonTooLongError, toSafeJson } from './safe-json.js';
import type { TemplateFilter } from './template-types.js';

const defaultMaxJsonLength = 1_000_000;

/**
 * How many arguments each built-in filter takes, checked when a template compiles
 * (so a wrong count is reported with its position before anything renders).
 */
export const filterArity = new WeakMap<TemplateFilter, readonly [min: number, max: number]>();

function withArity(filter: TemplateFilter, min: number, max: number): TemplateFilter {
  filterArity.set(filter, [min, max]);
  return filter;
}

function countArgument(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new TypeError(`\`${name}\` needs a whole number of 0 or more, e.g. \`${name}: 100\``);
  }
  return value;
}

function textArgument(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`\`${name}\` needs a quoted text argument, e.g. \`${name}: ", "\``);
  return value;
}

/** The value as text for text filters; arrays and objects are refused with a hint. */
function toText(name: string, value: unknown): string {
  const text = scalarText(value);
  if (text === undefined) throw new TypeError(`\`${name}\` needs text, got ${describeValue(value)}: use \`| join\` or \`| json\` first`);
  return text;
}

// The same characters as `\s`, with the common printable ASCII range decided first.
const isSpace = (code: number): boolean =>
  code <= 32
    ? code === 32 || (code >= 9 && code <= 13)
    : code >= 0xa0 &&
      (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
        code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff);

/** `{{ body | truncate: 2000 }}`: at most N characters, ending with `…` (or the second argument) when cut. */
const truncate = withArity((value: unknown, count?: string | number, suffixArgument?: string | number) => {
  const text = toText('truncate', value);
  const limit = countArgument('truncate', count);
  const suffix = suffixArgument === undefined ? '…' : textArgument('truncate', suffixArgument);
  if (text.length <= limit) return text;
  let cut = limit - suffix.length;
  if (cut < 0) return text.slice(0, limit);
  // Never split a surrogate pair: a lone half is not valid text for a model.
  if (cut > 0 && (text.charCodeAt(cut - 1) & 0xfc00) === 0xd800) cut -= 1;
  return text.slice(0, cut) + suffix;
}, 1, 2);

/** `{{ body | words: 50 }}`: the first N words, ending with `…` (or the second argument) when cut. */
const words = withArity((value: unknown, count?: string | number, suffixArgument?: string | number) => {
  const text = toText('words', value);
  const limit = countArgument('words', count);
  const suffix = suffixArgument === undefined ? '…' : textArgument('words', suffixArgument);
  let index = 0;
  for (let count = 0; count <= limit; count += 1) {
    while (index < text.length && isSpace(text.charCodeAt(index))) index += 1;
    if (index === text.length) return text;
    if (count === limit) break;
    while (index < text.length && !isSpace(text.charCodeAt(index))) index += 1;
  }
  return text.slice(0, index).trimEnd() + suffix;
}, 1, 2);

/** `{{ tags | join: ", " }}`: array items as text joined by the separator (default `, `); null items are skipped. */
const join = withArity((value: unknown, separatorArgument?: string | number) => {
  const separator = separatorArgument === undefined ? ', ' : textArgument('join', separatorArgument);
  if (!Array.isArray(value)) throw new TypeError(`\`join\` needs an array, got ${describeValue(value)}`);
  const parts: string[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const item = readOwn(value, index);
    if (item instanceof MissingValue) continue;
    const text = scalarText(item);
    if (text === undefined) throw new TypeError(`\`join\` needs items that are text, got ${describeValue(item)}: use \`| json\``);
    parts.push(text);
  }
  return parts.join(separator);
}, 0, 1);

/**
 * The `json` filter with its own output bound (the engine passes its `maxOutputLength`).
 * `{{ data | json }}` or `{{ data | json: 2 }}` (indent: spaces, at most 10, or a text).
 */
export function createJsonFilter(maxLength: number): TemplateFilter {
  const json = (value: unknown, indentArgument?: string | number): string | undefined => {
    const indent =
      typeof indentArgument === 'number' ? ' '.repeat(Math.max(0, Math.min(10, Math.floor(indentArgument)))) : (indentArgument ?? '').slice(0, 10);
    try {
      return toSafeJson(value, indent, maxLength);
    } catch (error) {
      if (!(error instanceof JsonTooLongError)) throw error;
      throw new TemplateError({
        code: 'TEMPLATE_LIMIT',
        message: `\`json\` output exceeds maxOutputLength (${maxLength} characters): pass less data or raise limits.maxOutputLength`,
        problems: [],
      });
    }
  };
  return withArity(json, 0, 1);
}

const noArguments = (name: string, transform: (text: string) => string): TemplateFilter =>
  withArity((value: unknown) => transform(toText(name, value)), 0, 0);

/**
 * The filters every engine starts with: `truncate`, `words`, `join`, `json`, `upper`,
 * `lower` and `trim`. (`default` is part of the language, not a filter function: it is
 * the one step that sees missing values.)
 */
export const builtinFilters: Readonly<Record<string, TemplateFilter>> = Object.freeze({
  truncate,
  words,
  join,
  json: createJsonFilter(defaultMaxJsonLength),
  upper: noArguments('upper', (text) => text.toUpperCase()),
  lower: noArguments('lower', (text) => text.toLowerCase()),
  trim: noArguments('trim', (text) => text.trim()),
});
