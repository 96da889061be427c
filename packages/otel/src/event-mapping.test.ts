import { beforeAll, describe, expect, it } from 'vitest';
import { resultOf, runScenarios, spanNamed, SpanStatusCode, type ScenarioResults } from '../test/scenario-results.js';

// The events are emitted in plain Node (test/run-scenarios-events.ts); this file checks the spans.
let results: ScenarioResults;
beforeAll(async () => {
  results = await runScenarios('run-scenarios-events.ts');
});

describe('the bridge on hand-made event sequences', () => {
  it('ignores events of runs it did not see start, and never reports a listener error', () => {
    const result = resultOf(results, 'unknownRunsIgnored');
    expect(result.spans).toEqual([]);
    expect(result.facts.listenerErrors).toEqual([]);
  });

  it('maps generation settings and the output format once run:start carries them', () => {
    const span = spanNamed(resultOf(results, 'settingsOnRunStart'), 'chat gpt-4o-mini');
    expect(span.attributes).toMatchObject({
      'gen_ai.provider.name': 'openai', 'gen_ai.request.model': 'gpt-4o-mini', 'gen_ai.output.type': 'json',
      'gen_ai.request.temperature': 0.2, 'gen_ai.request.max_tokens': 200, 'gen_ai.request.top_p': 0.9,
      'gen_ai.request.top_k': 40, 'gen_ai.request.stop_sequences': ['END'], 'gen_ai.request.seed': 7,
    });
  });

  it('never throws into the bus, even when the tracer throws', () => {
    const result = resultOf(results, 'brokenTracer');
    expect(result.facts.listenerErrors).toEqual([]);
    expect(result.spans).toEqual([]);
  });

  it('adds the attributes hook\'s attributes and survives the hook throwing', () => {
    const result = resultOf(results, 'attributesHook');
    const span = spanNamed(result, 'chat gpt-4o-mini');
    expect(span.attributes).toMatchObject({ 'tenant.id': 'acme', 'seen.run:output': true, 'llm_actions.run.status': 'succeeded' });
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(result.facts.listenerErrors).toEqual([]);
  });

  it('marks a run that ends cancelled without run:error as ERROR, once, and keeps other events by name', () => {
    const span = spanNamed(resultOf(results, 'endedWithoutError'), 'chat gpt-4o-mini');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'The run ended cancelled.' });
    expect(span.attributes['llm_actions.run.status']).toBe('cancelled');
    expect(span.events.map((event) => event.name)).toEqual(['rate-limit:wait']);
    expect(span.events[0]!.attributes).toEqual({});
  });

  it('ends the oldest open run as interrupted when more than 10,000 are open', () => {
    const span = spanNamed(resultOf(results, 'tooManyOpenRuns'), 'chat gpt-4o-mini');
    expect(span.attributes).toMatchObject({ 'llm_actions.run.id': 'run_0', 'llm_actions.run.interrupted': true });
    expect(span.events[0]!.attributes.reason).toMatch(/more than 10,000 runs/);
  });
});
