import { analyzeParsed, assertSource } from './analyze-template.js';
import { builtinFilters, createJsonFilter } from './builtin-filters.js';
import { compileNodes } from './compiler.js';
import { checkFilter, resolveCacheSize, resolveLimits } from './engine-options.js';
import { LruCache } from './lru-cache.js';
import { parseTemplate } from './parser.js';
import type { RenderFunction, RenderState } from './render-state.js';
import { filterError, filterProblems, missingVariablesError, syntaxError, templateTooLongError } from './template-errors.js';
import type { CompiledTemplate, RenderOptions, TemplateAnalysis, TemplateEngine, TemplateEngineOptions, TemplateFilter } from './template-types.js';

interface CacheEntry {
  template: CompiledTemplate;
  run: RenderFunction;
}

/**
 * Creates a template engine with its own filters, limits and cache of compiled
 * templates (by source, least recently used dropped first).
 *
 * @example
 * ```ts
 * const engine = createTemplateEngine({
 *   filters: { slug: (value) => String(value).toLowerCase().replaceAll(' ', '-') },
 *   limits: { maxOutputLength: 200_000 },
 * });
 * engine.render('Summarize "{{ post.title | slug }}":\n{{ post.body | truncate: 2000 }}', {
 *   post: { title: 'Hello World', body: '…' },
 * });
 * // 'Summarize "hello-world":\n…'
 * ```
 */
export function createTemplateEngine(options: TemplateEngineOptions = {}): TemplateEngine {
  const limits = resolveLimits(options.limits);
  const cache = new LruCache<string, CacheEntry>(resolveCacheSize(options.cacheSize));
  const filters = new Map<string, TemplateFilter>(Object.entries(builtinFilters));
  filters.set('json', createJsonFilter(limits.maxOutputLength));
  for (const [name, filter] of Object.entries(options.filters ?? {})) {
    checkFilter(name, filter);
    filters.set(name, filter);
  }

  const compileEntry = (source: string, name?: string): CacheEntry => {
    assertSource(source);
    const cached = cache.get(source);
    if (cached !== undefined) return cached;
    if (source.length > limits.maxTemplateLength) throw templateTooLongError(source.length, limits.maxTemplateLength, name);
    const parsed = parseTemplate(source);
    if (parsed.problems.length > 0) throw syntaxError(parsed.problems, name);
    const { variables, partials, filters: used, filterCalls } = analyzeParsed(parsed);
    const badFilters = filterProblems(filterCalls, filters);
    if (badFilters.length > 0) throw filterError(badFilters, name);
    const entry: CacheEntry = {
      run: compileNodes(parsed.nodes, filters),
      template: {
        source,
        analysis: Object.freeze({ variables, partials, filters: used, errors: [] }),
        render: (data, renderOptions) => run(entry, data, renderOptions),
      },
    };
    cache.set(source, entry);
    return entry;
  };
  const compilePartial = (source: string): RenderFunction => compileEntry(source).run;

  const run = (entry: CacheEntry, data: unknown, renderOptions: RenderOptions = {}): string => {
    const { partials, template } = renderOptions;
    const state: RenderState = {
      output: '',
      data,
      limits,
      partials,
      compilePartial,
      missing: [],
      iterations: 0,
      partialIncludes: 0,
      partialStack: template === undefined ? [] : [template],
      partial: undefined,
      template,
    };
    entry.run(state, undefined);
    if (state.missing.length > 0) throw missingVariablesError(state.missing, template);
    return state.output;
  };

  return {
    render: (source, data, renderOptions) => run(compileEntry(source, renderOptions?.template), data, renderOptions),
    compile: (source) => compileEntry(source).template,
    analyze: (source) => analyzeWith(source, filters, limits.maxTemplateLength),
    registerFilter: (name, filter) => {
      checkFilter(name, filter);
      filters.set(name, filter);
      // Compiled templates bind filters at compile time.
      cache.clear();
    },
  };
}

function analyzeWith(source: string, filters: ReadonlyMap<string, TemplateFilter>, maxTemplateLength: number): TemplateAnalysis {
  assertSource(source);
  if (source.length > maxTemplateLength) {
    const { problems } = templateTooLongError(source.length, maxTemplateLength);
    return { variables: [], partials: [], filters: [], errors: problems };
  }
  const { variables, partials, filters: used, errors, filterCalls } = analyzeParsed(parseTemplate(source));
  const all = [...errors, ...filterProblems(filterCalls, filters)].sort((left, right) => left.line - right.line || left.column - right.column);
  return { variables, partials, filters: used, errors: all };
}

let defaultEngine: TemplateEngine | undefined;

/**
 * Renders `source` with a shared engine that has the built-in filters and default
 * limits. Use `createTemplateEngine` for host filters or other limits.
 *
 * @example
 * ```ts
 * renderTemplate('Hello {{ user.name | default: "there" }}!', { user: {} }); // 'Hello there!'
 * ```
 */
export function renderTemplate(source: string, data: unknown, options?: RenderOptions): string {
  defaultEngine ??= createTemplateEngine();
  return defaultEngine.render(source, data, options);
}

