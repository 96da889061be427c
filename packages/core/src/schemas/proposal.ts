import { z } from 'zod';
import { idSchema, subjectRefSchema, timestampSchema } from './common.js';

/** One line of a line diff between the field's value before and after. */
export const diffLineSchema = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
});

/** One line of a line diff. */
export type DiffLine = z.infer<typeof diffLineSchema>;

/** Status of a proposal: it waits for review, or was applied or rejected. */
export const proposalStatusSchema = z.enum(['pending', 'applied', 'rejected']);

/** Status of a proposal. */
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;

/** The change a run suggests to one field of one subject. */
export const proposalSchema = z.object({
  id: z.string().min(1),
  runId: z.string().min(1),
  actionId: idSchema,
  actionVersion: z.number().int().positive(),
  subject: subjectRefSchema,
  /** Destination field path. */
  field: z.string().min(1),
  /** The field's value when the run started (undefined when it was empty). */
  before: z.unknown(),
  /** The value the run suggests. */
  after: z.unknown(),
  /** Line diff of the text forms of `before` and `after`. */
  diff: z.array(diffLineSchema),
  status: proposalStatusSchema,
  createdAt: timestampSchema,
  resolvedAt: timestampSchema.optional(),
  /** Who applied or rejected it. */
  resolvedBy: z.string().optional(),
  /** Why it was rejected, or a reviewer's remark. */
  note: z.string().max(10_000).optional(),
});

/** The change a run suggests to one field of one subject. */
export type Proposal = z.infer<typeof proposalSchema>;
