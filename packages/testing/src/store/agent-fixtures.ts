import type { AgentApprovalV1, AgentJournalEntryV1, AgentRunV1, AgentSnapshotV1, AgentStepV1, SkillRecordV1 } from '@llm-actions/core';
import { at, unicodeText, uniqueId } from './fixtures.js';

/** A minimal agent run: `running`, revision 1, a small JSON state. */
export function makeAgentRun(overrides: Partial<AgentRunV1> = {}): AgentRunV1 {
  return {
    id: uniqueId('agentrun'),
    agentId: 'summary-filler',
    goal: 'Fill the missing summaries',
    status: 'running',
    revision: 1,
    state: { schemaVersion: 1, messages: [{ role: 'user', content: 'Fill the missing summaries' }] },
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

/** An agent run with every optional field, unicode text and nested JSON in its state and reason. */
export function makeFullAgentRun(overrides: Partial<AgentRunV1> = {}): AgentRunV1 {
  return makeAgentRun({
    goal: `Fill the summaries ${unicodeText}`,
    status: 'failed',
    state: {
      schemaVersion: 1,
      messages: [
        { role: 'system', content: unicodeText },
        { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'fill_summary', input: { subjectId: 'p-🌊', nested: { list: [1, 2.5, null, true, 'x'] } } }] },
      ],
      pending: [{ stepId: 'step-1', decision: 'approval' }],
      usage: { steps: 3, modelCalls: 2, inputTokens: 1200, outputTokens: 80, costUsd: 0.000123, activeMs: 1500 },
      empty: {},
      list: [],
    },
    user: 'editor@example.com',
    subject: { type: 'post', id: 'post-🌊-مرحبا' },
    reason: { code: 'PROVIDER_ERROR', message: `The model failed: ${unicodeText}`, details: { status: 400, attempts: 1, nested: { ok: false } } },
    updatedAt: at(2.5),
    ...overrides,
  });
}

/** A tool step of a run. */
export function makeAgentStep(runId: string, index: number, overrides: Partial<AgentStepV1> = {}): AgentStepV1 {
  return {
    runId,
    id: `${runId}-step-${index}`,
    index,
    kind: 'tool',
    status: 'planned',
    toolName: 'fill_summary',
    toolCallId: `call_${index}`,
    input: { subjectType: 'post', subjectId: `p${index}` },
    createdAt: at(index),
    updatedAt: at(index),
    ...overrides,
  };
}

/** A journal entry as appended (no `seq`): the execution of a write tool with its inverse. */
export function makeJournalEntry(runId: string, stepId: string, overrides: Partial<Omit<AgentJournalEntryV1, 'seq'>> = {}): Omit<AgentJournalEntryV1, 'seq'> {
  const input = { subjectId: 'p1', subjectType: 'post' };
  const result = { before: null, beforeMissing: true, after: `Summary ${unicodeText}`, field: 'summary' };
  return {
    runId,
    kind: 'execute',
    stepId,
    snapshotId: `${runId}-snap-1`,
    toolName: 'fill_summary',
    mode: 'write',
    input,
    result,
    inverse: { toolName: 'fill_summary', input, result },
    approval: { by: 'editor', note: 'ok ✅', at: at(1) },
    by: 'ana',
    at: at(2),
    ...overrides,
  };
}

/** A snapshot of a run. */
export function makeSnapshot(runId: string, overrides: Partial<AgentSnapshotV1> = {}): AgentSnapshotV1 {
  return { runId, id: uniqueId('snap'), label: 'turn 1', stepId: `${runId}-step-0`, createdAt: at(1), ...overrides };
}

/** An approval decision. */
export function makeApproval(runId: string, stepId: string, overrides: Partial<AgentApprovalV1> = {}): AgentApprovalV1 {
  return { runId, stepId, decision: 'approved', by: 'editor', note: 'Looks right', at: at(3), ...overrides };
}

/** A skill version as passed to `skills.create` (no version). */
export function makeSkill(overrides: Partial<Omit<SkillRecordV1, 'version'>> = {}): Omit<SkillRecordV1, 'version'> {
  return {
    id: 'house-tone',
    description: 'How we write',
    instructions: `Write calmly. ${unicodeText}`,
    tools: ['fill_summary', 'list_posts'],
    enabled: true,
    createdAt: at(0),
    ...overrides,
  };
}
