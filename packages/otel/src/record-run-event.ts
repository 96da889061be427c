import { SpanStatusCode, type Attributes } from '@opentelemetry/api';
import type { AnyLlmActionsEvent, LlmActionsEvent } from '@llm-actions/core';
import { inputMessagesAttributes, outputMessagesAttributes } from './content-attributes.js';
import { errorAttributes, eventTime, type OpenRun, type RunSpanTracker } from './run-span-tracker.js';
import { genAiAttributes as gen, llmActionsAttributes as ours, llmActionsEvents } from './semantic-attributes.js';
import { definedAttributes, responseAttributes, runSpanName, startAttributes, usageAttributes } from './span-attributes.js';

/** How events become span data; the resolved options of `instrumentLlmActions`. */
export interface RecordOptions {
  captureContent: boolean;
  attributes?: (event: AnyLlmActionsEvent) => Attributes | undefined;
}

type ProposalEvent = LlmActionsEvent<'proposal:created' | 'proposal:applied' | 'proposal:rejected'>;

const proposalEvents = {
  'proposal:created': llmActionsEvents.proposalCreated,
  'proposal:applied': llmActionsEvents.proposalApplied,
  'proposal:rejected': llmActionsEvents.proposalRejected,
} as const;

// The host's hook must not stop the mapping: its failures only lose its own attributes.
function hookAttributes(event: AnyLlmActionsEvent, options: RecordOptions): Attributes {
  try {
    return options.attributes?.(event) ?? {};
  } catch {
    return {};
  }
}

function proposalAttributes(event: ProposalEvent, captureContent: boolean): Attributes {
  const by = 'by' in event.data ? event.data.by : undefined;
  return definedAttributes({
    [ours.proposalId]: event.data.proposalId,
    [ours.proposalField]: event.data.field,
    [ours.proposalBy]: captureContent ? by : undefined,
  });
}

/**
 * Maps one event onto the spans of its run. Events of runs whose `run:start` was not
 * seen are ignored, except proposals resolved shortly after their run ended, which
 * become short spans under the run's span.
 */
export function recordRunEvent(tracker: RunSpanTracker, event: AnyLlmActionsEvent, options: RecordOptions): void {
  const time = eventTime(event.at);
  if (event.type === 'run:start') {
    if (tracker.get(event.runId)) return;
    const attributes = { ...startAttributes(event, options.captureContent), ...hookAttributes(event, options) };
    tracker.open(event.runId, runSpanName(event), attributes, time, event.parentRunId);
    return;
  }
  const run = tracker.get(event.runId);
  if (!run) {
    if (event.type === 'proposal:applied' || event.type === 'proposal:rejected') {
      tracker.recordAfterEnd(event.runId, event.type === 'proposal:applied' ? 'proposal applied' : 'proposal rejected', proposalAttributes(event, options.captureContent), time);
    }
    return;
  }
  run.span.setAttributes(hookAttributes(event, options));
  recordOpenRunEvent(tracker, run, event, options, time);
}

function recordOpenRunEvent(tracker: RunSpanTracker, run: OpenRun, event: AnyLlmActionsEvent, options: RecordOptions, time: Date): void {
  const capture = options.captureContent && run.span.isRecording();
  switch (event.type) {
    case 'run:prompt':
      if (capture) run.span.setAttributes(inputMessagesAttributes(event.data));
      return;
    case 'run:request': {
      tracker.endAttempt(run, time);
      run.attempts++;
      // The first call says whether the run streams; the JSON repair call never does.
      if (run.attempts === 1) run.span.setAttribute(gen.requestStream, event.data.stream);
      const attributes = { [ours.attempt]: run.attempts, [gen.providerName]: event.data.provider, [gen.requestModel]: event.data.model, [gen.requestStream]: event.data.stream };
      tracker.startAttempt(run, attributes, time);
      return;
    }
    case 'run:retry': {
      const { delayMs, retryAfterMs, error } = event.data;
      const attributes = { [ours.attempt]: run.attempts, [ours.retryDelayMs]: delayMs, [ours.retryAfterMs]: retryAfterMs, [ours.errorMessage]: error.message };
      run.span.addEvent(llmActionsEvents.retry, { ...definedAttributes(attributes), ...errorAttributes(error) }, time);
      tracker.endAttempt(run, time, error);
      return;
    }
    case 'run:chunk': {
      if (run.firstChunkSeen) return;
      run.firstChunkSeen = true;
      const seconds = run.attempt ? Math.max(0, time.getTime() - run.attempt.startedAt) / 1000 : undefined;
      const attributes = definedAttributes({ [gen.responseTimeToFirstChunk]: seconds });
      run.span.setAttributes(attributes);
      run.attempt?.span.setAttributes(attributes);
      run.span.addEvent(llmActionsEvents.firstChunk, attributes, time);
      return;
    }
    case 'run:response': {
      const attributes = responseAttributes(event.data);
      run.attempt?.span.setAttributes(attributes);
      tracker.endAttempt(run, time);
      run.span.setAttributes(attributes);
      if (capture) run.span.setAttributes(outputMessagesAttributes(event.data));
      return;
    }
    case 'run:output':
      run.span.addEvent(llmActionsEvents.output, { [ours.outputRepaired]: event.data.repaired }, time);
      return;
    case 'proposal:created':
    case 'proposal:applied':
    case 'proposal:rejected':
      run.span.addEvent(proposalEvents[event.type], proposalAttributes(event, options.captureContent), time);
      return;
    case 'run:error':
      run.failed = true;
      tracker.endAttempt(run, time, event.data.error);
      run.span.setAttributes(errorAttributes(event.data.error));
      run.span.setStatus({ code: SpanStatusCode.ERROR, message: event.data.error.message });
      return;
    case 'run:finish':
      recordFinish(run, event);
      tracker.finish(event.runId, time);
      return;
    case 'listener:error':
      return;
    default:
      // Rate-limit waits, budget checks and later event types: their name and time, not their data.
      run.span.addEvent(event.type, {}, time);
  }
}

function recordFinish(run: OpenRun, event: LlmActionsEvent<'run:finish'>): void {
  const { status, attempts, costUsd, usage } = event.data;
  run.span.setAttributes({
    ...definedAttributes({ [ours.runStatus]: status, [ours.runAttempts]: attempts, [ours.costUsd]: costUsd }),
    // The finish carries the run's total usage (the JSON repair call included).
    ...usageAttributes(usage),
  });
  if (run.failed) return;
  if (status === 'succeeded') run.span.setStatus({ code: SpanStatusCode.OK });
  else run.span.setStatus({ code: SpanStatusCode.ERROR, message: `The run ended ${status}.` });
}
