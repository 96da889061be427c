import { LlmActionsError, type ErrorCode, type Run } from '@llm-actions/core';
import { expect } from 'vitest';

export { at, makeProposal, makeRun, uniqueId } from '@llm-actions/testing';
import { at, makeRun, uniqueId } from '@llm-actions/testing';

/** Text in several scripts, with a NUL character and a lone-surrogate-free emoji sequence. */
export const awkwardText = 'Résumé 🚀👩🏽‍💻 — مرحبا — 你好 — e\u0301 — nul:\u0000 — "quotes" \\ back\nslash';

/** A run with every optional field set and JSON that databases like to alter. */
export function makeFullRun(overrides: Partial<Run> = {}): Run {
  const id = overrides.id ?? uniqueId('run-full');
  return makeRun({
    id,
    kind: 'batch-item',
    actionId: 'summarize',
    actionVersion: 3,
    subject: { type: 'post', id: 'post-🌊' },
    // Key order, numbers at the edge of doubles, nested nulls, a string that looks like a number.
    input: { zeta: awkwardText, alpha: 1e21, tiny: 5e-324, negative: -0.5, numeric: '0123', list: [null, true, { b: 1, a: 2 }] },
    messages: [{ role: 'system', content: awkwardText }, { role: 'user', content: 'Summarize' }],
    model: 'openai/gpt-4o-mini',
    settings: { temperature: 0.25, maxOutputTokens: 512, stop: ['\n\n'], seed: 42 },
    output: { raw: awkwardText, parsed: { summary: awkwardText, score: 0.75 } },
    proposalId: uniqueId('proposal'),
    status: 'failed',
    error: { code: 'OUTPUT_INVALID', message: awkwardText, details: { path: ['summary'] } },
    attempts: 2,
    usage: { inputTokens: 1234, outputTokens: 56, cacheReadTokens: 7, cacheWriteTokens: 8, reasoningTokens: 9 },
    costUsd: 0.001234,
    timings: { queuedAt: at(0), startedAt: at(0.125), firstTokenAt: at(0.5), finishedAt: at(1.75) },
    events: [{ type: 'run:chunk', at: at(0.001), runId: id, data: { text: awkwardText, nested: { values: [1, 2.5, null] } } }],
    user: 'editor@example.com',
    parentRunId: uniqueId('run-parent'),
    tags: ['nightly', '🌙'],
    createdAt: at(0),
    updatedAt: at(1.75),
    ...overrides,
  });
}


/** Asserts that `operation` fails with an `LlmActionsError` of `code`, and returns it. */
export async function expectError(operation: () => Promise<unknown>, code: ErrorCode): Promise<LlmActionsError> {
  const error = await operation().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(LlmActionsError.isInstance(error), `expected ${code}, got ${String(error)}`).toBe(true);
  expect((error as LlmActionsError).code).toBe(code);
  expect((error as LlmActionsError).message).toMatch(/^\[llm-actions\/store-prisma\] /);
  return error as LlmActionsError;
}
