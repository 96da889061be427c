import type { EventBus } from '../events/event-bus.js';
import type { AnyLlmActionsEvent, LlmActionsEventMap, LlmActionsEventType } from '../events/event-types.js';
import type { RunEvent } from '../schemas/run.js';
import { createRedactor, type RedactOptions, type Redactor } from '../diagnostics/redact.js';

/** Limits of the diagnostics stored with one run. */
export interface DiagnosticsOptions extends RedactOptions {
  /** Budget of stored event data, in characters of JSON. Default 1,000,000. */
  maxBytes?: number;
  /** Store `run:chunk` events (one per streamed delta). Default true. */
  storeChunks?: boolean;
}

// One prepared redactor per options object: instances share their diagnostics options.
const redactors = new WeakMap<DiagnosticsOptions, Redactor>();
function redactorFor(options: DiagnosticsOptions): Redactor {
  let redactor = redactors.get(options);
  if (!redactor) redactors.set(options, (redactor = createRedactor(options)));
  return redactor;
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

  private readonly redactor: Redactor;

  constructor(
    private readonly bus: EventBus,
    private readonly base: { runId: string; parentRunId?: string; actionId?: string },
    private readonly clock: () => number,
    private readonly options: DiagnosticsOptions = {},
  ) {
    this.redactor = redactorFor(options);
  }

  /** Emits one event and records it (`store: false` emits it on the bus only). */
  emit<TType extends LlmActionsEventType>(type: TType, data: LlmActionsEventMap[TType], options: { store?: boolean } = {}): void {
    const event = {
      type,
      at: new Date(this.clock()).toISOString(),
      ...this.base,
      data,
    } as AnyLlmActionsEvent;
    this.bus.emit(event);
    if (options.store === false || (type === 'run:chunk' && this.options.storeChunks === false)) return;
    this.#store(event);
  }

  #store(event: AnyLlmActionsEvent): void {
    const { value, size } = this.redactor.withSize(event.data);
    const data = value as Record<string, unknown>;
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
