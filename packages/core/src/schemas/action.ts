import { z } from 'zod';
import { fieldPathSchema, idSchema, modelReferenceSchema, timestampSchema } from './common.js';

/** Generation settings of an action (the provider contract's settings). */
export const settingsSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    maxOutputTokens: z.number().int().positive().optional(),
    topP: z.number().min(0).max(1).optional(),
    topK: z.number().int().positive().optional(),
    stop: z.array(z.string()).max(16).optional(),
    seed: z.number().int().optional(),
  })
  .strict();

/** Generation settings of an action. */
export type Settings = z.infer<typeof settingsSchema>;

/** The output an action expects: text, or JSON matching a JSON Schema. */
export const outputSpecSchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('text') }),
  z.object({
    format: z.literal('json'),
    /** JSON Schema of the output; `defineAction` converts a zod schema to it. */
    schema: z.record(z.string(), z.unknown()).optional(),
  }),
]);

/** The output an action expects. */
export type OutputSpec = z.infer<typeof outputSpecSchema>;

/** The templates an action renders into messages. Partials may include stored prompts. */
export const actionPromptsSchema = z.object({
  /** Rendered as the system message. */
  system: z.string().max(200_000).optional(),
  /** Style guide or background, rendered before the instructions in the user message. */
  context: z.string().max(200_000).optional(),
  /** What to generate; rendered as the user message. */
  instructions: z.string().min(1).max(200_000),
});

/** Where an action may run: subject types and destination fields it may touch. */
export const actionScopeSchema = z.object({
  subjectTypes: z.array(z.string().min(1)).optional(),
  fields: z.array(fieldPathSchema).optional(),
});

/** A sample the action is expected to handle, run by `llm.test`. */
export const actionTestCaseSchema = z.object({
  name: z.string().min(1).max(200),
  /** Fields of a sample subject. */
  fields: z.record(z.string(), z.unknown()),
  /** Optional checks on the output text. */
  expect: z
    .object({
      contains: z.array(z.string()).optional(),
      maxLength: z.number().int().positive().optional(),
    })
    .optional(),
});

/** An action's draft/published state. Only published actions resolve by label or `latest` for bindings. */
export const actionStatusSchema = z.enum(['draft', 'published']);

/** An action as a host defines it (before the store assigns a version). */
export const actionDefinitionSchema = z.object({
  id: idSchema,
  /** Human name, e.g. "Generate Summary from idea_seed". */
  name: z.string().min(1).max(200),
  description: z.string().max(2_000).optional(),
  /** Field paths read from the subject; the first is `input` in templates. */
  sources: z.array(fieldPathSchema).min(1).max(32),
  /** Field path the output is written to. */
  destination: fieldPathSchema,
  prompts: actionPromptsSchema,
  /** `provider/model`, e.g. `ollama/llama3.2:3b`. */
  model: modelReferenceSchema,
  settings: settingsSchema.default({}),
  output: outputSpecSchema.default({ format: 'text' }),
  scope: actionScopeSchema.optional(),
  testCases: z.array(actionTestCaseSchema).default([]),
  status: actionStatusSchema.default('published'),
});

/** An action as a host defines it (input form: defaults not yet applied). */
export type ActionDefinitionInput = z.input<typeof actionDefinitionSchema>;

/** An action as a host defines it, with defaults applied. */
export type ActionDefinition = z.infer<typeof actionDefinitionSchema>;

/** A stored, immutable action version. */
export const actionSchema = actionDefinitionSchema.extend({
  version: z.number().int().positive(),
  createdAt: timestampSchema,
});

/** A stored, immutable action version. */
export type ActionRecord = z.infer<typeof actionSchema>;
