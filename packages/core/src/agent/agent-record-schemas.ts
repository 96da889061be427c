import { z } from 'zod';
import type { AgentApprovalV1 } from '../contracts/store/v1/agent-approval-v1.js';
import type { AgentJournalEntryV1 } from '../contracts/store/v1/agent-journal-entry-v1.js';
import type { AgentRunPatchV1, AgentRunV1 } from '../contracts/store/v1/agent-run-v1.js';
import type { AgentSnapshotV1 } from '../contracts/store/v1/agent-snapshot-v1.js';
import type { AgentStepV1 } from '../contracts/store/v1/agent-step-v1.js';
import type { SkillRecordV1 } from '../contracts/store/v1/skill-record-v1.js';
import { idSchema, subjectRefSchema, timestampSchema } from '../schemas/common.js';
import { isJsonValue } from './json-value.js';

/** Any JSON value that round-trips exactly (stores keep payloads in JSON columns). */
export const jsonValueSchema = z.unknown().refine((value) => isJsonValue(value), 'must be JSON data (no undefined, functions, NaN or class instances)');

/** Status of an agent run (see `AgentRunStatusV1`). */
export const agentRunStatusSchema = z.enum(['running', 'awaiting-approval', 'rolling-back', 'succeeded', 'failed', 'cancelled', 'budget-exhausted']);

const reasonSchema = z.object({ code: z.string().min(1), message: z.string(), details: z.record(z.string(), jsonValueSchema).optional() });
const stateSchema = z.looseObject({ schemaVersion: z.number().int().positive() }).refine((value) => isJsonValue(value), 'must be JSON data');

/** An agent run record (`AgentRunV1`), as stores validate it. */
export const agentRunSchema: z.ZodType<AgentRunV1> = z.object({
  id: z.string().min(1).max(256),
  agentId: idSchema,
  goal: z.string().min(1),
  status: agentRunStatusSchema,
  revision: z.number().int().positive(),
  state: stateSchema,
  user: z.string().optional(),
  subject: subjectRefSchema.optional(),
  reason: reasonSchema.optional(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

/** A patch of `AgentRepositoryV1.updateRun` (`AgentRunPatchV1`). */
export const agentRunPatchSchema: z.ZodType<AgentRunPatchV1> = z
  .object({ status: agentRunStatusSchema, state: stateSchema, reason: reasonSchema.optional(), updatedAt: timestampSchema })
  .partial()
  .strict();

/** Status of an agent step (see `AgentStepStatusV1`). */
export const agentStepStatusSchema = z.enum(['planned', 'running', 'awaiting-approval', 'succeeded', 'failed', 'refused', 'rejected', 'previewed']);

/** An agent step record (`AgentStepV1`). */
export const agentStepSchema: z.ZodType<AgentStepV1> = z.object({
  runId: z.string().min(1),
  id: z.string().min(1).max(256),
  index: z.number().int().nonnegative(),
  kind: z.enum(['model', 'tool']),
  status: agentStepStatusSchema,
  toolName: z.string().min(1).optional(),
  toolCallId: z.string().optional(),
  decision: z.enum(['execute', 'approval', 'preview', 'refused']).optional(),
  input: jsonValueSchema.optional(),
  preview: jsonValueSchema.optional(),
  output: jsonValueSchema.optional(),
  error: reasonSchema.optional(),
  modelRunId: z.string().optional(),
  snapshotId: z.string().optional(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

/** A journal entry as appended, without the store-assigned `seq`. */
export const agentJournalAppendSchema: z.ZodType<Omit<AgentJournalEntryV1, 'seq'>> = z.object({
  runId: z.string().min(1),
  kind: z.enum(['execute', 'undo']),
  stepId: z.string().min(1),
  snapshotId: z.string().optional(),
  toolName: z.string().min(1),
  mode: z.enum(['read', 'write']),
  input: jsonValueSchema,
  result: jsonValueSchema.optional(),
  inverse: z.object({ toolName: z.string().min(1), input: jsonValueSchema, result: jsonValueSchema }).nullable().optional(),
  undoes: z.number().int().positive().optional(),
  approval: z.object({ by: z.string().min(1), note: z.string().optional(), at: timestampSchema }).optional(),
  by: z.string().optional(),
  at: timestampSchema,
});

/** An agent snapshot record (`AgentSnapshotV1`). */
export const agentSnapshotSchema: z.ZodType<AgentSnapshotV1> = z.object({
  runId: z.string().min(1),
  id: z.string().min(1).max(256),
  label: z.string(),
  stepId: z.string().min(1),
  createdAt: timestampSchema,
});

/** An approval decision record (`AgentApprovalV1`). */
export const agentApprovalSchema: z.ZodType<AgentApprovalV1> = z.object({
  runId: z.string().min(1),
  stepId: z.string().min(1),
  decision: z.enum(['approved', 'rejected']),
  by: z.string().min(1),
  note: z.string().max(10_000).optional(),
  at: timestampSchema,
});

/** A skill version (`SkillRecordV1`). */
export const skillRecordSchema: z.ZodType<SkillRecordV1> = z.object({
  id: idSchema,
  version: z.number().int().positive(),
  description: z.string().max(10_000),
  instructions: z.string().max(200_000),
  tools: z.array(z.string().min(1)),
  enabled: z.boolean(),
  createdAt: timestampSchema,
});
