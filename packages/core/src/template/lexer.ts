/** Literal text between tags, with escapes already applied. */
export interface TextToken {
  kind: 'text';
  value: string;
  /** Offset of the first source character the text came from. */
  offset: number;
}

/** A `{{ ... }}` tag that is not a comment. */
export interface TagToken {
  kind: 'tag';
  /** Offset of the opening `{{`. */
  offset: number;
  /** Offset of the first character after `{{`. */
  contentStart: number;
  /** Offset of the closing `}}`. */
  contentEnd: number;
}

/** A problem the lexer cannot recover from; everything after it is not tokenized. */
export interface LexProblem {
  message: string;
  offset: number;
}

/** Result of {@link tokenize}. */
export interface LexResult {
  tokens: (TextToken | TagToken)[];
  problem?: LexProblem;
}

const backslash = 92;
const doubleQuote = 34;
const singleQuote = 39;
const closingBrace = 125;

/**
 * Splits a template into text and tags. Comments are dropped here. A backslash right
 * before `{{` makes it literal (`\{{` → `{{`); two backslashes (`\\{{`) give one
 * literal backslash followed by a real tag. `}}` inside quoted tag arguments does not
 * end a tag, and `{{!-- ... --}}` comments may contain `}}`.
 */
export function tokenize(source: string): LexResult {
  const tokens: (TextToken | TagToken)[] = [];
  let text = '';
  let textOffset = 0;
  let index = 0;
  const flushText = (): void => {
    if (text.length > 0) tokens.push({ kind: 'text', value: text, offset: textOffset });
    text = '';
  };
  for (;;) {
    const open = source.indexOf('{{', index);
    if (open === -1) break;
    let slashes = 0;
    while (open - slashes - 1 >= index && source.charCodeAt(open - slashes - 1) === backslash) slashes += 1;
    if (text.length === 0) textOffset = index;
    if (slashes === 1) {
      text += source.slice(index, open - 1) + '{{';
      index = open + 2;
      continue;
    }
    // With two or more backslashes the last one escapes the one before it.
    text += source.slice(index, slashes >= 2 ? open - 1 : open);
    flushText();
    const end = findTagEnd(source, open);
    if (typeof end !== 'number') return { tokens, problem: end };
    if (source.charCodeAt(open + 2) !== 33) {
      tokens.push({ kind: 'tag', offset: open, contentStart: open + 2, contentEnd: end });
    }
    index = source.startsWith('!--', open + 2) ? end + 4 : end + 2;
  }
  if (text.length === 0) textOffset = index;
  text += source.slice(index);
  flushText();
  return { tokens };
}

/** Offset of the `}}` (or of `--}}` for long comments) that closes the tag at `open`. */
function findTagEnd(source: string, open: number): number | LexProblem {
  if (source.startsWith('!--', open + 2)) {
    const end = source.indexOf('--}}', open + 3);
    return end === -1 ? { message: 'unterminated comment: close it with `--}}`', offset: open } : end;
  }
  if (source.charCodeAt(open + 2) === 33) {
    const end = source.indexOf('}}', open + 3);
    return end === -1 ? { message: 'unterminated comment: close it with `}}`', offset: open } : end;
  }
  let quote = 0;
  let quoteOffset = 0;
  for (let index = open + 2; index < source.length; index += 1) {
    const code = source.charCodeAt(index);
    if (quote !== 0) {
      if (code === backslash) index += 1;
      else if (code === quote) quote = 0;
    } else if (code === doubleQuote || code === singleQuote) {
      quote = code;
      quoteOffset = index;
    } else if (code === closingBrace && source.charCodeAt(index + 1) === closingBrace) {
      return index;
    }
  }
  return quote === 0
    ? { message: 'unterminated tag: close it with `}}` (write `\\{{` for literal braces)', offset: open }
    : { message: 'unterminated string in tag: close the quote, then the tag with `}}`', offset: quoteOffset };
}
