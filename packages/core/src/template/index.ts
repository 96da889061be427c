/**
 * The prompt template language: `{{ path }}` interpolation with filters, `{{#if}}` and
 * `{{#each}}` blocks, comments and partials, for text sent to models (not HTML).
 *
 * Rules a template author can rely on:
 * - Nothing is escaped. Strings render as they are; numbers, booleans and bigints
 *   through `String`; dates as ISO 8601. Objects and arrays must go through a filter
 *   (`| json`, `| join`): rendering one directly is a `TEMPLATE_FILTER` error, as is
 *   `{{#each}}` over something that is not an array.
 * - Strict: `null`, `undefined`, absent properties and functions are all "missing".
 *   A render collects every missing variable (with the 1-based line and column of its
 *   tag, once per tag even inside loops) and throws one `TEMPLATE_MISSING_VARIABLE`
 *   error naming them all. A variable is optional only through `| default: "…"` (which
 *   also replaces `''`) or inside an `{{#if}}` that tests it: testing a missing
 *   variable is never an error, and `{{#each}}` over a missing list is.
 * - Filters skip a missing value until a `default` supplies one; a filter returning
 *   `null` or `undefined` makes the value missing. Arguments are literals only: quoted
 *   strings (`"` or `'`, with `\n`, `\t`, `\r` and `\`-escapes) and numbers. Unknown
 *   filters and wrong argument counts of built-ins fail at compile time.
 * - Blocks: `{{#if x}}…{{else if y}}…{{else}}…{{/if}}`, `{{#each list as item}}…{{else}}(empty
 *   list){{/each}}` with `@index` (from 0), `@first` and `@last` of the innermost loop;
 *   at most 100 levels of nesting. Comments: `{{! … }}` ends at the first `}}`,
 *   `{{!-- … --}}` may contain `}}`.
 * - Whitespace is kept verbatim: no trimming and no removal of lines holding only a
 *   block tag. `\{{` renders `{{`; `\\{{ x }}` renders a backslash and the value.
 *   A stray `}}` is plain text, so JSON needs no escaping unless it contains `{{`.
 * - Safety: only own data properties are read (getters are never run, nothing is
 *   inherited); the path segments `__proto__`, `constructor` and `prototype` are a
 *   `TEMPLATE_SYNTAX` error wherever they appear; functions in the data are never
 *   called; `json` ignores `toJSON`. Every render is bounded by {@link TemplateLimits}
 *   (`TEMPLATE_LIMIT` when exceeded).
 * - Partials (`{{> prompt-id}}`) render in the caller's scope, loop locals included. A
 *   missing partial or a cycle among the partials being rendered is `TEMPLATE_PARTIAL`.
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
