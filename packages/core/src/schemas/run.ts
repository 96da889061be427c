import { z } from 'zod';
import { idSchema, subjectRefSchema, timestampSchema, usageSchema } from './common.js';
import { settingsSchema } from './action.js';

/** What kind of execution a run records. */
export const runKindSchema = z.enum(['action', 'test', 'chain', 'batch', 'batch-item', 'agent', 'agent-step']);

/** What kind of execution a run records. */
export type RunKind = z.infer<typeof runKindSchema>;

/**
 * Status of a run. `running` is stored before the provider is called;
 * `interrupted` marks a run found `running` after a crash (`recoverStaleRuns`).
 */
export const runStatusSchema = z.enum(['running', 'succeeded', 'failed', 'cancelled', 'interrupted']);

/** Status of a run. */
export type RunStatus = z.infer<typeof runStatusSchema>;

/** One event in a run's diagnostics: the same object the event bus emitted, redacted. */
export const runEventSchema = z.object({
  type: z.string().min(1),
  /** ISO timestamp of emission. */
  at: timestampSchema,
  runId: z.string(),
  parentRunId: z.string().optional(),
  actionId: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
});

/** One event in a run's diagnostics. */
export type RunEvent = z.infer<typeof runEventSchema>;

/** A message as rendered for the model (system, user, ...). */
export const runMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant', 'tool']),
  content: z.string(),
});

/** The error a failed run ended with. */
export const runErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** One execution, kept permanently. */
export const runSchema = z.object({
  id: z.string().min(1),
  kind: runKindSchema,
  actionId: idSchema.optional(),
  actionVersion: z.number().int().positive().optional(),
  subject: subjectRefSchema.optional(),
  /** The resolved source values, by field path. */
  input: z.record(z.string(), z.unknown()),
  /** The rendered messages sent to the model. */
  messages: z.array(runMessageSchema),
  /** `provider/model`. */
  model: z.string(),
  settings: settingsSchema,
  output: z
    .object({
      /** The model's text as received. */
      raw: z.string(),
      /** The parsed value: the text itself, or the parsed JSON. */
      parsed: z.unknown().optional(),
    })
    .optional(),
  proposalId: z.string().optional(),
  status: runStatusSchema,
  error: runErrorSchema.optional(),
  /** Number of provider attempts (1 when the first succeeded). */
  attempts: z.number().int().nonnegative(),
  usage: usageSchema.optional(),
  costUsd: z.number().nonnegative().optional(),
  timings: z.object({
    queuedAt: timestampSchema,
    startedAt: timestampSchema.optional(),
    firstTokenAt: timestampSchema.optional(),
    finishedAt: timestampSchema.optional(),
  }),
  /** Diagnostics: the run's events, redacted and size-bounded. */
  events: z.array(runEventSchema),
  user: z.string().optional(),
  /** The A/B variant that chose the action version, as `label@version`, when a split label was used. */
  variant: z.string().optional(),
  parentRunId: z.string().optional(),
  tags: z.array(z.string()),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

/** One execution, kept permanently. */
export type Run = z.infer<typeof runSchema>;
