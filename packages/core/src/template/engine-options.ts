import { LlmActionsError } from '../errors/index.js';
import type { TemplateFilter, TemplateLimits } from './template-types.js';

/** The limits an engine uses unless `createTemplateEngine({ limits })` overrides them. */
export const defaultTemplateLimits: Readonly<TemplateLimits> = Object.freeze({
  maxOutputLength: 1_000_000,
  maxLoopIterations: 10_000,
  maxPartialDepth: 10,
  maxPartialIncludes: 100_000,
  maxTemplateLength: 100_000,
});

const filterNamePattern = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function invalid(message: string): LlmActionsError {
  return new LlmActionsError({ code: 'INVALID_INPUT', message: `[llm-actions/core] ${message}` });
}

/** Merges overrides into the defaults; each limit must be a whole number of 0 or more (or `Infinity`). */
export function resolveLimits(overrides: Partial<TemplateLimits> | undefined): TemplateLimits {
  const limits: TemplateLimits = { ...defaultTemplateLimits };
  if (overrides === undefined) return limits;
  if (typeof overrides !== 'object' || overrides === null) throw invalid('`limits` must be an object of numbers');
  for (const [name, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(defaultTemplateLimits, name)) {
      throw invalid(`unknown template limit "${name}": use ${Object.keys(defaultTemplateLimits).join(', ')}`);
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || value < 0 || !(Number.isInteger(value) || value === Number.POSITIVE_INFINITY)) {
      throw invalid(`template limit "${name}" must be a whole number of 0 or more, got ${String(value)}`);
    }
    limits[name as keyof TemplateLimits] = value;
  }
  return limits;
}

/** Checks `cacheSize`: a whole number of 0 or more, 500 by default. */
export function resolveCacheSize(cacheSize: number | undefined): number {
  if (cacheSize === undefined) return 500;
  if (typeof cacheSize !== 'number' || !Number.isInteger(cacheSize) || cacheSize < 0) {
    throw invalid(`\`cacheSize\` must be a whole number of 0 or more, got ${String(cacheSize)}`);
  }
  return cacheSize;
}

/** Checks a host filter's name and type before it is registered. */
export function checkFilter(name: unknown, filter: unknown): asserts filter is TemplateFilter {
  if (typeof name !== 'string' || !filterNamePattern.test(name)) {
    throw invalid(`invalid filter name ${JSON.stringify(String(name))}: use letters, digits, "_" and "-", starting with a letter`);
  }
  if (name === 'default') throw invalid('`default` is part of the template language and cannot be replaced: choose another name');
  if (typeof filter !== 'function') throw invalid(`filter "${name}" must be a function (value, ...args) => result`);
}
