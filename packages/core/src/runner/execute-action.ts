import { LlmActionsError } from '../errors/llm-actions-error.js';
import { resolveModel } from '../model/model-reference.js';
import { linkedController } from '../runtime/abort.js';
import type { ProviderV1Request } from '../contracts/provider/v1/provider-v1-request.js';
import type { Subject, Usage } from '../schemas/common.js';
import type { Run, RunKind } from '../schemas/run.js';
import { buildScope, checkScope } from './build-scope.js';
import { callProvider } from './call-provider.js';
import { nowIso, type RunnerContext } from './context.js';
import { finishFailedRun, finishSucceededRun } from './finish-run.js';
import { CoreTimeout } from './normalize-provider-error.js';
import { parseOutput, repairInstruction } from './parse-output.js';
import { addUsage } from './prices.js';
import { applyProposal } from './proposal-service.js';
import { buildProposal } from './proposals.js';
import { renderMessages } from './render-messages.js';
import type { ResolvedAction } from './resolve-action.js';
import { RunRecorder } from './run-recorder.js';
import { enforceBudgets } from '../scale/budgets.js';
import { estimateRun } from '../scale/estimate.js';
import { ProviderError } from '../errors/provider-error.js';
import type { RunOptions, RunResult } from './run-types.js';

/** Mutable facts gathered while a run executes, used to finish it either way. */
export interface RunProgress {
  attempts: number;
  usage?: Usage;
  raw?: string;
  firstTokenAt?: string;
}

/** Steps 2-4 of the walk: scope checks, sources and rendered messages. No store writes. */
export async function prepareRun(
  context: RunnerContext,
  resolved: ResolvedAction,
  subject: Subject,
  options: RunOptions,
  extraScope: Record<string, unknown> = {},
) {
  const { action } = resolved;
  checkScope(action, subject);
  const now = nowIso(context);
  const { scope, input } = buildScope(action, subject, options.context ?? {}, now);
  Object.assign(scope, extraScope);
  const messages = await renderMessages(context, action, scope);
  const model = resolveModel(action.model, context.providers);
  const request: Omit<ProviderV1Request, 'signal'> = {
    model: model.modelId,
    messages,
    settings: action.settings,
    responseFormat:
      action.output.format === 'json'
        ? { type: 'json', ...(action.output.schema ? { schema: action.output.schema } : {}), name: action.id.replace(/[^A-Za-z0-9_-]/g, '_') }
        : { type: 'text' },
  };
  return { now, input, messages, provider: model.provider, request };
}

