import type { Run, RunPatchV1, Usage } from '@llm-actions/core';
import { DbNull } from '@prisma/client/runtime/client';
import type { LlmRun, Prisma } from './generated/sqlite/client.js';
import { compact, fromDate, toDate, utcDay } from './values.js';

type RunData = Prisma.LlmRunUncheckedCreateInput;
type RunUpdate = Prisma.LlmRunUncheckedUpdateInput;

/** Token columns derived from `usage`, kept for aggregates; 0 where usage says nothing. */
function tokenColumns(usage: Usage | undefined) {
  return {
    inputTokens: usage?.inputTokens ?? 0,
    outputTokens: usage?.outputTokens ?? 0,
    cacheReadTokens: usage?.cacheReadTokens ?? 0,
    cacheWriteTokens: usage?.cacheWriteTokens ?? 0,
  };
}

/** Timing columns, and `latencyMs` (finishedAt - startedAt) derived for the usage percentiles. */
function timingColumns(timings: Run['timings']) {
  const optional = (value: string | undefined, name: string) => (value === undefined ? null : toDate(value, `run.timings.${name}`));
  const startedAt = optional(timings.startedAt, 'startedAt');
  const finishedAt = optional(timings.finishedAt, 'finishedAt');
  return {
    queuedAt: toDate(timings.queuedAt, 'run.timings.queuedAt'),
    startedAt,
    firstTokenAt: optional(timings.firstTokenAt, 'firstTokenAt'),
    finishedAt,
    latencyMs: startedAt === null || finishedAt === null ? null : finishedAt.getTime() - startedAt.getTime(),
  };
}

/** Columns of a new `llm_runs` row. Absent optional JSON stays out (NULL). */
export function toRunRow(run: Run): RunData {
  const createdAt = toDate(run.createdAt, 'run.createdAt');
  return {
    id: run.id,
    kind: run.kind,
    actionId: run.actionId ?? null,
    actionVersion: run.actionVersion ?? null,
    subjectType: run.subject?.type ?? null,
    subjectId: run.subject?.id ?? null,
    input: run.input as Prisma.InputJsonObject,
    messages: run.messages,
    model: run.model,
    settings: run.settings,
    ...(run.output === undefined ? {} : { output: run.output as Prisma.InputJsonObject }),
    proposalId: run.proposalId ?? null,
    status: run.status,
    ...(run.error === undefined ? {} : { error: run.error as Prisma.InputJsonObject }),
    attempts: run.attempts,
    ...(run.usage === undefined ? {} : { usage: run.usage }),
    ...tokenColumns(run.usage),
    costUsd: run.costUsd ?? null,
    ...timingColumns(run.timings),
    events: run.events as Prisma.InputJsonArray,
    user: run.user ?? null,
    variant: run.variant ?? null,
    parentRunId: run.parentRunId ?? null,
    tags: run.tags,
    createdAt,
    createdDay: utcDay(createdAt),
    updatedAt: toDate(run.updatedAt, 'run.updatedAt'),
  };
}

/** The contract's run of an `llm_runs` row: NULL columns become absent fields. */
export function fromRunRow(row: LlmRun): Run {
  const optionalDate = (value: Date | null) => (value === null ? undefined : fromDate(value));
  return compact<Run>({
    id: row.id,
    kind: row.kind as Run['kind'],
    actionId: row.actionId,
    actionVersion: row.actionVersion,
    subject: row.subjectType === null || row.subjectId === null ? undefined : { type: row.subjectType, id: row.subjectId },
    input: row.input as Run['input'],
    messages: row.messages as Run['messages'],
    model: row.model,
    settings: row.settings as Run['settings'],
    output: row.output as Run['output'] | null,
    proposalId: row.proposalId,
    status: row.status as Run['status'],
    error: row.error as Run['error'] | null,
    attempts: row.attempts,
    usage: row.usage as Usage | null,
    costUsd: row.costUsd,
    timings: compact<Run['timings']>({
      queuedAt: fromDate(row.queuedAt),
      startedAt: optionalDate(row.startedAt),
      firstTokenAt: optionalDate(row.firstTokenAt),
      finishedAt: optionalDate(row.finishedAt),
    }),
    events: row.events as Run['events'],
    user: row.user,
    variant: row.variant,
    parentRunId: row.parentRunId,
    tags: row.tags as Run['tags'],
    createdAt: fromDate(row.createdAt),
    updatedAt: fromDate(row.updatedAt),
  });
}

/** JSON for a nullable JSON column: a value, or a database NULL when the patch removes it. */
function nullableJson<TValue>(value: TValue | undefined): TValue | typeof DbNull {
  return value === undefined ? DbNull : value;
}

/**
 * Column updates for a validated patch. A key present with `undefined` clears an optional
 * field; required fields were checked to be present by the caller.
 */
export function toRunUpdate(patch: RunPatchV1): RunUpdate {
  const data: RunUpdate = {};
  const has = (key: keyof RunPatchV1) => Object.prototype.hasOwnProperty.call(patch, key);
  if (has('actionId')) data.actionId = patch.actionId ?? null;
  if (has('actionVersion')) data.actionVersion = patch.actionVersion ?? null;
  if (has('subject')) Object.assign(data, { subjectType: patch.subject?.type ?? null, subjectId: patch.subject?.id ?? null });
  if (patch.input !== undefined) data.input = patch.input as Prisma.InputJsonObject;
  if (patch.messages !== undefined) data.messages = patch.messages;
  if (patch.model !== undefined) data.model = patch.model;
  if (patch.settings !== undefined) data.settings = patch.settings;
  if (has('output')) data.output = nullableJson(patch.output as Prisma.InputJsonObject | undefined);
  if (has('proposalId')) data.proposalId = patch.proposalId ?? null;
  if (patch.status !== undefined) data.status = patch.status;
  if (has('error')) data.error = nullableJson(patch.error as Prisma.InputJsonObject | undefined);
  if (patch.attempts !== undefined) data.attempts = patch.attempts;
  if (has('usage')) Object.assign(data, { usage: nullableJson(patch.usage), ...tokenColumns(patch.usage) });
  if (has('costUsd')) data.costUsd = patch.costUsd ?? null;
  if (patch.timings !== undefined) Object.assign(data, timingColumns(patch.timings));
  if (patch.events !== undefined) data.events = patch.events as Prisma.InputJsonArray;
  if (has('user')) data.user = patch.user ?? null;
  if (has('variant')) data.variant = patch.variant ?? null;
  if (has('parentRunId')) data.parentRunId = patch.parentRunId ?? null;
  if (patch.tags !== undefined) data.tags = patch.tags;
  if (patch.updatedAt !== undefined) data.updatedAt = toDate(patch.updatedAt, 'patch.updatedAt');
  return data;
}
