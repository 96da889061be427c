import type { ActionRecord, Binding, Prompt, Proposal, Run, RunEvent } from '@llm-actions/core';

/** The instant every fixture timestamp is measured from. */
export const baseTime = Date.parse('2025-03-01T08:00:00.000Z');

/** An ISO timestamp `seconds` after {@link baseTime}. */
export function at(seconds: number): string {
  return new Date(baseTime + seconds * 1000).toISOString();
}

let sequence = 0;

/** A fresh id with a readable prefix, unique within the process. */
export function uniqueId(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence.toString().padStart(5, '0')}`;
}

/** A minimal valid run (status `running`, no optional fields), with overrides applied. */
export function makeRun(overrides: Partial<Run> = {}): Run {
  const createdAt = overrides.createdAt ?? at(0);
  return {
    id: uniqueId('run'),
    kind: 'action',
    input: { body: 'A short post about tides.' },
    messages: [{ role: 'user', content: 'Summarize: A short post about tides.' }],
    model: 'ollama/llama3.2:3b',
    settings: {},
    status: 'running',
    attempts: 0,
    timings: { queuedAt: createdAt },
    events: [],
    tags: [],
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

/** Text in several scripts: emoji (outside the BMP), right-to-left, CJK, combining marks. */
export const unicodeText = 'Résumé 🚀👩🏽‍💻 — مرحبا بالعالم — שלום — 你好，世界 — こんにちは — 한국어 — e\u0301 — \u{1F9EA}';

/** A diagnostics event with a payload of about `size` characters. */
export function makeEvent(runId: string, index: number, size = 200): RunEvent {
  // Cut by code points, never inside a surrogate pair.
  const filler = Array.from(`${unicodeText} `.repeat(Math.ceil(size / unicodeText.length)))
    .slice(0, size)
    .join('');
  return { type: index % 2 === 0 ? 'run:chunk' : 'run:request', at: at(index / 1000), runId, data: { index, text: filler, nested: { ok: true, values: [1, 2.5, null] } } };
}

/** About 1 MB of diagnostics events. */
export function makeLargeEvents(runId: string): RunEvent[] {
  return Array.from({ length: 1024 }, (_, index) => makeEvent(runId, index, 1000));
}

/** A run with every optional field set, using unicode in every free-text field. */
export function makeFullRun(overrides: Partial<Run> = {}): Run {
  const id = overrides.id ?? uniqueId('run-full');
  return makeRun({
    id,
    kind: 'batch-item',
    actionId: 'summarize',
    actionVersion: 3,
    subject: { type: 'post', id: 'post-🌊-مرحبا-你好' },
    input: { body: unicodeText, 'seo.title': 'Tides', count: 3, flags: [true, false], empty: null },
    messages: [
      { role: 'system', content: `Write in the voice of the style guide. ${unicodeText}` },
      { role: 'user', content: `Summarize: ${unicodeText}` },
      { role: 'assistant', content: '{"summary":"🌊"}' },
    ],
    model: 'openai/gpt-4o-mini',
    settings: { temperature: 0.25, maxOutputTokens: 512, topP: 0.9, topK: 40, stop: ['\n\n', '。'], seed: 42 },
    output: { raw: `${unicodeText} 🌊`, parsed: { summary: unicodeText, score: 0.75, tags: ['海', 'بحر'] } },
    proposalId: uniqueId('proposal'),
    status: 'failed',
    error: { code: 'OUTPUT_INVALID', message: `Output did not match: ${unicodeText}`, details: { path: ['summary'], attempt: 2 } },
    attempts: 2,
    usage: { inputTokens: 1234, outputTokens: 56, cacheReadTokens: 7, cacheWriteTokens: 8, reasoningTokens: 9 },
    costUsd: 0.001234,
    timings: { queuedAt: at(0), startedAt: at(0.125), firstTokenAt: at(0.5), finishedAt: at(1.75) },
    events: [makeEvent(id, 0), makeEvent(id, 1)],
    user: 'editor@example.com',
    parentRunId: uniqueId('run-parent'),
    tags: ['nightly', '🌙', 'ليلي'],
    createdAt: at(0),
    updatedAt: at(1.75),
    ...overrides,
  });
}

/** A prompt version as passed to `prompts.create` (no version). */
export function makePrompt(overrides: Partial<Omit<Prompt, 'version'>> = {}): Omit<Prompt, 'version'> {
  return { id: 'house-style', template: 'Write plainly. {{ tone | default: "calm" }}', description: 'House style', createdAt: at(0), ...overrides };
}

/** An action version as passed to `actions.create` (no version). */
export function makeAction(overrides: Partial<Omit<ActionRecord, 'version'>> = {}): Omit<ActionRecord, 'version'> {
  return {
    id: 'summarize',
    name: 'Summarize body',
    description: 'One-paragraph summary of the body',
    sources: ['body'],
    destination: 'summary',
    prompts: { system: '{{> house-style}}', instructions: 'Summarize: {{ input }}' },
    model: 'ollama/llama3.2:3b',
    settings: { temperature: 0.2 },
    output: { format: 'text' },
    testCases: [{ name: 'short', fields: { body: 'Tides rise.' }, expect: { maxLength: 200 } }],
    status: 'published',
    createdAt: at(0),
    ...overrides,
  };
}

/** A binding of a field to an action. */
export function makeBinding(overrides: Partial<Binding> = {}): Binding {
  return { subjectType: 'post', field: 'summary', actionId: 'summarize', label: 'production', createdAt: at(0), ...overrides };
}

/** A pending proposal. */
export function makeProposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    id: uniqueId('proposal'),
    runId: uniqueId('run'),
    actionId: 'summarize',
    actionVersion: 1,
    subject: { type: 'post', id: 'post-1' },
    field: 'summary',
    before: 'Old summary',
    after: `New summary ${unicodeText}`,
    diff: [
      { op: 'delete', text: 'Old summary' },
      { op: 'insert', text: `New summary ${unicodeText}` },
    ],
    status: 'pending',
    createdAt: at(0),
    ...overrides,
  };
}
