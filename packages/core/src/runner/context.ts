import type { ProviderV1 } from '../contracts/provider/v1/provider-v1.js';
import type { StoreV1 } from '../contracts/store/v1/store-v1.js';
import type { EventBus } from '../events/event-bus.js';
import type { IdGenerator } from '../runtime/ids.js';
import type { TemplateEngine } from '../template/index.js';
import type { PriceTable } from './prices.js';
import type { ApplyCallback } from './proposals.js';
import type { ResolvedRetryOptions } from './retry-policy.js';
import type { DiagnosticsOptions } from './run-recorder.js';
import type { Budget } from '../scale/budgets.js';
import type { Limiter } from '../scale/rate-limiter.js';

/** Operations the host's `authorize` callback is asked about. */
export type Permission = 'action:invoke' | 'action:edit' | 'proposal:apply' | 'agent:approve' | 'agent:rollback';

/** What an operation acts on, passed to `authorize`. */
export interface AuthorizeResource {
  type: 'action' | 'prompt' | 'binding' | 'proposal' | 'agent-run';
  id: string;
  /** The action definition, proposal or other record concerned. */
  record?: unknown;
}

/** Decides whether `user` may do `permission` on `resource`. Return false (or throw) to refuse. */
export type AuthorizeCallback = (
  user: string | undefined,
  permission: Permission,
  resource: AuthorizeResource,
) => boolean | Promise<boolean>;

/** Shared state of one `LlmActions` instance, passed to the runner's functions. */
export interface RunnerContext {
  store: StoreV1;
  providers: ReadonlyMap<string, ProviderV1>;
  events: EventBus;
  templates: TemplateEngine;
  prices: PriceTable;
  retry: ResolvedRetryOptions;
  timeouts: { attemptMs: number; runMs: number };
  diagnostics: DiagnosticsOptions;
  clock: () => number;
  generateId: IdGenerator;
  authorize?: AuthorizeCallback;
  apply?: ApplyCallback;
  /** Shared by every run of the instance; absent when no limits are configured. */
  limiter?: Limiter;
  budgets: Budget[];
}

/** The current time of the context as an ISO string. */
export function nowIso(context: Pick<RunnerContext, 'clock'>): string {
  return new Date(context.clock()).toISOString();
}
