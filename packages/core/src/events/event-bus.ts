import { EventEmitter } from 'eventemitter3';
import type { AnyLlmActionsEvent, LlmActionsEvent, LlmActionsEventType } from './event-types.js';

/** A listener of one event type. May be async; its failures are reported, never thrown. */
export type EventListener<TType extends LlmActionsEventType> = (event: LlmActionsEvent<TType>) => void | Promise<void>;

/**
 * The typed event bus of an `LlmActions` instance. A listener that throws (or
 * rejects) never breaks a run: the failure is emitted as `listener:error`.
 *
 * @example
 * ```ts
 * const off = llm.events.on('run:retry', (event) => console.log(event.data.delayMs));
 * llm.events.onAny((event) => log(event.type));
 * off();
 * ```
 */
export class EventBus {
  readonly #emitter = new EventEmitter();

  /** Listens to one event type; returns a function that stops listening. */
  on<TType extends LlmActionsEventType>(type: TType, listener: EventListener<TType>): () => void {
    return this.#subscribe(type, listener as (event: AnyLlmActionsEvent) => unknown);
  }

  /** Listens to every event; returns a function that stops listening. */
  onAny(listener: (event: AnyLlmActionsEvent) => void | Promise<void>): () => void {
    return this.#subscribe('*', listener);
  }

  /** Emits an event to its listeners and to `onAny` listeners. */
  emit(event: AnyLlmActionsEvent): void {
    this.#emitter.emit(event.type, event);
    this.#emitter.emit('*', event);
  }

  #subscribe(type: string, listener: (event: AnyLlmActionsEvent) => unknown): () => void {
    const guarded = (event: AnyLlmActionsEvent): void => {
      try {
        const result = listener(event);
        if (result instanceof Promise) result.catch((error: unknown) => this.#report(event, error));
      } catch (error) {
        this.#report(event, error);
      }
    };
    this.#emitter.on(type, guarded);
    return () => void this.#emitter.off(type, guarded);
  }

  #report(event: AnyLlmActionsEvent, error: unknown): void {
    // A failing listener of listener:error itself is dropped, or reporting would never end.
    if (event.type === 'listener:error') return;
    this.emit({
      type: 'listener:error',
      at: new Date().toISOString(),
      runId: event.runId,
      ...(event.parentRunId === undefined ? {} : { parentRunId: event.parentRunId }),
      ...(event.actionId === undefined ? {} : { actionId: event.actionId }),
      data: {
        eventType: event.type,
        error: { code: 'LISTENER_ERROR', message: error instanceof Error ? error.message : String(error) },
      },
    });
  }
}
