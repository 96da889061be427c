import type { ProviderV1Message } from '../contracts/provider/v1/provider-v1-message.js';
import type { RunListQueryV1, RunPageV1, UsageGroupKeyV1, UsageQueryV1, UsageRowV1 } from '../contracts/store/v1/run-repository-v1.js';
import type { ProposalListQueryV1 } from '../contracts/store/v1/proposal-repository-v1.js';
import type { LabelMoveV1, LabelTargetV1, VersionSelectorV1 } from '../contracts/store/v1/versioned-repository-v1.js';
import type { Action } from '../define/define-action.js';
import type { EventBus } from '../events/event-bus.js';
import type { AgentRuntime } from '../agent/agent-runtime.js';
import type { ActionRecord } from '../schemas/action.js';
import { bindingDefinitionSchema, type Binding, type BindingDefinition } from '../schemas/binding.js';
import { subjectSchema, type Subject } from '../schemas/common.js';
import { promptDefinitionSchema, type Prompt, type PromptDefinition } from '../schemas/prompt.js';
import type { Proposal } from '../schemas/proposal.js';
import type { Run } from '../schemas/run.js';
import { parseOrThrow } from '../runtime/validate.js';
import { ensureAllowed } from './authorize.js';
import { nowIso, type RunnerContext } from './context.js';
import { executeAction, prepareRun } from './execute-action.js';
import { applyProposal, rejectProposal } from './proposal-service.js';
import { recoverStaleRuns } from './recover-stale-runs.js';
import { resolveAction, saveAction, type ActionRef } from './resolve-action.js';
import type { RunOptions, RunResult } from './run-types.js';
import { testCases, testOnSample, type ActionTestCaseResult } from './test-action.js';
import type { Chain, ChainResult, ChainStep } from '../scale/chain.js';
import { runChain } from '../scale/run-chain.js';
import { runMany, type BatchResult, type RunManyOptions } from '../scale/run-many.js';

/** What `preview` shows: exactly what the model would receive, without calling it. */
export interface RunPreview {
  actionId: string;
  actionVersion?: number;
  model: string;
  messages: ProviderV1Message[];
  input: Record<string, unknown>;
}

