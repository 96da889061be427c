import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';

/** A prompt as a host defines it: a reusable template (system text, style guide, partial). */
export const promptDefinitionSchema = z.object({
  id: idSchema,
  /** The template source (see the template language guide). */
  template: z.string().max(200_000),
  description: z.string().max(2_000).optional(),
});

/** A prompt as a host defines it. */
export type PromptDefinition = z.infer<typeof promptDefinitionSchema>;

/** A stored, immutable prompt version. */
export const promptSchema = promptDefinitionSchema.extend({
  /** 1-based version number, assigned by the store. */
  version: z.number().int().positive(),
  createdAt: timestampSchema,
});

/** A stored, immutable prompt version. */
export type Prompt = z.infer<typeof promptSchema>;
