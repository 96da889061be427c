import type { z } from 'zod';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { ErrorCode } from '../errors/error-codes.js';

/** One failed check, with the path of the offending value. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** Turns zod issues into `path: message` pairs a person can act on. */
export function formatIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/**
 * Parses `value` with `schema`, or throws an `LlmActionsError` that lists every
 * issue with its path. `what` names the value in the message, e.g. `action "summarize"`.
 */
export function parseOrThrow<TSchema extends z.ZodType>(
  schema: TSchema,
  value: unknown,
  what: string,
  code: ErrorCode = 'INVALID_INPUT',
): z.output<TSchema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = formatIssues(result.error);
  const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  throw new LlmActionsError({
    code,
    message: `Invalid ${what}: ${listed}.`,
    details: { issues },
    cause: result.error,
  });
}
