import { z } from 'zod';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import { parseOrThrow } from '../runtime/validate.js';
import { settingsSchema, type Settings } from '../schemas/action.js';
import { idSchema, modelReferenceSchema } from '../schemas/common.js';
import type { Tool } from './define-tool.js';
import { agentPolicySchema, resolvePolicy, type AgentPolicy, type ResolvedAgentPolicy } from './policy.js';

/** Any tool, whatever its input and result types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tools of every input type go into one list
export type AnyTool = Tool<any, any>;

/** An agent as passed to `defineAgent`. */
export interface AgentDefinition {
  /** Stable id; runs record it, and resume finds the agent by it. */
  id: string;
  /** The system prompt: the agent's role, how to work, when to stop. */
  instructions: string;
  /** `provider/model` of the model that plans the tool calls; it must support tools. */
  model: string;
  /** The tools the agent may offer the model (the policy may narrow them). */
  tools: AnyTool[];
  /** Names of skills from the store's registry (`name`, `name@version` or `name@label`). */
  skills?: string[];
  /** Allowlist, budgets, read-only mode, approvals and path allowlist. */
  policy?: AgentPolicy;
  /** Generation settings of the model calls. */
  settings?: Settings;
}

/** A validated agent definition. */
export interface Agent {
  readonly id: string;
  readonly instructions: string;
  readonly model: string;
  readonly tools: readonly AnyTool[];
  readonly skills: readonly string[];
  readonly policy: ResolvedAgentPolicy;
  readonly settings: Settings;
  /** The tool of this name, if the agent has one. */
  tool(name: string): AnyTool | undefined;
  /** Names of the tools offered to the model: the agent's tools that the policy allows. */
  readonly offeredTools: ReadonlySet<string>;
}

const definitionSchema = z.object({
  id: idSchema,
  instructions: z.string().min(1).max(200_000),
  model: modelReferenceSchema,
  tools: z.array(z.custom<AnyTool>((value) => typeof value === 'object' && value !== null && 'inputSchema' in value, 'expected tools made with defineTool() or actionTool()')),
  skills: z.array(z.string().min(1)).default([]),
  policy: agentPolicySchema.optional(),
  settings: settingsSchema.default({}),
});

/**
 * Defines an agent: a model that plans tool calls towards a goal, under a policy.
 * Start it with `createAgentRuntime(...).start(agent, goal)`.
 *
 * @example
 * ```ts
 * const reviewer = defineAgent({
 *   id: 'summary-filler', model: 'ollama/llama3.2:3b',
 *   instructions: 'Fill in missing summaries. Use list_posts, then summarize each post.',
 *   tools: [listPosts, actionTool(summarize, { loadSubject })],
 *   policy: { budgets: { maxSteps: 20 }, approvals: 'all-writes' },
 * });
 * ```
 */
export function defineAgent(definition: AgentDefinition): Agent {
  const label = typeof definition?.id === 'string' ? `agent "${definition.id}"` : 'agent';
  const valid = parseOrThrow(definitionSchema, definition, label, 'INVALID_DEFINITION');
  const byName = new Map<string, AnyTool>();
  for (const tool of valid.tools) {
    if (byName.has(tool.name)) {
      throw new LlmActionsError({ code: 'INVALID_DEFINITION', message: `Invalid ${label}: two tools are named "${tool.name}"; tool names must be unique.`, details: { tool: tool.name } });
    }
    byName.set(tool.name, tool);
  }
  const unknown = (valid.policy?.tools ?? []).filter((name) => !byName.has(name));
  if (unknown.length > 0) {
    throw new LlmActionsError({
      code: 'INVALID_DEFINITION',
      message: `Invalid ${label}: the policy allows tool(s) ${unknown.join(', ')} that the agent does not have.`,
      details: { unknown },
    });
  }
  const policy = resolvePolicy(valid.policy);
  const offeredTools = new Set([...byName.keys()].filter((name) => !policy.tools || policy.tools.has(name)));
  return Object.freeze({
    id: valid.id,
    instructions: valid.instructions,
    model: valid.model,
    tools: Object.freeze([...valid.tools]),
    skills: Object.freeze([...valid.skills]),
    policy,
    settings: valid.settings,
    offeredTools,
    tool: (name: string) => byName.get(name),
  });
}
