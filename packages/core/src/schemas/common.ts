import { z } from 'zod';

/** Identifier of a prompt, action or agent: lowercase letters, digits, `-`, `_` and `.`. */
export const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lowercase letters, digits, ".", "_" and "-", starting with a letter or digit');

/** A label such as `production` or `staging`. `latest` is reserved: it always means the newest version. */
export const labelSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lowercase letters, digits, ".", "_" and "-"')
  .refine((label) => label !== 'latest', '"latest" is reserved and moves by itself');

/** A dotted path to a field of a subject, e.g. `fields.idea_seed` or `title`. */
export const fieldPathSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)*$/, 'use a dotted path of identifiers, e.g. "seo.description"');

/** ISO 8601 timestamp in UTC with milliseconds, as produced by `Date.prototype.toISOString`. */
export const timestampSchema = z.iso.datetime({ precision: 3 });

/** A `provider/model` reference. The model part may contain `:` and `/` (Ollama tags, namespaces). */
export const modelReferenceSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*\/\S+$/, 'use "provider/model", e.g. "ollama/llama3.2:3b"');

/** Token usage of a run. */
export const usageSchema = z.object({
  inputTokens: z.number().int().nonnegative().optional(),
  outputTokens: z.number().int().nonnegative().optional(),
  cacheReadTokens: z.number().int().nonnegative().optional(),
  cacheWriteTokens: z.number().int().nonnegative().optional(),
  reasoningTokens: z.number().int().nonnegative().optional(),
});

/** Token usage of a run. */
export type Usage = z.infer<typeof usageSchema>;

/** The record an action runs on, supplied by the host. */
export const subjectSchema = z.object({
  /** Kind of record, e.g. `post`, `product`, `idea`. */
  type: z.string().min(1).max(128),
  /** The host's id of the record. */
  id: z.string().min(1).max(256),
  /** The record's fields; sources are read and the destination is written here. */
  fields: z.record(z.string(), z.unknown()),
});

/** The record an action runs on, supplied by the host. */
export type Subject = z.infer<typeof subjectSchema>;

/** A reference to a subject without its fields, as stored on runs. */
export const subjectRefSchema = subjectSchema.pick({ type: true, id: true });

/** A reference to a subject without its fields, as stored on runs. */
export type SubjectRef = z.infer<typeof subjectRefSchema>;
