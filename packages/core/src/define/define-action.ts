import { z } from 'zod';
import { actionDefinitionSchema, type ActionDefinition, type ActionDefinitionInput } from '../schemas/action.js';
import { parseOrThrow } from '../runtime/validate.js';

declare const outputType: unique symbol;

/**
 * A validated action definition. `TOutput` is the type of `result.output` when it
 * runs: `string` for text actions, the zod schema's output for JSON actions.
 */
export type Action<TOutput = string> = ActionDefinition & {
  /** Set on versions read from a store. */
  readonly version?: number;
  /** Type-level only: the parsed output type. */
  readonly [outputType]?: TOutput;
};

/** The output type an action produces. */
export type ActionOutput<TAction> = TAction extends Action<infer TOutput> ? TOutput : unknown;

const zodSchemas = new WeakMap<object, z.ZodType>();

/** The zod schema an action was defined with, if any (JSON Schema is used otherwise). */
export function zodSchemaOf(action: object): z.ZodType | undefined {
  return zodSchemas.get(action);
}

type BaseInput = Omit<ActionDefinitionInput, 'output'>;

/**
 * Validates an action definition and infers its output type. With a zod schema as
 * `output.schema`, the schema is converted to JSON Schema for storage and providers,
 * and `result.output` is typed by it.
 *
 * @example
 * ```ts
 * const summarize = defineAction({
 *   id: 'summarize', name: 'Generate Summary', sources: ['idea_seed'], destination: 'summary',
 *   prompts: { instructions: 'Summarize in two sentences:\n{{ input }}' },
 *   model: 'ollama/llama3.2:3b',
 * });
 * ```
 */
export function defineAction<TSchema extends z.ZodType>(
  definition: BaseInput & { output: { format: 'json'; schema: TSchema } },
): Action<z.output<TSchema>>;
export function defineAction(
  definition: BaseInput & { output: { format: 'json'; schema?: Record<string, unknown> } },
): Action<unknown>;
export function defineAction(definition: BaseInput & { output?: { format: 'text' } }): Action<string>;
export function defineAction(definition: ActionDefinitionInput): Action<unknown>;
export function defineAction(definition: ActionDefinitionInput | (BaseInput & { output: { format: 'json'; schema: z.ZodType } })): Action<unknown> {
  const label = typeof definition?.id === 'string' ? `action "${definition.id}"` : 'action';
  const output = (definition as { output?: { format?: string; schema?: unknown } }).output;
  const zodSchema = output?.schema instanceof z.ZodType ? output.schema : undefined;
  const candidate = zodSchema
    ? { ...definition, output: { format: 'json', schema: z.toJSONSchema(zodSchema, { io: 'output', unrepresentable: 'any' }) } }
    : definition;
  const action = parseOrThrow(actionDefinitionSchema, candidate, label, 'INVALID_DEFINITION') as Action<unknown>;
  if (zodSchema) zodSchemas.set(action, zodSchema);
  return action;
}
