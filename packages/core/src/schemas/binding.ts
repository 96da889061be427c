import { z } from 'zod';
import { fieldPathSchema, idSchema, labelSchema, timestampSchema } from './common.js';

/** Which action fills which field of which subject type. At most one per field. */
export const bindingDefinitionSchema = z.object({
  subjectType: z.string().min(1).max(128),
  field: fieldPathSchema,
  actionId: idSchema,
  /** Label or `latest` to resolve the action version at run time. */
  label: z.union([labelSchema, z.literal('latest')]).optional(),
});

/** Which action fills which field of which subject type. */
export type BindingDefinition = z.infer<typeof bindingDefinitionSchema>;

/** A stored binding. */
export const bindingSchema = bindingDefinitionSchema.extend({ createdAt: timestampSchema });

/** A stored binding. */
export type Binding = z.infer<typeof bindingSchema>;
