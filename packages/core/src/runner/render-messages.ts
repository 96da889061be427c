import { LlmActionsError } from '../errors/llm-actions-error.js';
import { TemplateError } from '../errors/template-error.js';
import type { ProviderV1Message } from '../contracts/provider/v1/provider-v1-message.js';
import type { RunnableAction } from './resolve-action.js';
import type { RunnerContext } from './context.js';
import { parseActionRef } from './resolve-action.js';

/** The partials a template includes, from the compiled-template cache; none when it does not compile (rendering reports why). */
function partialsOf(context: RunnerContext, source: string): string[] {
  try {
    return context.templates.compile(source).analysis.partials;
  } catch {
    return [];
  }
}

/** Loads every stored prompt the templates include, transitively, as `name -> template`. */
async function loadPartials(context: RunnerContext, sources: string[]): Promise<Record<string, string>> {
  const partials: Record<string, string> = {};
  const queue = sources.flatMap((source) => partialsOf(context, source));
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (Object.hasOwn(partials, name)) continue;
    const { id, version, label } = parseActionRef(name);
    const selector = version !== undefined ? { version } : label !== undefined ? { label } : undefined;
    const prompt = await context.store.prompts.get(id, selector);
    if (!prompt) {
      throw new TemplateError({
        code: 'TEMPLATE_PARTIAL',
        message: `Partial "{{> ${name}}}" names no stored prompt. Save it with llm.prompts.save({ id: "${id}", template }) or fix the name.`,
        problems: [{ message: `unknown partial "${name}"`, line: 1, column: 1, name }],
      });
    }
    partials[name] = prompt.template;
    queue.push(...partialsOf(context, prompt.template));
  }
  return partials;
}

/** Renders one template, naming it in the error when it fails. */
function renderOne(context: RunnerContext, which: string, source: string, scope: object, partials: Record<string, string>): string {
  try {
    return context.templates.render(source, scope, { partials });
  } catch (error) {
    if (TemplateError.isInstance(error)) {
      throw new TemplateError({
        code: error.code,
        message: `In the ${which} prompt: ${error.message}`,
        problems: error.problems,
        template: which,
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * Renders an action's prompts into messages: the system prompt (if any) as the system
 * message; context and instructions, separated by a blank line, as the user message.
 */
export async function renderMessages(context: RunnerContext, action: RunnableAction, scope: object): Promise<ProviderV1Message[]> {
  const { system, context: contextPrompt, instructions } = action.prompts;
  const present = [system, contextPrompt, instructions].filter((source): source is string => source !== undefined);
  const partials = await loadPartials(context, present);
  const messages: ProviderV1Message[] = [];
  if (system !== undefined) messages.push({ role: 'system', content: renderOne(context, 'system', system, scope, partials) });
  const userParts: string[] = [];
  if (contextPrompt !== undefined) userParts.push(renderOne(context, 'context', contextPrompt, scope, partials));
  userParts.push(renderOne(context, 'instructions', instructions, scope, partials));
  const content = userParts.filter((part) => part.trim() !== '').join('\n\n');
  if (content.trim() === '') {
    throw new LlmActionsError({
      code: 'SOURCE_MISSING',
      message: `Action "${action.id}" rendered an empty prompt; check that its instructions use the sources.`,
      details: { actionId: action.id },
    });
  }
  messages.push({ role: 'user', content });
  return messages;
}