/** An `LlmActions` instance, created by `createLlmActions`. */
export interface LlmActions {
  /** The typed event bus: every step of every run. */
  readonly events: EventBus;
  /** Runs an action on a subject: the whole walk, recorded as a run. */
  run<TOutput>(action: ActionRef<TOutput>, subject: Subject, options?: RunOptions): Promise<RunResult<TOutput>>;
  /**
   * Runs one action over many subjects with bounded concurrency: a parent run of kind
   * `batch`, one `batch-item` run per subject, `batch:progress` events. `dryRun` renders
   * and estimates only; `resume` skips subjects already done with this action version;
   * aborting the signal stops starting new items and cancels the ones in flight.
   */
  runMany<TOutput>(action: ActionRef<TOutput>, subjects: Subject[], options?: RunManyOptions): Promise<BatchResult<TOutput>>;
  /** Runs a chain of actions; see `chain()`. Step failures are reported in the result, not thrown. */
  runChain<TSteps extends readonly ChainStep[]>(chain: Chain<TSteps>, subject: Subject, options?: Omit<RunOptions, 'parentRunId'>): Promise<ChainResult<TSteps>>;
  /** Renders the messages the model would see, without storing or calling anything. */
  preview(action: ActionRef, subject: Subject, options?: Pick<RunOptions, 'context' | 'user'>): Promise<RunPreview>;
  /** Runs an unsaved draft on sample fields; stored with kind `test`, proposes nothing. */
  test<TOutput>(draft: Action<TOutput>, fields: Record<string, unknown>, options?: RunOptions): Promise<RunResult<TOutput>>;
  /** Runs every test case of a draft and reports which passed. */
  testCases(draft: Action<unknown>, options?: RunOptions): Promise<ActionTestCaseResult[]>;
  /** Saved action versions. */
  readonly actions: {
    save(definition: Action<unknown>, options?: { user?: string }): Promise<ActionRecord>;
    get(ref: string): Promise<ActionRecord | undefined>;
    list(): Promise<ActionRecord[]>;
    versions(id: string): Promise<ActionRecord[]>;
    /** Points a label at a version, or splits it between versions by weight (A/B); audited. */
    setLabel(id: string, label: string, target: LabelTargetV1, options?: { user?: string }): Promise<void>;
    labels(id: string): Promise<Record<string, LabelTargetV1>>;
    /** Every move of the action's labels: who, when, from, to. */
    labelHistory(id: string): Promise<LabelMoveV1[]>;
  };
  /** Saved prompts (partials and reusable templates). */
  readonly prompts: {
    save(definition: PromptDefinition, options?: { user?: string }): Promise<Prompt>;
    get(id: string, selector?: VersionSelectorV1): Promise<Prompt | undefined>;
    list(): Promise<Prompt[]>;
  };
  /** Which action fills which field. */
  readonly bindings: {
    set(binding: BindingDefinition): Promise<Binding>;
    get(subjectType: string, field: string): Promise<Binding | undefined>;
    list(query?: { subjectType?: string; actionId?: string }): Promise<Binding[]>;
    delete(subjectType: string, field: string): Promise<boolean>;
  };
  /** Review: apply or reject what runs proposed. */
  readonly proposals: {
    get(id: string): Promise<Proposal | undefined>;
    list(query?: ProposalListQueryV1): Promise<{ items: Proposal[]; nextCursor?: string }>;
    apply(id: string, options?: { by?: string }): Promise<Proposal>;
    reject(id: string, options?: { by?: string; note?: string }): Promise<Proposal>;
  };
  /** Run history. */
  readonly runs: {
    get(id: string): Promise<Run | undefined>;
    list(query?: RunListQueryV1): Promise<RunPageV1>;
  };
  /** Usage and cost analytics, computed in the store. */
  readonly usage: {
    /**
     * Runs, success rate, latency p50/p95, tokens and cost per group, for runs created
     * in `[from, to)`. Group by one key or several: action, model, variant, user, day.
     */
    summary(query: Omit<UsageQueryV1, 'groupBy'> & { groupBy?: UsageGroupKeyV1 | UsageGroupKeyV1[] }): Promise<UsageRowV1[]>;
  };
  /**
   * The agent runtime over this instance: `llm.agents.start(agent, goal, { user })`,
   * `approve`, `resume`, `rollback`, `replay`, skills. Needs a store with the `agents` capability.
   */
  readonly agents: AgentRuntime;
  /** Marks runs left `running` by a stopped process as `interrupted`; returns their ids. */
  recoverStaleRuns(options?: { olderThanMs?: number }): Promise<string[]>;
}

