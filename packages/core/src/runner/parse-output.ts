import { z } from 'zod';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { OutputSpec } from '../schemas/action.js';
import { formatIssues, type ValidationIssue } from '../runtime/validate.js';

/** The outcome of checking a model's text against an action's output spec. */
export type ParsedOutput = { ok: true; value: unknown } | { ok: false; problem: string; issues: ValidationIssue[] };

const fromJsonSchemaCache = new Map<string, z.ZodType>();

/** A zod validator for a stored JSON Schema, converted once per distinct schema. */
export function validatorFor(schema: Record<string, unknown>): z.ZodType {
  const key = JSON.stringify(schema);
  let validator = fromJsonSchemaCache.get(key);
  if (!validator) {
    try {
      validator = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
    } catch (error) {
      throw new LlmActionsError({
        code: 'INVALID_DEFINITION',
        message: `The action's output JSON Schema cannot be used for validation: ${error instanceof Error ? error.message : String(error)}. Simplify the schema or define it with zod.`,
        cause: error,
      });
    }
    if (fromJsonSchemaCache.size > 200) fromJsonSchemaCache.clear();
    fromJsonSchemaCache.set(key, validator);
  }
  return validator;
}

/** Strips a Markdown code fence that models like to put around JSON. */
function unfence(text: string): string {
  const match = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(text);
  return match ? match[1]! : text;
}

/**
 * Parses and validates `text`: text output must not be empty; JSON output must parse
 * and match the schema (`zodSchema` when the action was defined with zod).
 */
export function parseOutput(text: string, output: OutputSpec, zodSchema?: z.ZodType): ParsedOutput {
  if (output.format === 'text') {
    const trimmed = text.trim();
    return trimmed === ''
      ? { ok: false, problem: 'the model returned no text', issues: [] }
      : { ok: true, value: trimmed };
  }
  let value: unknown;
  try {
    value = JSON.parse(unfence(text));
  } catch (error) {
    return { ok: false, problem: `the reply is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`, issues: [] };
  }
  const validator = zodSchema ?? (output.schema ? validatorFor(output.schema) : undefined);
  if (!validator) return { ok: true, value };
  const result = validator.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issues = formatIssues(result.error);
  return {
    ok: false,
    problem: `the JSON does not match the schema: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    issues,
  };
}

/** The follow-up message of the single repair attempt. */
export function repairInstruction(problem: string, schema: Record<string, unknown> | undefined): string {
  return (
    `Your previous reply could not be used: ${problem}. ` +
    'Reply again with only the corrected JSON, no explanation and no code fence.' +
    (schema ? `\nThe JSON must match this JSON Schema:\n${JSON.stringify(schema)}` : '')
  );
}