/** Steps 5-9 of the walk: store the run, call the model, validate, propose, finish. */
export async function executeAction(
  context: RunnerContext,
  resolved: ResolvedAction,
  subject: Subject,
  options: RunOptions,
  kind: RunKind,
  extraScope: Record<string, unknown> = {},
): Promise<RunResult> {
  const { action, zodSchema } = resolved;
  if (options.mode === 'apply' && !context.apply) {
    throw new LlmActionsError({
      code: 'APPLY_FAILED',
      message: 'mode "apply" needs an apply callback: createLlmActions({ apply: ({ subject, field, value }) => ... }).',
    });
  }
  const prepared = await prepareRun(context, resolved, subject, options, extraScope);
  const runId = context.generateId('run');
  const recorder = new RunRecorder(
    context.events,
    { runId, actionId: action.id, ...(options.parentRunId ? { parentRunId: options.parentRunId } : {}) },
    context.clock,
    context.diagnostics,
  );
  recorder.emit('run:start', {
    kind,
    ...(action.version !== undefined ? { actionVersion: action.version } : {}),
    subject: { type: subject.type, id: subject.id },
    model: action.model,
    ...(options.user !== undefined ? { user: options.user } : {}),
    settings: action.settings,
    outputFormat: action.output.format,
    ...(resolved.variant !== undefined ? { variant: resolved.variant } : {}),
  });
  recorder.emit('run:prompt', { messages: prepared.messages });
  const run: Run = {
    id: runId,
    kind,
    actionId: action.id,
    ...(action.version !== undefined ? { actionVersion: action.version } : {}),
    subject: { type: subject.type, id: subject.id },
    input: prepared.input,
    messages: prepared.messages.map(({ role, content }) => ({ role, content })),
    model: action.model,
    settings: action.settings,
    status: 'running',
    attempts: 0,
    timings: { queuedAt: prepared.now, startedAt: nowIso(context) },
    events: [...recorder.events],
    ...(options.user !== undefined ? { user: options.user } : {}),
    ...(resolved.variant !== undefined ? { variant: resolved.variant } : {}),
    ...(options.parentRunId !== undefined ? { parentRunId: options.parentRunId } : {}),
    tags: options.tags ?? [],
    createdAt: prepared.now,
    updatedAt: prepared.now,
  };
  try {
    await context.store.runs.create(run);
  } catch (error) {
    // Nothing was stored, but listeners saw the start: close the run on the bus too.
    const message = error instanceof Error ? error.message : String(error);
    recorder.emit('run:error', { error: { code: 'STORE_ERROR', message } });
    recorder.emit('run:finish', { status: 'failed', attempts: 0, durationMs: 0 });
    throw LlmActionsError.isInstance(error)
      ? error
      : new LlmActionsError({ code: 'STORE_ERROR', message: `The run could not be stored, so the model was not called: ${message}`, cause: error });
  }

  const runMs = options.timeouts?.runMs ?? context.timeouts.runMs;
  const runController = linkedController(options.signal);
  const runTimer = setTimeout(() => runController.abort(new CoreTimeout('run', runMs)), runMs);
  const progress: RunProgress = { attempts: 0 };
  const estimate = estimateRun(action.model, prepared.messages, action.settings, context.prices);
  const limiter = context.limiter;
  const call = (messages: typeof prepared.messages, stream: boolean) =>
    callProvider({
      provider: prepared.provider,
      request: { ...prepared.request, messages },
      stream,
      retry: context.retry,
      attemptTimeoutMs: options.timeouts?.attemptMs ?? context.timeouts.attemptMs,
      runSignal: runController.signal,
      ...(options.signal ? { hostSignal: options.signal } : {}),
      ...(limiter
        ? {
            beforeAttempt: (signal: AbortSignal) =>
              limiter.acquire(action.model, estimate.inputTokens + estimate.outputTokens, signal, (waitMs) =>
                recorder.emit('rate-limit:wait', { model: action.model, waitMs, rate: limiter.currentRate(action.model) }),
              ),
            onFailure: (error: LlmActionsError) => {
              if (ProviderError.isInstance(error) && (error.status === 429 || error.kind === 'rate-limit')) limiter.rateLimited(action.model);
            },
          }
        : {}),
      // Attempts are numbered across the first call and the repair call, as run.attempts counts them.
      onAttempt: () => {
        progress.attempts++;
        recorder.emit('run:request', { attempt: progress.attempts, provider: prepared.provider.id, model: prepared.request.model, stream });
      },
      onRetry: async ({ delayMs, error }) => {
        recorder.emit('run:retry', { attempt: progress.attempts, delayMs, error: error.toJSON(), ...retryAfter(error) });
        await context.store.runs
          .update(runId, { attempts: progress.attempts, events: [...recorder.events], updatedAt: nowIso(context) }, { expectedStatus: 'running' })
          .catch(() => undefined);
      },
      onDelta: (delta, index) => {
        progress.firstTokenAt ??= nowIso(context);
        recorder.emit('run:chunk', { index, delta });
        options.onChunk?.(delta);
      },
    });

  let result: RunResult;
  try {
    if (context.budgets.length > 0) {
      await enforceBudgets(
        context.store,
        context.budgets,
        { actionId: action.id, ...(options.user !== undefined ? { user: options.user } : {}), estimatedCostUsd: estimate.costUsd ?? 0 },
        context.clock(),
        (details) => recorder.emit('budget:exceeded', details),
      );
    }
    const first = await call(prepared.messages, options.stream === true);
    limiter?.succeeded(action.model);
    progress.usage = first.result.usage;
    progress.raw = first.result.text;
    recorder.emit('run:response', responseData(first.result, progress.attempts));
    let parsed = parseOutput(first.result.text, action.output, zodSchema);
    let repaired = false;
    if (!parsed.ok && action.output.format === 'json') {
      const repairMessages = [
        ...prepared.messages,
        { role: 'assistant' as const, content: first.result.text },
        { role: 'user' as const, content: repairInstruction(parsed.problem, action.output.schema) },
      ];
      const second = await call(repairMessages, false);
      progress.usage = addUsage(progress.usage, second.result.usage);
      progress.raw = second.result.text;
      recorder.emit('run:response', responseData(second.result, progress.attempts));
      parsed = parseOutput(second.result.text, action.output, zodSchema);
      repaired = parsed.ok;
    }
    if (!parsed.ok) {
      throw new LlmActionsError({
        code: 'OUTPUT_INVALID',
        message: `The model's output for action "${action.id}" is unusable: ${parsed.problem}.${action.output.format === 'json' ? ' One repair attempt was made.' : ''} The raw text is kept on the run.`,
        details: { issues: parsed.issues, repairAttempted: action.output.format === 'json' },
      });
    }
    recorder.emit('run:output', { raw: progress.raw, parsed: parsed.value, repaired });
    const proposal =
      kind === 'test' || action.version === undefined
        ? undefined
        : buildProposal({
            id: context.generateId('proposal'),
            runId,
            actionId: action.id,
            actionVersion: action.version,
            subject,
            field: action.destination,
            after: parsed.value,
            createdAt: nowIso(context),
          });
    if (proposal) {
      await context.store.proposals.create(proposal);
      recorder.emit('proposal:created', { proposalId: proposal.id, field: proposal.field });
    }
    const finished = await finishSucceededRun(context, run, recorder, progress, { raw: progress.raw, parsed: parsed.value }, proposal?.id);
    result = proposal ? { run: finished, output: parsed.value, proposal } : { run: finished, output: parsed.value };
  } catch (error) {
    throw await finishFailedRun(context, run, recorder, progress, error);
  } finally {
    clearTimeout(runTimer);
  }
  // Applying happens after the run is finished: a failed apply leaves a succeeded run
  // with a pending proposal that can be applied later, so nothing generated is lost.
  if (result.proposal && options.mode === 'apply') {
    const applied = await applyProposal(context, result.proposal.id, { ...(options.user !== undefined ? { by: options.user } : {}) });
    return { ...result, proposal: applied };
  }
  return result;
}

function retryAfter(error: LlmActionsError): { retryAfterMs?: number } {
  const value = error.details.retryAfterMs;
  return typeof value === 'number' ? { retryAfterMs: value } : {};
}

function responseData(result: Awaited<ReturnType<typeof callProvider>>['result'], attempt: number) {
  return {
    attempt,
    text: result.text,
    finishReason: result.finishReason,
    usage: result.usage,
    warnings: result.warnings,
    ...(result.request ? { request: result.request } : {}),
    ...(result.response ? { response: result.response } : {}),
  };
}
