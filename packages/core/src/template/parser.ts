import type { TemplateProblem } from '../errors/index.js';
import type { EachNode, IfNode, SourcePosition, TemplateNode } from './ast.js';
import { parseExpression, parseLocalName, TagReader, TagSyntaxError } from './expression-parser.js';
import { tokenize, type TagToken } from './lexer.js';
import { createLineIndex, type LineIndex } from './line-index.js';

/** A parsed template: its tree and every syntax problem found (the tree is usable only without problems). */
export interface ParseResult {
  nodes: TemplateNode[];
  problems: TemplateProblem[];
}

/** An open block while parsing; `node` is absent when its opening tag had an error. */
interface Frame {
  kind: 'if' | 'each';
  node: IfNode | EachNode | undefined;
  /** The `{{#if}}` whose branches receive nodes now (differs from `node` after `{{else if}}`). */
  target: IfNode | EachNode | undefined;
  children: TemplateNode[];
  /** Where a block without `node` keeps its content, so analysis still sees it. */
  content: TemplateNode[];
  elseSeen: boolean;
  /** Nesting of the node receiving content: blocks around it plus `{{else if}}` steps. */
  depth: number;
  position: SourcePosition;
}

/** Deeper trees are refused so that compiling and analyzing (both recursive) cannot overflow the stack. */
const maxNesting = 100;
const nestingMessage = `blocks nest more than ${maxNesting} levels deep (\`{{else if}}\` counts as a level): flatten the template`;

const describe = (position: SourcePosition): string => `line ${position.line}, column ${position.column}`;

/**
 * Parses a template into a tree, recovering after errors so that one pass reports
 * every unclosed block, stray `{{else}}`, mismatched close and bad tag.
 */
export function parseTemplate(source: string): ParseResult {
  const lineIndex = createLineIndex(source);
  const problems: TemplateProblem[] = [];
  const report = (message: string, position: SourcePosition, name?: string): void => {
    problems.push({ message, line: position.line, column: position.column, ...(name === undefined ? {} : { name }) });
  };
  const root: TemplateNode[] = [];
  const stack: Frame[] = [];
  const current = (): TemplateNode[] => stack.at(-1)?.children ?? root;
  const closeFrame = (frame: Frame): void => {
    const parent = current();
    if (frame.node !== undefined) parent.push(frame.node);
    else for (const node of frame.content) parent.push(node);
  };

  const lexed = tokenize(source);
  for (const token of lexed.tokens) {
    if (token.kind === 'text') {
      current().push({ type: 'text', value: token.value, position: lineIndex(token.offset) });
      continue;
    }
    try {
      handleTag(token, source, lineIndex, stack, current, closeFrame, report);
    } catch (error) {
      if (!(error instanceof TagSyntaxError)) throw error;
      report(error.message, lineIndex(error.offset));
    }
  }
  if (lexed.problem !== undefined) report(lexed.problem.message, lineIndex(lexed.problem.offset));
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    report(`unclosed {{#${frame.kind}}}: close it with {{/${frame.kind}}}`, frame.position);
    closeFrame(frame);
  }
  problems.sort((left, right) => left.line - right.line || left.column - right.column);
  return { nodes: root, problems };
}

