import type { ProviderV1 } from '../contracts/provider/v1/provider-v1.js';
import type { AgentRepositoryV1 } from '../contracts/store/v1/agent-repository-v1.js';
import type { StoreV1 } from '../contracts/store/v1/store-v1.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { EventBus } from '../events/event-bus.js';
import type { LlmActionsEventMap } from '../events/event-types.js';
import { createLlmActions, type LlmActionsOptions } from '../runner/create-llm-actions.js';
import type { AuthorizeCallback } from '../runner/context.js';
import type { LlmActions } from '../runner/llm-actions-api.js';
import { defaultPrices, type PriceTable } from '../runner/prices.js';
import type { ApplyCallback } from '../runner/proposals.js';
import { resolveRetryOptions, type ResolvedRetryOptions } from '../runner/retry-policy.js';
import type { DiagnosticsOptions } from '../runner/run-recorder.js';
import { createId, defaultIdGenerator, type IdGenerator } from '../runtime/ids.js';
import type { Agent } from './define-agent.js';

/** Options of `createAgentRuntime`: those of `createLlmActions`, plus the agents. */
export interface AgentRuntimeOptions extends LlmActionsOptions {
  /** Agents this runtime can start and resume; resume finds a run's agent by its id. */
  agents?: Agent[];
  /**
   * An `LlmActions` instance created from these same options, to share its event bus.
   * Created from the options when absent (and available as `runtime.llm`).
   */
  llm?: LlmActions;
  /** Ids of agent runs, steps and snapshots. Default: sortable ids `agentrun_…`, `step_…`, `snap_…`. */
  generateAgentId?: (kind: 'agent-run' | 'step' | 'snapshot') => string;
}

/** Everything the agent runtime's functions share. */
export interface AgentContext {
  llm: LlmActions;
  store: StoreV1;
  repository: AgentRepositoryV1;
  providers: ReadonlyMap<string, ProviderV1>;
  events: EventBus;
  retry: ResolvedRetryOptions;
  timeouts: { attemptMs: number; runMs: number };
  prices: PriceTable;
  diagnostics: DiagnosticsOptions;
  clock: () => number;
  authorize?: AuthorizeCallback;
  apply?: ApplyCallback;
  generateRunId: IdGenerator;
  generateAgentId(kind: 'agent-run' | 'step' | 'snapshot'): string;
  /** Agents by id. */
  registry: Map<string, Agent>;
}

const prefixes = { 'agent-run': 'agentrun_', step: 'step_', snapshot: 'snap_' } as const;

/** Builds the runtime's context; `INVALID_INPUT` when the store cannot keep agent runs. */
export function createAgentContext(options: AgentRuntimeOptions): AgentContext {
  const llm = options.llm ?? createLlmActions(options);
  const store = options.store;
  if (store.capabilities.agents?.supported !== true || !store.agents) {
    const reason = store.capabilities.agents?.supported === false ? ` (${store.capabilities.agents.reason})` : '';
    throw new LlmActionsError({
      code: 'INVALID_INPUT',
      message: `The store "${store.name}" does not support agents${reason}; use a store that declares the "agents" capability, e.g. createMemoryStore().`,
      details: { store: store.name },
    });
  }
  const clock = options.clock ?? Date.now;
  const registry = new Map<string, Agent>();
  for (const agent of options.agents ?? []) registry.set(agent.id, agent);
  return {
    llm,
    store,
    repository: store.agents,
    providers: new Map(options.providers.map((provider) => [provider.id, provider])),
    events: llm.events,
    retry: resolveRetryOptions(options.retry),
    timeouts: { attemptMs: options.timeouts?.attemptMs ?? 120_000, runMs: options.timeouts?.runMs ?? 300_000 },
    prices: { ...defaultPrices, ...options.prices },
    diagnostics: { ...options.diagnostics, ...options.redact },
    clock,
    ...(options.authorize ? { authorize: options.authorize } : {}),
    ...(options.apply ? { apply: options.apply } : {}),
    generateRunId: options.generateId ?? defaultIdGenerator,
    generateAgentId: options.generateAgentId ?? ((kind) => createId(prefixes[kind], clock())),
    registry,
  };
}

/** The current time of the context as an ISO string. */
export function agentNow(context: Pick<AgentContext, 'clock'>): string {
  return new Date(context.clock()).toISOString();
}

/** Emits one agent event on the instance's bus. */
export function emitAgentEvent<TType extends keyof LlmActionsEventMap>(
  context: Pick<AgentContext, 'events' | 'clock'>,
  runId: string,
  type: TType,
  data: LlmActionsEventMap[TType],
): void {
  context.events.emit({ type, at: agentNow(context), runId, data } as never);
}
