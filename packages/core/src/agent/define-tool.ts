import { z } from 'zod';
import type { ProviderV1Tool } from '../contracts/provider/v1/provider-v1-tool.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { LlmActions } from '../runner/llm-actions-api.js';
import type { ApplyCallback } from '../runner/proposals.js';
import type { Subject } from '../schemas/common.js';
import type { PathAllowlist } from './path-allowlist.js';

/** Whether a tool only reads (`read`) or changes something (`write`). */
export type ToolMode = 'read' | 'write';

/** What a tool's functions receive besides their input. */
export interface ToolContext {
  /** The agent run. */
  runId: string;
  /** The step executing (or previewing, or undoing) the call. */
  stepId: string;
  /** Who started the run, or who rolls it back. */
  user?: string;
  /** The subject the run was started with, with its fields as given then. */
  subject?: Subject;
  /** Aborted when the run is cancelled. */
  signal: AbortSignal;
  /** The `LlmActions` instance of the runtime (run actions, apply proposals). */
  llm: LlmActions;
  /** The host's `apply` callback, for tools that write fields (and their undo). */
  apply?: ApplyCallback;
  /** `execute` of a previewed write step: the preview the reviewer approved. */
  preview?: unknown;
  /** `execute` of an approved step: who approved it. */
  approval?: { by: string; note?: string; at: string };
  /** The policy's path allowlist, when it has one: resolve file paths through it. */
  paths?: PathAllowlist;
}

/** A tool as passed to `defineTool`. `TInput` is the parsed input of the zod schema. */
export interface ToolDefinition<TInput = unknown, TResult = unknown> {
  /** Unique name the model calls the tool by: letters, digits, `_` and `-`, at most 64. */
  name: string;
  /** What the tool does and when to use it, for the model. */
  description: string;
  /** Zod schema of the input object; sent to providers as JSON Schema, checked before anything runs. */
  input: z.ZodType<TInput>;
  /** `read` tools run at once; `write` tools may need approval and only preview in read-only mode. */
  mode: ToolMode;
  /** Write tools: whether a call must be approved before it executes. Default false. */
  needsApproval?: boolean | ((input: TInput) => boolean);
  /** Input keys that hold file paths; each is checked against the policy's path allowlist. */
  paths?: string[];
  /** Dry run of a write: what would change (e.g. a diff). JSON. Shown to reviewers and in read-only mode. */
  preview?(input: TInput, context: ToolContext): unknown;
  /** Does the work; returns a JSON result for the model and the journal. */
  execute(input: TInput, context: ToolContext): TResult | Promise<TResult>;
  /** Reverts one execution from its input and result; without it a rollback over this tool is blocked. */
  undo?(input: TInput, result: TResult, context: ToolContext): unknown;
}

/** A validated tool, with the JSON Schema of its input. */
export interface Tool<TInput = unknown, TResult = unknown> extends Readonly<ToolDefinition<TInput, TResult>> {
  /** JSON Schema of the input, as providers receive it. */
  readonly inputSchema: Record<string, unknown>;
}

const fn = (message: string) => z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', message);

const definitionSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'use 1-64 letters, digits, "_" or "-"'),
  description: z.string().min(1, 'describe the tool for the model'),
  input: z.custom<z.ZodType>((value) => value instanceof z.ZodType, 'expected a zod schema of the input object'),
  mode: z.enum(['read', 'write']),
  needsApproval: z.union([z.boolean(), fn('expected a boolean or a function of the input')]).optional(),
  paths: z.array(z.string().min(1)).optional(),
  preview: fn('expected a preview(input, context) function').optional(),
  execute: fn('expected an execute(input, context) function'),
  undo: fn('expected an undo(input, result, context) function').optional(),
});

/**
 * Defines a tool an agent can call. Its input schema goes to providers as JSON Schema;
 * calls are validated against it before the policy and the tool see them.
 *
 * @example
 * ```ts
 * const readPost = defineTool({
 *   name: 'read_post', description: 'Reads one post by id.', mode: 'read',
 *   input: z.object({ id: z.string() }),
 *   execute: ({ id }) => posts.get(id),
 * });
 * ```
 */
export function defineTool<TInput, TResult>(definition: ToolDefinition<TInput, TResult>): Tool<TInput, TResult> {
  const name = typeof definition?.name === 'string' ? definition.name : '(unnamed)';
  const parsed = definitionSchema.safeParse(definition);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new LlmActionsError({ code: 'INVALID_DEFINITION', message: `Invalid tool "${name}": ${issues.join('; ')}.`, details: { tool: name, issues } });
  }
  let inputSchema: Record<string, unknown>;
  try {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(definition.input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    inputSchema = rest;
  } catch (error) {
    throw new LlmActionsError({ code: 'INVALID_DEFINITION', message: `Tool "${name}": its input schema cannot be expressed as JSON Schema.`, cause: error });
  }
  if (inputSchema.type !== 'object') {
    throw new LlmActionsError({ code: 'INVALID_DEFINITION', message: `Tool "${name}": the input must be a z.object(...) schema; tools take named arguments.`, details: { tool: name } });
  }
  return Object.freeze({ ...definition, inputSchema });
}

/** The provider contract's description of a tool. */
export function toProviderTool(tool: Tool): ProviderV1Tool {
  return { name: tool.name, description: tool.description, inputSchema: tool.inputSchema };
}
