import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { RunnableAction } from './resolve-action.js';
import type { Subject } from '../schemas/common.js';
import { isEmptyValue, readFieldPath } from '../runtime/field-path.js';

/** The data templates see, and the source values recorded on the run. */
export interface TemplateScope {
  scope: Record<string, unknown>;
  input: Record<string, unknown>;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(current, key) ? current[key] : undefined;
    current = (current[key] = next !== null && typeof next === 'object' ? next : {}) as Record<string, unknown>;
  }
  current[keys[keys.length - 1]!] = value;
}

/** Refuses subjects outside the action's declared scope. */
export function checkScope(action: RunnableAction, subject: Subject): void {
  const types = action.scope?.subjectTypes;
  if (types && !types.includes(subject.type)) {
    throw new LlmActionsError({
      code: 'SCOPE_VIOLATION',
      message: `Action "${action.id}" may run on ${types.join(', ')} records, not "${subject.type}". Widen its scope.subjectTypes or pick another action.`,
      details: { actionId: action.id, subjectType: subject.type, allowed: types },
    });
  }
  const fields = action.scope?.fields;
  if (fields && !fields.includes(action.destination)) {
    throw new LlmActionsError({
      code: 'SCOPE_VIOLATION',
      message: `Action "${action.id}" writes "${action.destination}", which is not in its scope.fields (${fields.join(', ')}).`,
      details: { actionId: action.id, destination: action.destination, allowed: fields },
    });
  }
}

/**
 * Reads the sources and builds the template scope: `input` (the first source), each
 * source by its path, `subject` ({ type, id, fields }), `context` and `now`.
 * Every missing or empty source is reported at once as `SOURCE_MISSING`.
 */
export function buildScope(action: RunnableAction, subject: Subject, context: Record<string, unknown>, now: string): TemplateScope {
  const input: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const source of action.sources) {
    const value = readFieldPath(subject.fields, source);
    if (isEmptyValue(value)) missing.push(source);
    else input[source] = value;
  }
  if (missing.length > 0) {
    throw new LlmActionsError({
      code: 'SOURCE_MISSING',
      message: `${subject.type} "${subject.id}" has no value in ${missing.map((name) => `"${name}"`).join(', ')}, which action "${action.id}" reads. Fill the field(s) before running it; an empty prompt is never sent.`,
      details: { actionId: action.id, subject: { type: subject.type, id: subject.id }, missing },
    });
  }
  const scope: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(input)) setPath(scope, path, value);
  scope.input = input[action.sources[0]!];
  scope.subject = { type: subject.type, id: subject.id, fields: subject.fields };
  scope.context = context;
  scope.now = now;
  return { scope, input };
}
