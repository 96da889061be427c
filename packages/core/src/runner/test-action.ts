import type { Subject } from '../schemas/common.js';
import type { RunnerContext } from './context.js';
import { executeAction } from './execute-action.js';
import type { ResolvedAction } from './resolve-action.js';
import type { RunOptions, RunResult } from './run-types.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';

/** The outcome of one test case of an action. */
export interface ActionTestCaseResult {
  name: string;
  passed: boolean;
  /** Why it failed: unmet expectations or the run's error. */
  failures: string[];
  runId?: string;
  output?: unknown;
}

function checkExpectations(output: unknown, expect: { contains?: string[]; maxLength?: number } | undefined): string[] {
  if (!expect) return [];
  const text = typeof output === 'string' ? output : JSON.stringify(output);
  const failures: string[] = [];
  for (const needle of expect.contains ?? []) {
    if (!text.includes(needle)) failures.push(`output does not contain ${JSON.stringify(needle)}`);
  }
  if (expect.maxLength !== undefined && text.length > expect.maxLength) {
    failures.push(`output has ${text.length} characters, more than maxLength ${expect.maxLength}`);
  }
  return failures;
}

/** Runs an unsaved draft on sample fields; the run is stored with kind `test` and proposes nothing. */
export async function testOnSample(context: RunnerContext, resolved: ResolvedAction, fields: Record<string, unknown>, options: RunOptions): Promise<RunResult> {
  const subject: Subject = { type: resolved.action.scope?.subjectTypes?.[0] ?? 'sample', id: 'sample', fields };
  return executeAction(context, resolved, subject, { ...options, mode: 'propose' }, 'test');
}

/** Runs every test case of a draft and reports which passed. */
export async function testCases(context: RunnerContext, resolved: ResolvedAction, options: RunOptions): Promise<ActionTestCaseResult[]> {
  const results: ActionTestCaseResult[] = [];
  for (const testCase of resolved.action.testCases) {
    try {
      const result = await testOnSample(context, resolved, testCase.fields, { ...options, tags: [...(options.tags ?? []), `test-case:${testCase.name}`] });
      const failures = checkExpectations(result.output, testCase.expect);
      results.push({ name: testCase.name, passed: failures.length === 0, failures, runId: result.run.id, output: result.output });
    } catch (error) {
      if (!LlmActionsError.isInstance(error)) throw error;
      const runId = typeof error.details.runId === 'string' ? error.details.runId : undefined;
      results.push({ name: testCase.name, passed: false, failures: [`${error.code}: ${error.message}`], ...(runId ? { runId } : {}) });
    }
  }
  return results;
}