/** Builds the public object over a runner context. */
export function createLlmActionsApi(context: RunnerContext): Omit<LlmActions, 'agents'> {
  const validSubject = (subject: Subject): Subject => parseOrThrow(subjectSchema, subject, 'subject');
  return {
    events: context.events,
    async run(action, subject, options = {}) {
      const valid = validSubject(subject);
      const resolved = await resolveAction(context, action, { save: true, subject: valid });
      await ensureAllowed(context, options.user, 'action:invoke', { type: 'action', id: resolved.action.id, record: resolved.action });
      return executeAction(context, resolved, valid, options, 'action') as Promise<RunResult<never>>;
    },
    async runMany(action, subjects, options = {}) {
      if (!Array.isArray(subjects)) parseOrThrow(subjectSchema.array(), subjects, 'subjects');
      const valid = subjects.map((subject) => validSubject(subject));
      const save = options.dryRun !== true;
      const resolved = await resolveAction(context, action, { save });
      await ensureAllowed(context, options.user, 'action:invoke', { type: 'action', id: resolved.action.id, record: resolved.action });
      // Inline definitions and plain refs resolve the same for every subject; split labels do not.
      const perSubject = typeof action === 'string' && action.includes('@');
      const resolve = (subject?: Subject) => (perSubject && subject ? resolveAction(context, action, { save, subject }) : Promise.resolve(resolved));
      return runMany(context, resolve, valid, options) as Promise<BatchResult<never>>;
    },
    async runChain(chain, subject, options = {}) {
      return runChain(context, chain, validSubject(subject), options);
    },
    async preview(action, subject, options = {}) {
      const valid = validSubject(subject);
      const resolved = await resolveAction(context, action, { save: false, subject: valid });
      await ensureAllowed(context, options.user, 'action:invoke', { type: 'action', id: resolved.action.id, record: resolved.action });
      const prepared = await prepareRun(context, resolved, valid, options);
      return {
        actionId: resolved.action.id,
        ...(resolved.action.version !== undefined ? { actionVersion: resolved.action.version } : {}),
        model: resolved.action.model,
        messages: prepared.messages,
        input: prepared.input,
      };
    },
    async test(draft, fields, options = {}) {
      const resolved = await resolveAction(context, draft, { save: false });
      await ensureAllowed(context, options.user, 'action:invoke', { type: 'action', id: resolved.action.id, record: resolved.action });
      return testOnSample(context, resolved, fields, options) as Promise<RunResult<never>>;
    },
    async testCases(draft, options = {}) {
      const resolved = await resolveAction(context, draft, { save: false });
      await ensureAllowed(context, options.user, 'action:invoke', { type: 'action', id: resolved.action.id, record: resolved.action });
      return testCases(context, resolved, options);
    },
    actions: {
      async save(definition, options = {}) {
        await ensureAllowed(context, options.user, 'action:edit', { type: 'action', id: String(definition?.id), record: definition });
        return saveAction(context, definition);
      },
      get: async (ref) => (await resolveAction(context, ref, { save: false }).catch(() => undefined))?.action as ActionRecord | undefined,
      list: () => context.store.actions.list(),
      versions: (id) => context.store.actions.versions(id),
      async setLabel(id, label, target, options = {}) {
        await ensureAllowed(context, options.user, 'action:edit', { type: 'action', id });
        await context.store.actions.setLabel(id, label, target, { at: nowIso(context), ...(options.user !== undefined ? { by: options.user } : {}) });
      },
      labels: (id) => context.store.actions.labels(id),
      labelHistory: (id) => context.store.actions.labelHistory(id),
    },
    prompts: {
      async save(definition, options = {}) {
        const valid = parseOrThrow(promptDefinitionSchema, definition, 'prompt', 'INVALID_DEFINITION');
        await ensureAllowed(context, options.user, 'action:edit', { type: 'prompt', id: valid.id, record: valid });
        const latest = await context.store.prompts.get(valid.id);
        if (latest && latest.template === valid.template && latest.description === valid.description) return latest;
        return context.store.prompts.create({ ...valid, createdAt: nowIso(context) });
      },
      get: (id, selector) => context.store.prompts.get(id, selector),
      list: () => context.store.prompts.list(),
    },
    bindings: {
      set: (binding) => context.store.bindings.create({ ...parseOrThrow(bindingDefinitionSchema, binding, 'binding', 'INVALID_DEFINITION'), createdAt: nowIso(context) }),
      get: (subjectType, field) => context.store.bindings.get(subjectType, field),
      list: (query) => context.store.bindings.list(query),
      delete: (subjectType, field) => context.store.bindings.delete(subjectType, field),
    },
    proposals: {
      get: (id) => context.store.proposals.get(id),
      list: (query) => context.store.proposals.list(query),
      apply: (id, options) => applyProposal(context, id, options),
      reject: (id, options) => rejectProposal(context, id, options),
    },
    runs: {
      get: (id) => context.store.runs.get(id),
      list: (query) => context.store.runs.list(query),
    },
    usage: {
      summary: ({ groupBy = [], ...query }) => context.store.runs.usage({ ...query, groupBy: Array.isArray(groupBy) ? groupBy : [groupBy] }),
    },
    recoverStaleRuns: (options) => recoverStaleRuns(context, options),
  };
}