function handleTag(
  token: TagToken,
  source: string,
  lineIndex: LineIndex,
  stack: Frame[],
  current: () => TemplateNode[],
  closeFrame: (frame: Frame) => void,
  report: (message: string, position: SourcePosition) => void,
): void {
  const reader: TagReader = new TagReader(source, token.contentStart, token.contentEnd);
  const position = lineIndex(token.offset);
  reader.skipSpace();
  const first = reader.peek();
  if (first === 35 /* # */) {
    reader.index += 1;
    const keywordStart = reader.index;
    const keyword = reader.readWord();
    if (keyword !== 'if' && keyword !== 'each') reader.fail(`unknown block \`#${keyword}\`: use {{#if ...}} or {{#each ...}}`, keywordStart);
    const children: TemplateNode[] = [];
    const depth = (stack.at(-1)?.depth ?? 0) + 1;
    const frame: Frame = { kind: keyword, node: undefined, target: undefined, children, content: children, elseSeen: false, depth, position };
    // Pushed before parsing so that a bad opening tag still pairs with its closing tag.
    stack.push(frame);
    if (depth > maxNesting) reader.fail(nestingMessage, token.offset);
    const expression = parseExpression(reader, lineIndex);
    if (keyword === 'if') {
      reader.expectEnd('write {{#if variable}}');
      frame.node = { type: 'if', expression, consequent: frame.children, alternate: [], position };
    } else {
      reader.skipSpace();
      if (reader.readWord() !== 'as') reader.fail('name each item: write {{#each items as item}}');
      const local = parseLocalName(reader);
      reader.expectEnd('write {{#each items as item}}');
      frame.node = { type: 'each', expression, local, body: frame.children, alternate: [], position };
    }
    frame.target = frame.node;
  } else if (first === 47 /* / */) {
    reader.index += 1;
    reader.skipSpace();
    const keywordStart = reader.index;
    const keyword = reader.readWord();
    if (keyword !== 'if' && keyword !== 'each') reader.fail(`unknown closing tag \`/${keyword}\`: use {{/if}} or {{/each}}`, keywordStart);
    reader.expectEnd(`write {{/${keyword}}}`);
    const depth = stack.findLastIndex((frame) => frame.kind === keyword);
    if (depth === -1) reader.fail(`{{/${keyword}}} has no matching {{#${keyword}}}: remove it or open the block`, token.offset);
    while (stack.length - 1 > depth) {
      const inner = stack.pop() as Frame;
      report(`{{/${keyword}}} closes {{#${inner.kind}}} opened at ${describe(inner.position)}: add {{/${inner.kind}}} first`, position);
      closeFrame(inner);
    }
    closeFrame(stack.pop() as Frame);
  } else if (first === 62 /* > */) {
    reader.index += 1;
    reader.skipSpace();
    const name = reader.read((code) => code > 32 && code !== 125);
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.:/-]*$/.test(name)) reader.fail('expected a partial name, e.g. {{> prompt-id}}');
    reader.expectEnd('a partial tag takes only a name');
    current().push({ type: 'partial', name, position });
  } else if (source.startsWith('else', reader.index) && !/[\w$@.-]/.test(source[reader.index + 4] ?? '')) {
    reader.index += 4;
    handleElse(reader, stack, lineIndex, token.offset);
  } else if (first === 123 /* { */) {
    reader.fail('triple braces are not needed: nothing is escaped, write {{ variable }}');
  } else {
    const expression = parseExpression(reader, lineIndex);
    reader.expectEnd('write {{ variable }} or {{ variable | filter }}');
    current().push({ type: 'output', expression, position });
  }
}

function handleElse(reader: TagReader, stack: Frame[], lineIndex: LineIndex, offset: number): void {
  const position = lineIndex(offset);
  const frame = stack.at(-1);
  if (frame === undefined) reader.fail('{{else}} outside a block: use it inside {{#if}} or {{#each}}', offset);
  if (frame.elseSeen) reader.fail(`second {{else}} in {{#${frame.kind}}} opened at ${describe(frame.position)}`, offset);
  reader.skipSpace();
  if (reader.index < reader.end) {
    const wordStart = reader.index;
    if (reader.readWord() !== 'if' || frame.kind !== 'if') reader.fail('after `else` only `if` may follow, inside {{#if}}: {{else if x}}', wordStart);
    frame.depth += 1;
    if (frame.depth > maxNesting) reader.fail(nestingMessage, offset);
    const expression = parseExpression(reader, lineIndex);
    reader.expectEnd('write {{else if variable}}');
    const nested: IfNode = { type: 'if', expression, consequent: [], alternate: [], position };
    // In a block whose opening tag failed, keep the branch reachable so analysis still sees it.
    if (frame.target === undefined) frame.children.push(nested);
    else frame.target.alternate.push(nested);
    frame.target = nested;
    frame.children = nested.consequent;
    return;
  }
  frame.elseSeen = true;
  if (frame.target !== undefined) frame.children = frame.target.alternate;
}
