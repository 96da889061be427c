import { z } from 'zod';
import { actionDefinitionSchema, actionSchema } from './action.js';
import { bindingDefinitionSchema } from './binding.js';
import { promptDefinitionSchema, promptSchema } from './prompt.js';
import { proposalSchema } from './proposal.js';
import { runSchema } from './run.js';

let cache: Record<string, Record<string, unknown>> | undefined;

/**
 * JSON Schemas (draft 2020-12) of the data model, for host UIs that build forms
 * and validators from them. Computed once, on first use.
 *
 * @example
 * ```ts
 * const form = buildForm(jsonSchemas().actionDefinition);
 * ```
 */
export function jsonSchemas(): Readonly<
  Record<'promptDefinition' | 'prompt' | 'actionDefinition' | 'action' | 'binding' | 'run' | 'proposal', Record<string, unknown>>
> {
  cache ??= {
    promptDefinition: z.toJSONSchema(promptDefinitionSchema, { io: 'input' }),
    prompt: z.toJSONSchema(promptSchema),
    actionDefinition: z.toJSONSchema(actionDefinitionSchema, { io: 'input' }),
    action: z.toJSONSchema(actionSchema),
    binding: z.toJSONSchema(bindingDefinitionSchema, { io: 'input' }),
    run: z.toJSONSchema(runSchema),
    proposal: z.toJSONSchema(proposalSchema),
  };
  return cache as ReturnType<typeof jsonSchemas>;
}
