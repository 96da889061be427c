import type { Attributes, HrTime, Tracer } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** A finished span as plain JSON, so a child process can hand it to the test. */
export interface SerializedSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  status: { code: number; message?: string };
  attributes: Attributes;
  events: Array<{ name: string; attributes: Attributes; timeMs: number }>;
  startMs: number;
  endMs: number;
  scope: { name: string; version?: string };
}

/** What one scenario produced: facts it reports (run ids, errors) and the finished spans. */
export interface ScenarioResult {
  facts: Record<string, unknown>;
  spans: SerializedSpan[];
  /** Set when the scenario itself threw. */
  error?: string;
}

/** An in-memory tracing pipeline: spans are exported synchronously as they end. */
export interface Tracing {
  provider: BasicTracerProvider;
  tracer: Tracer;
  spans(): SerializedSpan[];
}

/** A scenario: drives runs against `tracing` and returns facts for the assertions. */
export type Scenario = (tracing: Tracing) => Promise<Record<string, unknown> | void>;

const milliseconds = ([seconds, nanoseconds]: HrTime): number => seconds * 1_000 + nanoseconds / 1_000_000;

function serialize(span: ReadableSpan): SerializedSpan {
  return {
    name: span.name,
    kind: span.kind,
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    ...(span.parentSpanContext ? { parentSpanId: span.parentSpanContext.spanId } : {}),
    status: span.status,
    attributes: span.attributes,
    events: span.events.map((event) => ({ name: event.name, attributes: event.attributes ?? {}, timeMs: milliseconds(event.time) })),
    startMs: milliseconds(span.startTime),
    endMs: milliseconds(span.endTime),
    scope: { name: span.instrumentationScope.name, ...(span.instrumentationScope.version ? { version: span.instrumentationScope.version } : {}) },
  };
}

/** A `BasicTracerProvider` with a `SimpleSpanProcessor` into an `InMemorySpanExporter`. */
export function createTracing(): Tracing {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { provider, tracer: provider.getTracer('test'), spans: () => exporter.getFinishedSpans().map(serialize) };
}
