import { beforeAll, describe, expect, it } from 'vitest';
import { resultOf, runScenarios, spanNamed, spansNamed, SpanKind, SpanStatusCode, type ScenarioResults } from '../test/scenario-results.js';

// The runs happen in plain Node (test/run-scenarios-relations.ts); this file checks their spans.
let results: ScenarioResults;
beforeAll(async () => {
  results = await runScenarios('run-scenarios-relations.ts');
});

const runSpan = (name: string, runId: unknown) => {
  const span = spansNamed(resultOf(results, name), 'chat mock-model').find((candidate) => candidate.attributes['llm_actions.run.id'] === runId);
  if (!span) throw new Error(`no span of run ${String(runId)} in scenario "${name}"`);
  return span;
};

describe('spans of related runs and the bridge lifetime', () => {
  it('makes a run whose parent run is open a child span of it, in the same trace', () => {
    const { facts } = resultOf(results, 'parentAndChild');
    const parent = runSpan('parentAndChild', facts.parentRunId);
    const child = runSpan('parentAndChild', facts.childRunId);
    expect(child.parentSpanId).toBe(parent.spanId);
    expect(child.traceId).toBe(parent.traceId);
    expect(child.attributes['llm_actions.run.parent_id']).toBe(facts.parentRunId);
    expect(child.startMs).toBeGreaterThanOrEqual(parent.startMs);
    expect(child.endMs).toBeLessThanOrEqual(parent.endMs);
  });

  it('starts a run whose parent has no open span as a root span, keeping the parent id', () => {
    const { facts } = resultOf(results, 'parentAndChild');
    const orphan = runSpan('parentAndChild', facts.orphanRunId);
    expect(orphan.parentSpanId).toBeUndefined();
    expect(orphan.attributes['llm_actions.run.parent_id']).toBe('run_not_traced');
  });

  it('makes a run without a parent run a child of the context active when it starts', () => {
    const result = resultOf(results, 'activeContext');
    const request = spanNamed(result, 'GET /ideas/42');
    const span = runSpan('activeContext', result.facts.runId);
    expect(span.parentSpanId).toBe(request.spanId);
    expect(span.traceId).toBe(request.traceId);
  });

  it('ends the spans of a run in flight when uninstrumented, marked interrupted, and records nothing after', () => {
    const result = resultOf(results, 'uninstrumentMidRun');
    const spans = spansNamed(result, 'chat mock-model');
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect(span!.attributes).toMatchObject({ 'llm_actions.run.id': result.facts.slowRunId, 'llm_actions.run.interrupted': true, 'llm_actions.run.status': 'interrupted' });
    expect(span!.status.code).toBe(SpanStatusCode.UNSET);
    expect(span!.events.map((event) => event.name)).toEqual(['llm_actions.interrupted']);
    expect(spanNamed(result, 'attempt 1').parentSpanId).toBe(span!.spanId);
    expect(result.spans).toHaveLength(2);
  });

  it('records a proposal applied right after its run as a short span under the run span', () => {
    const result = resultOf(results, 'applyMode');
    expect(result.facts.proposalStatus).toBe('applied');
    const span = runSpan('applyMode', result.facts.runId);
    expect(span.events.map((event) => event.name)).toContain('llm_actions.proposal.created');
    const applied = spanNamed(result, 'proposal applied');
    expect(applied.kind).toBe(SpanKind.INTERNAL);
    expect(applied.parentSpanId).toBe(span.spanId);
    expect(applied.traceId).toBe(span.traceId);
    // Who applied it is personal data: only with captureContent.
    expect(applied.attributes).toEqual({ 'llm_actions.proposal.id': result.facts.proposalId, 'llm_actions.proposal.field': 'summary' });
  });
});
