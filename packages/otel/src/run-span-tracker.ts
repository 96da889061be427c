import { context as otelContext, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Attributes, Context, Span, SpanContext, Tracer } from '@opentelemetry/api';
import type { EventError } from '@llm-actions/core';
import { genAiAttributes as gen, llmActionsAttributes as ours, llmActionsEvents } from './semantic-attributes.js';
import { definedAttributes } from './span-attributes.js';

/** The spans of one run that has started and not finished. */
export interface OpenRun {
  readonly span: Span;
  /** The context holding `span`, parent of attempt spans and child runs. */
  readonly context: Context;
  /** The attempt in flight, with its start in epoch milliseconds. */
  attempt?: { span: Span; startedAt: number };
  attempts: number;
  firstChunkSeen: boolean;
  /** `run:error` was seen: the span's status is already ERROR. */
  failed: boolean;
}

// Bounds memory when runs never finish (a store that failed after run:start, a crashed
// host): past this many open runs the oldest is ended as interrupted.
const maxOpenRuns = 10_000;
// Proposals are applied after their run ended; recent runs' span contexts are kept to parent them.
const maxEndedRuns = 1_000;

/** An event's ISO `at` as a span time; the current time if it cannot be read. */
export function eventTime(at: string): Date {
  const milliseconds = Date.parse(at);
  return Number.isNaN(milliseconds) ? new Date() : new Date(milliseconds);
}

/** `error.type` (the error code) and the provider error's kind, for spans that failed. */
export function errorAttributes(error: EventError): Attributes {
  const kind = error.details?.kind;
  return definedAttributes({ [gen.errorType]: error.code, [ours.errorKind]: typeof kind === 'string' ? kind : undefined });
}

/** Keeps the open spans of runs by run id, and ends them exactly once. */
export class RunSpanTracker {
  readonly #open = new Map<string, OpenRun>();
  readonly #ended = new Map<string, SpanContext>();

  constructor(private readonly tracer: Tracer) {}

  /** The open run with this id, if its `run:start` was seen and it has not finished. */
  get(runId: string): OpenRun | undefined {
    return this.#open.get(runId);
  }

  /** Starts a run span: a child of its parent run's span when that one is open, else of the active context. */
  open(runId: string, name: string, attributes: Attributes, startTime: Date, parentRunId?: string): OpenRun {
    const parentContext = (parentRunId === undefined ? undefined : this.#open.get(parentRunId)?.context) ?? otelContext.active();
    const span = this.tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes, startTime }, parentContext);
    const run: OpenRun = { span, context: trace.setSpan(parentContext, span), attempts: 0, firstChunkSeen: false, failed: false };
    this.#open.set(runId, run);
    if (this.#open.size > maxOpenRuns) {
      const oldest = this.#open.keys().next().value;
      if (oldest !== undefined) this.interrupt(oldest, 'more than 10,000 runs were open at once');
    }
    return run;
  }

  /** Starts the span of one attempt (one provider call) under the run's span. */
  startAttempt(run: OpenRun, attributes: Attributes, startTime: Date): void {
    const span = this.tracer.startSpan(`attempt ${run.attempts}`, { kind: SpanKind.INTERNAL, attributes, startTime }, run.context);
    run.attempt = { span, startedAt: startTime.getTime() };
  }

  /** Ends the attempt in flight, as failed when an error is given. */
  endAttempt(run: OpenRun, endTime: Date, error?: EventError): void {
    if (!run.attempt) return;
    if (error) {
      run.attempt.span.setAttributes(errorAttributes(error));
      run.attempt.span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    }
    run.attempt.span.end(endTime);
    run.attempt = undefined;
  }

  /** Ends a run's spans and remembers its span context for proposals resolved later. */
  finish(runId: string, endTime: Date): void {
    const run = this.#open.get(runId);
    if (!run) return;
    this.#open.delete(runId);
    this.endAttempt(run, endTime);
    run.span.end(endTime);
    this.#ended.set(runId, run.span.spanContext());
    if (this.#ended.size > maxEndedRuns) this.#ended.delete(this.#ended.keys().next().value!);
  }

  /** Records something that happened to a recently ended run as a short span under its span. */
  recordAfterEnd(runId: string, name: string, attributes: Attributes, time: Date): void {
    const parent = this.#ended.get(runId);
    if (!parent) return;
    const parentContext = trace.setSpanContext(ROOT_CONTEXT, parent);
    this.tracer.startSpan(name, { kind: SpanKind.INTERNAL, attributes, startTime: time }, parentContext).end(time);
  }

  /** Ends an open run's spans without knowing its outcome, marked as interrupted. */
  interrupt(runId: string, reason: string): void {
    const run = this.#open.get(runId);
    if (!run) return;
    const now = new Date();
    run.span.setAttributes({ [ours.runInterrupted]: true, [ours.runStatus]: 'interrupted' });
    run.span.addEvent(llmActionsEvents.interrupted, { reason }, now);
    this.finish(runId, now);
  }

  /** Interrupts every open run; used when the bridge is removed. */
  interruptAll(reason: string): void {
    for (const runId of [...this.#open.keys()]) this.interrupt(runId, reason);
  }
}
