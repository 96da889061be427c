import type { Tracer } from '@opentelemetry/api';
import { EventBus, type AnyLlmActionsEvent, type LlmActionsEventMap, type LlmActionsEventType } from '@llm-actions/core';
import { instrumentLlmActions } from '../src/index.js';
import type { Scenario } from './tracing.js';

let clock = Date.parse('2025-03-01T08:00:00.000Z');

/** An event as core would emit it, one millisecond after the previous one. */
function event<TType extends LlmActionsEventType>(type: TType, runId: string, data: LlmActionsEventMap[TType]): AnyLlmActionsEvent {
  clock += 1;
  return { type, at: new Date(clock).toISOString(), runId, actionId: 'summarize', data } as AnyLlmActionsEvent;
}

const start = (runId: string, extra: Record<string, unknown> = {}) =>
  event('run:start', runId, { kind: 'action', model: 'openai/gpt-4o-mini', subject: { type: 'idea', id: '42' }, ...extra });
const finish = (runId: string, status: LlmActionsEventMap['run:finish']['status'] = 'succeeded') =>
  event('run:finish', runId, { status, attempts: 1, durationMs: 3 });

/** A bus with the bridge and a count of `listener:error` events, which must stay at zero. */
function instrumentedBus(tracer: Tracer, options: Parameters<typeof instrumentLlmActions>[1] = {}) {
  const bus = new EventBus();
  const listenerErrors: unknown[] = [];
  bus.on('listener:error', (error) => void listenerErrors.push(error.data));
  const uninstrument = instrumentLlmActions({ events: bus }, { tracer, ...options });
  return { bus, listenerErrors, uninstrument };
}

/** Hand-made event sequences: edge cases real runs rarely produce. */
export const scenarios: Record<string, Scenario> = {
  async unknownRunsIgnored({ tracer }) {
    const { bus, listenerErrors } = instrumentedBus(tracer);
    bus.emit(event('run:request', 'run_x', { attempt: 1, provider: 'openai', model: 'gpt-4o-mini', stream: false }));
    bus.emit(event('run:chunk', 'run_x', { index: 0, delta: 'Hi' }));
    bus.emit(event('run:error', 'run_x', { error: { code: 'TIMEOUT', message: 'late' } }));
    bus.emit(finish('run_x'));
    bus.emit(event('proposal:applied', 'run_x', { proposalId: 'proposal_1', field: 'summary' }));
    return { listenerErrors };
  },
  async settingsOnRunStart({ tracer }) {
    const { bus } = instrumentedBus(tracer);
    const settings = { temperature: 0.2, maxOutputTokens: 200, topP: 0.9, topK: 40, stop: ['END'], seed: 7 };
    bus.emit(start('run_settings', { settings, outputFormat: 'json' }));
    bus.emit(finish('run_settings'));
  },
  async brokenTracer() {
    const broken = { startSpan: () => { throw new Error('tracer is broken'); } } as unknown as Tracer;
    const { bus, listenerErrors, uninstrument } = instrumentedBus(broken);
    bus.emit(start('run_broken'));
    bus.emit(finish('run_broken'));
    uninstrument();
    return { listenerErrors };
  },
  async attributesHook({ tracer }) {
    const { bus, listenerErrors } = instrumentedBus(tracer, {
      attributes: (candidate) => {
        if (candidate.type === 'run:finish') throw new Error('hook failed');
        return candidate.type === 'run:start' ? { 'tenant.id': 'acme' } : { [`seen.${candidate.type}`]: true };
      },
    });
    bus.emit(start('run_hook'));
    bus.emit(event('run:output', 'run_hook', { raw: 'Hi', parsed: 'Hi', repaired: false }));
    bus.emit(finish('run_hook'));
    return { listenerErrors };
  },
  async endedWithoutError({ tracer }) {
    const { bus } = instrumentedBus(tracer);
    bus.emit(start('run_cancelled'));
    bus.emit(event('rate-limit:wait', 'run_cancelled', { model: 'openai/gpt-4o-mini', waitMs: 20, rate: 1 } as never));
    bus.emit(finish('run_cancelled', 'cancelled'));
    bus.emit(finish('run_cancelled'));
  },
  async tooManyOpenRuns({ tracer }) {
    // Left instrumented on purpose: the only finished span is the one the bridge evicted.
    const { bus } = instrumentedBus(tracer);
    for (let index = 0; index <= 10_000; index++) bus.emit(start(`run_${index}`));
  },
};
