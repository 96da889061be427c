import { forbiddenSegments } from './ast.js';
import type { Expression, FilterArgument, FilterCall, PathExpression } from './ast.js';
import type { LineIndex } from './line-index.js';

/**
 * A syntax error inside one tag, at a source offset. Thrown and caught inside the
 * parser only; not an `Error`, because capturing a stack trace per problem made
 * hostile sources with thousands of errors slow to analyze.
 */
export class TagSyntaxError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

const segmentPattern = /^[A-Za-z0-9_$-]+$/;
const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
const loopVariables = new Set(['index', 'first', 'last']);
const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

const isWordCode = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code === 45;
const isPathCode = (code: number): boolean => isWordCode(code) || code === 46 || code === 64;
const isSpaceCode = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);

/** A cursor over the content of one tag (between `{{` and `}}`). */
export class TagReader {
  index: number;

  constructor(
    readonly source: string,
    start: number,
    readonly end: number,
  ) {
    this.index = start;
  }

  skipSpace(): void {
    while (this.index < this.end && isSpaceCode(this.source.charCodeAt(this.index))) this.index += 1;
  }

  /** The next character code, or -1 at the end of the tag. */
  peek(): number {
    return this.index < this.end ? this.source.charCodeAt(this.index) : -1;
  }

  read(accept: (code: number) => boolean): string {
    const start = this.index;
    while (this.index < this.end && accept(this.source.charCodeAt(this.index))) this.index += 1;
    return this.source.slice(start, this.index);
  }

  readWord(): string {
    return this.read(isWordCode);
  }

  /** Fails unless only whitespace is left in the tag. */
  expectEnd(hint: string): void {
    this.skipSpace();
    if (this.index < this.end) this.fail(`unexpected \`${this.source.slice(this.index, this.end).trim()}\`: ${hint}`);
  }

  fail(message: string, offset = this.index): never {
    throw new TagSyntaxError(message, offset);
  }
}

/** Reads `path | filter: arg, arg | filter` from the reader's position. */
export function parseExpression(reader: TagReader, lineIndex: LineIndex): Expression {
  reader.skipSpace();
  const start = reader.index;
  const text = reader.read(isPathCode);
  if (text.length === 0) reader.fail('expected a variable name, e.g. `{{ post.title }}`');
  const path = parsePath(text, reader, start);
  const filters: FilterCall[] = [];
  for (;;) {
    reader.skipSpace();
    if (reader.peek() !== 124) break;
    reader.index += 1;
    reader.skipSpace();
    const filterStart = reader.index;
    const name = reader.readWord();
    if (!identifierPattern.test(name)) reader.fail('expected a filter name after `|`, e.g. `| upper`', filterStart);
    const args: FilterArgument[] = [];
    reader.skipSpace();
    if (reader.peek() === 58) {
      do {
        reader.index += 1;
        reader.skipSpace();
        args.push(parseLiteral(reader));
        reader.skipSpace();
      } while (reader.peek() === 44);
    }
    if (name === 'default' && args.length !== 1) reader.fail('`default` takes one value, e.g. `| default: "none"`', filterStart);
    filters.push({ name, args, position: lineIndex(filterStart) });
  }
  return { path, filters, position: lineIndex(start) };
}

/** Reads a loop-local name such as the `item` of `as item`. */
export function parseLocalName(reader: TagReader): string {
  reader.skipSpace();
  const start = reader.index;
  const name = reader.readWord();
  if (!identifierPattern.test(name)) reader.fail('expected a name for each item, e.g. `{{#each posts as post}}`', start);
  if (forbiddenSegments.has(name)) reader.fail(`\`${name}\` is reserved: choose another name`, start);
  return name;
}

function parsePath(text: string, reader: TagReader, start: number): PathExpression {
  if (text.startsWith('@')) {
    const name = text.slice(1);
    if (!loopVariables.has(name)) reader.fail(`unknown loop variable \`${text}\`: use @index, @first or @last`, start);
    return { kind: 'loop', name: name as 'index' | 'first' | 'last', text };
  }
  const segments = text.split('.');
  segments.forEach((segment, position) => {
    if (!segmentPattern.test(segment)) reader.fail(`invalid variable path \`${text}\`: use names joined by dots, e.g. \`post.title\``, start);
    if (forbiddenSegments.has(segment)) {
      reader.fail(`\`${segment}\` is never read by templates (prototype safety): rename that field in the data`, start);
    }
    if (position === 0 && !identifierPattern.test(segment)) reader.fail(`invalid variable name \`${segment}\`: start it with a letter`, start);
  });
  return { kind: 'variable', segments, text };
}

function parseLiteral(reader: TagReader): FilterArgument {
  const start = reader.index;
  const quote = reader.peek();
  if (quote === 34 || quote === 39) return parseString(reader, quote);
  const number = reader.read((code) => (code >= 48 && code <= 57) || code === 45 || code === 46);
  if (/^-?\d+(\.\d+)?$/.test(number)) return Number(number);
  return reader.fail('filter arguments are quoted strings or numbers, e.g. `default: "none"` or `truncate: 200`', start);
}

function parseString(reader: TagReader, quote: number): string {
  const start = reader.index;
  let value = '';
  for (reader.index += 1; reader.index < reader.end; reader.index += 1) {
    const character = reader.source[reader.index] ?? '';
    if (character.charCodeAt(0) === quote) {
      reader.index += 1;
      return value;
    }
    if (character === '\\') {
      reader.index += 1;
      const escaped = reader.source[reader.index] ?? '';
      value += escapes[escaped] ?? escaped;
    } else {
      value += character;
    }
  }
  return reader.fail('unterminated string: close the quote', start);
}
