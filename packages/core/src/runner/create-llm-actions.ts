import { z } from 'zod';
import type { ProviderV1 } from '../contracts/provider/v1/provider-v1.js';
import type { StoreV1 } from '../contracts/store/v1/store-v1.js';
import { EventBus } from '../events/event-bus.js';
import { defaultIdGenerator, type IdGenerator } from '../runtime/ids.js';
import { parseOrThrow } from '../runtime/validate.js';
import { createTemplateEngine, type TemplateFilter, type TemplateLimits } from '../template/index.js';
import type { AuthorizeCallback, RunnerContext } from './context.js';
import { createLlmActionsApi, type LlmActions } from './llm-actions-api.js';
import { defaultPrices, type PriceTable } from './prices.js';
import type { ApplyCallback } from './proposals.js';
import { resolveRetryOptions, type RetryOptions, type TimeoutOptions } from './retry-policy.js';
import type { DiagnosticsOptions } from './run-recorder.js';
import type { Budget } from '../scale/budgets.js';
import type { Agent } from '../agent/define-agent.js';
import { createAgentRuntime, type AgentRuntime } from '../agent/agent-runtime.js';
import { RateLimiter, type RateLimit } from '../scale/rate-limiter.js';

/** Options of {@link createLlmActions}. */
export interface LlmActionsOptions {
  /** Provider plugins; model references pick one by its `id`. */
  providers: ProviderV1[];
  /** Where definitions, runs and proposals live (e.g. `createMemoryStore()`). */
  store: StoreV1;
  /** Prices per model (USD per million tokens), merged over the built-in table. */
  prices?: PriceTable;
  /** Decides who may invoke actions and apply proposals. Everything is allowed when absent. */
  authorize?: AuthorizeCallback;
  /** Writes an applied proposal into the host's data. Needed for `mode: 'apply'` and `proposals.apply`. */
  apply?: ApplyCallback;
  /** Extra secret keys and patterns to redact from stored diagnostics. */
  redact?: { keys?: string[]; patterns?: RegExp[] };
  /** Size limits of stored diagnostics. */
  diagnostics?: Omit<DiagnosticsOptions, 'keys' | 'patterns'>;
  /** Retry policy for provider calls. */
  retry?: RetryOptions;
  /** Per-attempt and per-run time limits. */
  timeouts?: TimeoutOptions;
  /** Template filters the host adds (pure functions). */
  filters?: Record<string, TemplateFilter>;
  /** Template rendering limits. */
  templateLimits?: Partial<TemplateLimits>;
  /** Rate limits by `provider/model` (or `provider/*`), shared by all runs of this instance. */
  rateLimits?: Record<string, RateLimit>;
  /** Spending limits checked before every provider call. */
  budgets?: Budget[];
  /** Agents `llm.agents` can start, resume, roll back and replay (see `defineAgent`). */
  agents?: Agent[];
  /** Clock in epoch milliseconds. Default `Date.now`. */
  clock?: () => number;
  /** Id generator for runs and proposals. */
  generateId?: IdGenerator;
}

const providerSchema = z.custom<ProviderV1>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    (value as ProviderV1).specificationVersion === 'v1' &&
    typeof (value as ProviderV1).id === 'string' &&
    typeof (value as ProviderV1).doGenerate === 'function',
  'expected a provider implementing contract v1 ({ specificationVersion: "v1", id, doGenerate })',
);

const storeSchema = z.custom<StoreV1>(
  (value) => typeof value === 'object' && value !== null && (value as StoreV1).specificationVersion === 'v1' && typeof (value as StoreV1).runs === 'object',
  'expected a store implementing contract v1 (e.g. createMemoryStore())',
);

const optionsSchema = z.object({
  providers: z.array(providerSchema).min(1, 'register at least one provider'),
  store: storeSchema,
  retry: z.object({ maxRetries: z.number().int().min(0).max(10).optional() }).passthrough().optional(),
  timeouts: z.object({ attemptMs: z.number().positive().optional(), runMs: z.number().positive().optional() }).optional(),
  rateLimits: z
    .record(z.string(), z.object({ requestsPerMinute: z.number().positive().optional(), tokensPerMinute: z.number().positive().optional() }))
    .optional(),
  budgets: z
    .array(
      z.object({
        scope: z.union([z.literal('global'), z.object({ actionId: z.string() }), z.object({ user: z.string() })]),
        period: z.enum(['day', 'month']),
        maxCostUsd: z.number().nonnegative(),
      }),
    )
    .optional(),
});

/**
 * Creates an `LlmActions` instance: the entry point for running actions, reviewing
 * proposals and reading run history.
 *
 * @example
 * ```ts
 * const llm = createLlmActions({ providers: [createOllama()], store: createMemoryStore() });
 * const { output, proposal } = await llm.run(summarize, { type: 'idea', id: '1', fields: { idea_seed: '...' } });
 * ```
 */
export function createLlmActions(options: LlmActionsOptions): LlmActions {
  parseOrThrow(optionsSchema, options, 'createLlmActions options');
  const providers = new Map<string, ProviderV1>();
  for (const provider of options.providers) {
    if (providers.has(provider.id)) {
      parseOrThrow(z.never(), provider.id, `createLlmActions options: two providers share the id "${provider.id}"; give one another id`);
    }
    providers.set(provider.id, provider);
  }
  const context: RunnerContext = {
    store: options.store,
    providers,
    events: new EventBus(),
    templates: createTemplateEngine({ ...(options.filters ? { filters: options.filters } : {}), ...(options.templateLimits ? { limits: options.templateLimits } : {}) }),
    prices: { ...defaultPrices, ...options.prices },
    retry: resolveRetryOptions(options.retry),
    timeouts: { attemptMs: options.timeouts?.attemptMs ?? 120_000, runMs: options.timeouts?.runMs ?? 300_000 },
    diagnostics: { ...options.diagnostics, ...options.redact },
    clock: options.clock ?? Date.now,
    generateId: options.generateId ?? defaultIdGenerator,
    ...(options.authorize ? { authorize: options.authorize } : {}),
    ...(options.apply ? { apply: options.apply } : {}),
    ...(options.rateLimits ? { limiter: new RateLimiter(options.rateLimits, options.clock ?? Date.now) } : {}),
    budgets: options.budgets ?? [],
  };
  const api = createLlmActionsApi(context) as LlmActions;
  // The agent runtime shares this instance's options and event bus; it is created on first
  // use, so stores without the "agents" capability fail only when agents are used.
  let runtime: AgentRuntime | undefined;
  Object.defineProperty(api, 'agents', {
    enumerable: true,
    get: () => (runtime ??= createAgentRuntime({ ...options, llm: api })),
  });
  return api;
}
