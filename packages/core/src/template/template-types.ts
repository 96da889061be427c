import type { TemplateProblem } from '../errors/index.js';

/**
 * A pure function usable as `{{ value | name: arg, arg }}`. It receives the current
 * value (never a missing one: filters are skipped until `default` supplies a value)
 * and the literal arguments. Returning `null` or `undefined` makes the value missing.
 * A thrown error becomes a `TEMPLATE_FILTER` `TemplateError` that keeps it as `cause`.
 */
export type TemplateFilter = (value: unknown, ...args: (string | number)[]) => unknown;

/** Bounds every render so that no template or data can hang or exhaust memory. */
export interface TemplateLimits {
  /** Most characters a render may produce, partials included. Default 1,000,000. */
  maxOutputLength: number;
  /** Most `{{#each}}` iterations per render, all loops and partials together. Default 10,000. */
  maxLoopIterations: number;
  /** Deepest nesting of partials inside partials. Default 10. */
  maxPartialDepth: number;
  /** Most partial inclusions per render (stops fan-out without output). Default 100,000. */
  maxPartialIncludes: number;
  /** Longest template source accepted, partials included. Default 100,000 characters. */
  maxTemplateLength: number;
}

/** Where `{{> name}}` finds partial sources: a record of sources, or a lookup function. */
export type PartialSource = Readonly<Record<string, string>> | ((name: string) => string | undefined);

/** Options of one render. */
export interface RenderOptions {
  /** Sources of the partials the template includes. Only own properties of a record are read. */
  partials?: PartialSource;
  /**
   * The name of the template being rendered, e.g. a prompt id. Used in error messages
   * and `details.template`, and in partial cycle detection.
   */
  template?: string;
}

/** What `analyzeTemplate` finds in a template without rendering it. */
export interface TemplateAnalysis {
  /** Data paths read, e.g. `post.title`, without loop locals or `@` variables, in order of use. */
  variables: string[];
  /** Names of the partials included. */
  partials: string[];
  /** Names of the filters used, `default` included. */
  filters: string[];
  /** Syntax errors with positions; empty when the template compiles. */
  errors: TemplateProblem[];
}

/** A template parsed once and renderable many times. */
export interface CompiledTemplate {
  /** The source it was compiled from. */
  readonly source: string;
  /** What the template uses, computed at compile time. */
  readonly analysis: TemplateAnalysis;
  /**
   * Renders with `data` as the root scope (its own properties are the root variables).
   * Throws a `TemplateError` when variables are missing, a filter fails, a
   * partial is missing or cyclic, or a limit is exceeded.
   */
  render(data: unknown, options?: RenderOptions): string;
}

/** Options of `createTemplateEngine`. */
export interface TemplateEngineOptions {
  /** Host filters, added to (or replacing) the built-in ones. `default` cannot be replaced. */
  filters?: Readonly<Record<string, TemplateFilter>>;
  /** Overrides of the default {@link TemplateLimits}. */
  limits?: Partial<TemplateLimits>;
  /** How many compiled templates to keep, least recently used dropped first. Default 500; 0 disables. */
  cacheSize?: number;
}

/** A template engine with its own filters, limits and compiled-template cache. */
export interface TemplateEngine {
  /** Compiles (or takes from the cache) and renders `source`. */
  render(source: string, data: unknown, options?: RenderOptions): string;
  /** Compiles `source`, or returns the cached template for the same source. Throws on syntax errors. */
  compile(source: string): CompiledTemplate;
  /**
   * Like `analyzeTemplate`, also reporting filters this engine does not know, built-in
   * filters given the wrong number of arguments, and `maxTemplateLength`.
   */
  analyze(source: string): TemplateAnalysis;
  /** Adds or replaces a filter; clears the cache so that templates see it. */
  registerFilter(name: string, filter: TemplateFilter): void;
}
