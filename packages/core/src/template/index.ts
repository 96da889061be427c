/**
 * The prompt template language: `{{ path }}` interpolation with filters, `{{#if}}` and
 * `{{#each}}` blocks, comments and partials, for text sent to models (not HTML).
 *
 * Rules a template author can rely on:
 * - Nothing is escaped. Strings render as they are, numbers, booleans and bigints
 *   through `String`, dates as ISO 8601. Objects and arrays must go through a filter
 *   (`| json`, `| join`); rendering one directly is a `TEMPLATE_FILTER` error, as is
 *   `{{#each}}` over something that is not an array.
 * - Strict: `null`, `undefined`, absent properties and functions are all "missing".
 *   A render collects every missing variable (with 1-based line and column of its tag)
 *   and throws one `TEMPLATE_MISSING_VARIABLE` error. A variable is optional only
 *   through `| default: "…"` (which also replaces `''`) or inside an `{{#if}}` that
 *   tests it; testing a missing variable in `{{#if}}` is never an error.
 * - Filters skip missing values until a `default` supplies one; a filter returning
 *   `null` or `undefined` makes the value missing.
 * - Whitespace is kept verbatim: no trimming and no removal of lines holding only a
 *   block tag. `\{{` renders `{{`; `\\{{ x }}` renders a backslash and the value.
 *   A stray `}}` is plain text, so JSON needs no escaping unless it contains `{{`.
 * - Safety: only own data properties are read (no getters, nothing inherited); the
 *   path segments `__proto__`, `constructor` and `prototype` are a syntax error; functions
 *   in the data are never called; `json` ignores `toJSON`. Every render is bounded by
 *   {@link TemplateLimits} (`TEMPLATE_LIMIT` when exceeded).
 * - Partials render in the caller's scope (loop locals included); a cycle or a missing
 *   partial is `TEMPLATE_PARTIAL`.
 */
export { analyzeTemplate } from './analyze-template.js';
export { builtinFilters } from './builtin-filters.js';
export { defaultTemplateLimits } from './engine-options.js';
export { createTemplateEngine, renderTemplate } from './template-engine.js';
export type {
  CompiledTemplate,
  PartialSource,
  RenderOptions,
  TemplateAnalysis,
  TemplateEngine,
  TemplateEngineOptions,
  TemplateFilter,
  TemplateLimits,
} from './template-types.js';
