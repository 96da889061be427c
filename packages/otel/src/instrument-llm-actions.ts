import { diag, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import type { AnyLlmActionsEvent, EventBus } from '@llm-actions/core';
import packageJson from '../package.json' with { type: 'json' };
import { recordRunEvent } from './record-run-event.js';
import { RunSpanTracker } from './run-span-tracker.js';

/** Options of {@link instrumentLlmActions}. */
export interface InstrumentLlmActionsOptions {
  /**
   * The tracer spans are created with. Default: `trace.getTracer('@llm-actions/otel', version)`
   * from the globally registered tracer provider (no spans at all when none is registered).
   */
  tracer?: Tracer;
  /**
   * Put prompts (`gen_ai.input.messages`), model replies (`gen_ai.output.messages`) and the
   * run's user on spans. Default `false`: they may hold personal data, and telemetry
   * backends often have weaker access rules than the database that stores runs.
   */
  captureContent?: boolean;
  /**
   * Extra attributes for the run's span, asked for every event of the run (on `run:start`
   * before the span starts, so samplers see them). Failures of this hook are ignored.
   */
  attributes?: (event: AnyLlmActionsEvent) => Attributes | undefined;
}

/** Anything with the event bus of an `LlmActions` instance, e.g. the result of `createLlmActions`. */
export interface InstrumentableLlmActions {
  readonly events: EventBus;
}

/** The name and version of this package, used as the instrumentation scope of its tracer. */
export const instrumentationScope = { name: packageJson.name, version: packageJson.version } as const;

/**
 * Turns the events of an `LlmActions` instance into OpenTelemetry spans following the
 * GenAI semantic conventions: one `chat {model}` span (kind CLIENT) per run, with a
 * child span per attempt, events for retries, the first streamed chunk, the output and
 * proposals, and token usage, finish reasons, cost and errors as attributes. A run whose
 * `parentRunId` has an open span becomes its child; other runs are children of the
 * context active when they start. Returns a function that stops the bridge and ends the
 * spans of runs still open, marked `llm_actions.run.interrupted`. The bridge never
 * throws into the event bus: its own failures go to OpenTelemetry's `diag` logger.
 *
 * @example
 * ```ts
 * import { trace } from '@opentelemetry/api';
 * import { instrumentLlmActions } from '@llm-actions/otel';
 *
 * const llm = createLlmActions({ providers: [createOllama()], store: createMemoryStore() });
 * const uninstrument = instrumentLlmActions(llm, { tracer: trace.getTracer('cms') });
 * await llm.run(summarize, idea); // exported as a "chat llama3.2:3b" span
 * uninstrument();
 * ```
 */
export function instrumentLlmActions(llm: InstrumentableLlmActions, options: InstrumentLlmActionsOptions = {}): () => void {
  const tracer = options.tracer ?? trace.getTracer(instrumentationScope.name, instrumentationScope.version);
  const tracker = new RunSpanTracker(tracer);
  const recordOptions = { captureContent: options.captureContent === true, ...(options.attributes ? { attributes: options.attributes } : {}) };
  const off = llm.events.onAny((event) => {
    try {
      recordRunEvent(tracker, event, recordOptions);
    } catch (error) {
      diag.warn(`[llm-actions/otel] could not record ${event.type} of run ${event.runId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    off();
    try {
      tracker.interruptAll('the OpenTelemetry bridge was removed before the run finished');
    } catch (error) {
      diag.warn(`[llm-actions/otel] could not end open spans: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
