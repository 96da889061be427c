/**
 * The syntax tree a template parses into. Internal: the compiler turns it into a
 * closure tree and the analyzer walks it; neither is part of the public API.
 */

/** A 1-based position in a template source. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** `@index`, `@first` or `@last`: facts about the innermost `{{#each}}` iteration. */
export type LoopVariable = 'index' | 'first' | 'last';

/** What an expression reads before its filters run. */
export type PathExpression =
  | {
      kind: 'variable';
      /** Dot-separated segments, e.g. `['post', 'title']`. */
      segments: string[];
      /** The path as written, e.g. `post.title`. */
      text: string;
    }
  | { kind: 'loop'; name: LoopVariable; text: string };

/** A literal filter argument. */
export type FilterArgument = string | number;

/** One `| name: arg, arg` step of an expression. */
export interface FilterCall {
  name: string;
  args: FilterArgument[];
  position: SourcePosition;
}

/** `path | filter | filter: arg`. */
export interface Expression {
  path: PathExpression;
  filters: FilterCall[];
  position: SourcePosition;
}

/** Literal text, emitted verbatim. */
export interface TextNode {
  type: 'text';
  value: string;
  position: SourcePosition;
}

/** `{{ expression }}`. */
export interface OutputNode {
  type: 'output';
  expression: Expression;
  position: SourcePosition;
}

/** `{{#if expression}}consequent{{else}}alternate{{/if}}`. */
export interface IfNode {
  type: 'if';
  expression: Expression;
  consequent: TemplateNode[];
  alternate: TemplateNode[];
  position: SourcePosition;
}

/** `{{#each expression as local}}body{{else}}alternate{{/each}}`. */
export interface EachNode {
  type: 'each';
  expression: Expression;
  local: string;
  body: TemplateNode[];
  alternate: TemplateNode[];
  position: SourcePosition;
}

/** `{{> name}}`. */
export interface PartialNode {
  type: 'partial';
  name: string;
  position: SourcePosition;
}

/** Any node of a parsed template. */
export type TemplateNode = TextNode | OutputNode | IfNode | EachNode | PartialNode;

/**
 * Path segments that are never read, whatever the data holds: reading them is how
 * prototype-pollution and constructor-escape tricks start.
 */
export const forbiddenSegments: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
