import type { EventBus } from '../events/event-bus.js';
import type { AnyLlmActionsEvent, LlmActionsEventMap, LlmActionsEventType } from '../events/event-types.js';
import type { RunEvent } from '../schemas/run.js';
import { redact, type RedactOptions } from '../diagnostics/redact.js';

/** Limits of the diagnostics stored with one run. */
export interface DiagnosticsOptions extends RedactOptions {
  /** Budget of stored event data, in characters of JSON. Default 1,000,000. */
  maxBytes?: number;
  /** Store `run:chunk` events (one per streamed delta). Default true. */
  storeChunks?: boolean;
}

// Events that end a run are kept even past the budget, so a timeline always has its end.
const alwaysKept = new Set<string>(['run:output', 'run:finish', 'run:error']);

/**
 * Emits a run's events on the bus and keeps their redacted copies as the run's
 * diagnostics. Past the size budget, event data is replaced by a truncation marker.
 */
export class RunRecorder {
  readonly events: RunEvent[] = [];
  #size = 0;
  #dropped = 0;

  constructor(
    private readonly bus: EventBus,
    private readonly base: { runId: string; parentRunId?: string; actionId?: string },
    private readonly clock: () => number,
    private readonly options: DiagnosticsOptions = {},
  ) {}

  /** Emits one event and records it. */
  emit<TType extends LlmActionsEventType>(type: TType, data: LlmActionsEventMap[TType]): void {
    const event = {
      type,
      at: new Date(this.clock()).toISOString(),
      ...this.base,
      data,
    } as AnyLlmActionsEvent;
    this.bus.emit(event);
    if (type === 'run:chunk' && this.options.storeChunks === false) return;
    this.#store(event);
  }

  #store(event: AnyLlmActionsEvent): void {
    const data = redact(event.data, this.options) as Record<string, unknown>;
    const size = JSON.stringify(data).length;
    const budget = this.options.maxBytes ?? 1_000_000;
    if (this.#size + size > budget && !alwaysKept.has(event.type)) {
      this.#dropped++;
      this.events.push({ ...event, data: { truncated: true, reason: `diagnostics budget of ${budget} characters reached`, dropped: this.#dropped } });
      return;
    }
    this.#size += size;
    this.events.push({ ...event, data });
  }
}
