import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { Subject } from '../schemas/common.js';
import { ensureAllowed } from '../runner/authorize.js';
import type { RunnerContext } from '../runner/context.js';
import { executeAction } from '../runner/execute-action.js';
import { resolveAction } from '../runner/resolve-action.js';
import type { RunOptions } from '../runner/run-types.js';
import type { Chain, ChainContext, ChainResult, ChainStep, ChainStepResult } from './chain.js';
import { startParentRun } from './parent-run.js';

function writePath(fields: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(fields);
  const keys = path.split('.');
  let current = copy;
  for (const key of keys.slice(0, -1)) {
    const next = current[key];
    current = (current[key] = next !== null && typeof next === 'object' ? next : {}) as Record<string, unknown>;
  }
  current[keys.at(-1)!] = value;
  return copy;
}

function summaryOf(result: ChainStepResult<unknown>): ChainStepResult<unknown> {
  const { run: _run, proposal: _proposal, ...rest } = result;
  return rest;
}

/** Runs a chain: a parent run (kind `chain`) and one run per executed step. */
export async function runChain<TSteps extends readonly ChainStep[]>(
  context: RunnerContext,
  definition: Chain<TSteps>,
  subject: Subject,
  options: Omit<RunOptions, 'parentRunId'>,
): Promise<ChainResult<TSteps>> {
  const resolved = [];
  for (const step of definition.steps) {
    const action = await resolveAction(context, step.action, { save: true });
    await ensureAllowed(context, options.user, 'action:invoke', { type: 'action', id: action.action.id, record: action.action });
    resolved.push(action);
  }
  const parent = await startParentRun(context, {
    kind: 'chain',
    model: resolved.map((item) => item.action.model).join(','),
    ...(options.user !== undefined ? { user: options.user } : {}),
    tags: [...(options.tags ?? []), `chain:${definition.id}`],
  });
  const state: ChainContext = { subject: structuredClone(subject), steps: {} };
  let status: ChainResult<TSteps>['status'] = 'succeeded';
  let stopped = false;
  for (const [index, step] of definition.steps.entries()) {
    if (stopped || options.signal?.aborted || (step.when && !(await step.when(state)))) {
      state.steps[step.id] = { status: 'skipped' };
      parent.recorder.emit('chain:step', { stepId: step.id, status: 'skipped' });
      continue;
    }
    const attempts = definition.onError === 'retry' ? definition.retries + 1 : 1;
    let result: ChainStepResult<unknown> = { status: 'failed' };
    for (let attempt = 1; attempt <= attempts && result.status !== 'succeeded' && !options.signal?.aborted; attempt++) {
      try {
        const extraScope = { steps: Object.fromEntries(Object.entries(state.steps).map(([id, value]) => [id, summaryOf(value)])) };
        const run = await executeAction(context, resolved[index]!, state.subject, { ...options, parentRunId: parent.run.id }, 'action', extraScope);
        result = { status: 'succeeded', output: run.output, run: run.run, ...(run.proposal ? { proposal: run.proposal } : {}) };
      } catch (error) {
        if (!LlmActionsError.isInstance(error)) throw error;
        result = { status: 'failed', error: { code: error.code, message: error.message } };
      }
      parent.recorder.emit('chain:step', {
        stepId: step.id,
        status: result.status === 'succeeded' ? 'succeeded' : 'failed',
        attempt,
        ...(result.run ? { stepRunId: result.run.id } : {}),
        ...(result.error ? { error: result.error } : {}),
      });
    }
    state.steps[step.id] = result;
    if (result.status === 'succeeded') {
      state.subject = { ...state.subject, fields: writePath(state.subject.fields, resolved[index]!.action.destination, result.output) };
    } else {
      status = options.signal?.aborted ? 'cancelled' : 'failed';
      if (definition.onError !== 'continue') stopped = true;
    }
  }
  const failed = Object.entries(state.steps).filter(([, result]) => result.status === 'failed').map(([id]) => id);
  await parent.finish(
    status,
    { chainId: definition.id, steps: Object.fromEntries(Object.entries(state.steps).map(([id, result]) => [id, result.status])) },
    failed.length > 0 ? { code: 'CHAIN_STEPS_FAILED', message: `Steps failed: ${failed.join(', ')}.` } : undefined,
  );
  return { chainRunId: parent.run.id, status, steps: state.steps as ChainResult<TSteps>['steps'], subject: state.subject };
}
