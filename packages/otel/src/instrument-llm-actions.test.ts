import { beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { resultOf, runScenarios, spanNamed, spansNamed, SpanKind, SpanStatusCode, type ScenarioResults } from '../test/scenario-results.js';

// The runs happen in plain Node (test/run-scenarios-real.ts); this file checks their spans.
let results: ScenarioResults;
beforeAll(async () => {
  results = await runScenarios('run-scenarios-real.ts');
});
const run = (name: string) => resultOf(results, name);

describe('instrumentLlmActions on real runs', () => {
  it('records a run as a "chat {model}" CLIENT span with the GenAI attributes', () => {
    const result = run('succeeded');
    const span = spanNamed(result, 'chat mock-model');
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'mock', 'gen_ai.system': 'mock',
      'gen_ai.request.model': 'mock-model', 'gen_ai.response.model': 'mock-model', 'gen_ai.response.id': 'mock-1',
      'gen_ai.response.finish_reasons': ['stop'], 'gen_ai.request.stream': false,
      'gen_ai.usage.input_tokens': 120, 'gen_ai.usage.output_tokens': 30, 'gen_ai.usage.cache_read.input_tokens': 100,
      'llm_actions.run.id': result.facts.runId, 'llm_actions.run.kind': 'action', 'llm_actions.run.status': 'succeeded',
      'llm_actions.action.id': 'summarize', 'llm_actions.action.version': 1, 'llm_actions.run.attempts': 1,
      'llm_actions.subject.type': 'idea', 'llm_actions.subject.id': '42', 'llm_actions.cost_usd': result.facts.costUsd,
    });
    expect(result.facts.costUsd).toBeGreaterThan(0);
    expect(span.scope.name).toBe('test');
    expect(span.events.map((event) => event.name)).toEqual(['llm_actions.output', 'llm_actions.proposal.created']);
    expect(span.events[1]!.attributes).toEqual({ 'llm_actions.proposal.id': result.facts.proposalId, 'llm_actions.proposal.field': 'summary' });
    const attempt = spanNamed(result, 'attempt 1');
    expect(attempt.kind).toBe(SpanKind.INTERNAL);
    expect(attempt.parentSpanId).toBe(span.spanId);
    expect(attempt.attributes).toMatchObject({ 'llm_actions.attempt': 1, 'gen_ai.usage.output_tokens': 30, 'gen_ai.response.id': 'mock-1' });
  });

  it('keeps prompts, outputs and the user off spans unless captureContent is on', () => {
    const hidden = Object.keys(spanNamed(run('succeeded'), 'chat mock-model').attributes);
    expect(hidden.filter((key) => key.startsWith('gen_ai.input') || key.startsWith('gen_ai.output.messages') || key === 'llm_actions.user')).toEqual([]);
    const attributes = spanNamed(run('captureContent'), 'chat mock-model').attributes;
    expect(JSON.parse(attributes['gen_ai.input.messages'] as string)).toEqual([
      { role: 'system', parts: [{ type: 'text', content: 'Write plainly.' }] },
      { role: 'user', parts: [{ type: 'text', content: 'Summarize: A review queue for AI drafts' }] },
    ]);
    expect(JSON.parse(attributes['gen_ai.output.messages'] as string)).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'Short.' }], finish_reason: 'stop' },
    ]);
    expect(attributes['llm_actions.user']).toBe('editor@example.com');
  });

  it('records each attempt as a child span and each retry as an event with its delay', () => {
    const result = run('retries');
    const span = spanNamed(result, 'chat mock-model');
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes['llm_actions.run.attempts']).toBe(3);
    const retries = span.events.filter((event) => event.name === 'llm_actions.retry');
    expect(retries.map((event) => event.attributes['llm_actions.retry.delay_ms'])).toEqual(result.facts.storedDelays);
    expect(retries.map((event) => event.attributes['llm_actions.attempt'])).toEqual([1, 2]);
    expect(retries[1]!.attributes).toMatchObject({ 'error.type': 'PROVIDER_ERROR', 'llm_actions.error.kind': 'rate-limit' });
    const attempts = ['attempt 1', 'attempt 2', 'attempt 3'].map((name) => spanNamed(result, name));
    expect(attempts.map((attempt) => attempt.status.code)).toEqual([SpanStatusCode.ERROR, SpanStatusCode.ERROR, SpanStatusCode.UNSET]);
    expect(attempts.every((attempt) => attempt.parentSpanId === span.spanId)).toBe(true);
    expect(attempts[1]!.endMs).toBeLessThanOrEqual(retries[1]!.timeMs);
  });

  it('sets status ERROR with the message and error.type with the code when a run fails', () => {
    const result = run('failure');
    const span = spanNamed(result, 'chat mock-model');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: result.facts.message });
    expect(span.attributes).toMatchObject({ 'error.type': result.facts.code, 'llm_actions.run.status': 'failed', 'llm_actions.error.kind': 'bad-request' });
    expect(spanNamed(result, 'attempt 1').status.code).toBe(SpanStatusCode.ERROR);
  });

  it('records the time to the first streamed chunk once', () => {
    const result = run('streaming');
    const span = spanNamed(result, 'chat mock-model');
    const firstChunks = span.events.filter((event) => event.name === 'llm_actions.first_chunk');
    expect(firstChunks).toHaveLength(1);
    const seconds = span.attributes['gen_ai.response.time_to_first_chunk'] as number;
    expect(seconds).toBeGreaterThanOrEqual(0.015);
    expect(firstChunks[0]!.attributes['gen_ai.response.time_to_first_chunk']).toBe(seconds);
    expect(span.attributes['gen_ai.request.stream']).toBe(true);
    expect(spanNamed(result, 'attempt 1').attributes['gen_ai.response.time_to_first_chunk']).toBe(seconds);
  });

  it('counts the JSON repair call as a further attempt and reports the total usage', () => {
    const result = run('jsonRepair');
    const span = spanNamed(result, 'chat mock-model');
    expect(spansNamed(result, 'attempt 2')).toHaveLength(1);
    expect(span.attributes).toMatchObject({ 'llm_actions.run.attempts': 2, 'gen_ai.usage.input_tokens': 240, 'gen_ai.usage.output_tokens': 60 });
    expect(span.events.find((event) => event.name === 'llm_actions.output')!.attributes).toEqual({ 'llm_actions.output.repaired': true });
  });

  it('uses the global tracer provider with this package as instrumentation scope by default', () => {
    const span = spanNamed(run('defaultTracer'), 'chat mock-model');
    expect(span.scope).toEqual({ name: '@llm-actions/otel', version: packageJson.version });
  });
});
