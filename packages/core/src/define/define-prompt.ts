import { promptDefinitionSchema, type PromptDefinition } from '../schemas/prompt.js';
import { parseOrThrow } from '../runtime/validate.js';

/**
 * Validates a prompt definition (a reusable template such as a style guide or a
 * partial) and returns it. Save it with `llm.prompts.save(prompt)`.
 *
 * @example
 * ```ts
 * const tone = definePrompt({ id: 'house-tone', template: 'Write plainly, for {{ audience | default: "readers" }}.' });
 * ```
 */
export function definePrompt(definition: PromptDefinition): PromptDefinition {
  const label = typeof definition?.id === 'string' ? `prompt "${definition.id}"` : 'prompt';
  return parseOrThrow(promptDefinitionSchema, definition, label, 'INVALID_DEFINITION');
}
