import type { z } from 'zod';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { ActionDefinition, ActionRecord } from '../schemas/action.js';
import { actionDefinitionSchema } from '../schemas/action.js';
import { zodSchemaOf, type Action } from '../define/define-action.js';
import { parseOrThrow } from '../runtime/validate.js';
import type { RunnerContext } from './context.js';
import { nowIso } from './context.js';
import type { VersionSelectorV1 } from '../contracts/store/v1/versioned-repository-v1.js';
import { pickVariant } from '../scale/pick-variant.js';

/** An action to run: a definition object, or a stored one as `id`, `id@version` or `id@label`. */
export type ActionRef<TOutput = unknown> = Action<TOutput> | string;

/** An action definition, with its version when it is stored (test runs use unsaved drafts). */
export type RunnableAction = ActionDefinition & { version?: number };

/** An action ready to run, plus its zod schema when defined with one. */
export interface ResolvedAction {
  action: RunnableAction;
  zodSchema?: z.ZodType;
  /** Set when a split label chose the version: `label@version`. */
  variant?: string;
}

// Per store, the version each inline definition object was saved as, so repeated runs
// of one definition skip the store lookup.
const savedVersions = new WeakMap<object, WeakMap<object, RunnableAction>>();

/** Parses `id`, `id@3` or `id@production`. */
export function parseActionRef(ref: string): { id: string; version?: number; label?: string } {
  const at = ref.lastIndexOf('@');
  if (at <= 0) return { id: ref };
  const id = ref.slice(0, at);
  const selector = ref.slice(at + 1);
  return /^\d+$/.test(selector) ? { id, version: Number(selector) } : { id, label: selector };
}

function sameDefinition(left: ActionRecord, right: object): boolean {
  const strip = ({ version: _version, createdAt: _createdAt, ...rest }: Record<string, unknown>) => rest;
  return JSON.stringify(strip(left as unknown as Record<string, unknown>)) === JSON.stringify(strip(right as Record<string, unknown>));
}

/**
 * Saves a definition as a new version unless the newest stored version is identical,
 * and returns the stored version. Runs always record the exact version they used.
 */
export async function saveAction(context: RunnerContext, definition: object): Promise<ActionRecord> {
  const parsed = parseOrThrow(actionDefinitionSchema, definition, 'action', 'INVALID_DEFINITION');
  const latest = await context.store.actions.get(parsed.id);
  if (latest && sameDefinition(latest, parsed)) return latest;
  return context.store.actions.create({ ...parsed, createdAt: nowIso(context) });
}

/**
 * Finds the action a ref names. Inline definitions are saved (deduplicated) first when
 * `save` is true, so the run records a version; otherwise they are only validated.
 */
export async function resolveAction(
  context: RunnerContext,
  ref: ActionRef,
  options: { save: boolean; subject?: { type: string; id: string } },
): Promise<ResolvedAction> {
  if (typeof ref !== 'string') {
    const zodSchema = zodSchemaOf(ref);
    let saved = savedVersions.get(context.store);
    if (!saved) savedVersions.set(context.store, (saved = new WeakMap()));
    let action: RunnableAction | undefined = saved.get(ref);
    if (!action && options.save) {
      action = await saveAction(context, ref);
      saved.set(ref, action);
    }
    action ??= parseOrThrow(actionDefinitionSchema, ref, 'action', 'INVALID_DEFINITION');
    return zodSchema ? { action, zodSchema } : { action };
  }
  const { id, version, label } = parseActionRef(ref);
  let selector: VersionSelectorV1 | undefined = version !== undefined ? { version } : label !== undefined ? { label } : undefined;
  let variant: string | undefined;
  if (label !== undefined && label !== 'latest') {
    const target = (await context.store.actions.labels(id))[label];
    if (typeof target === 'object') {
      // A split label: each subject sticks to one version; without a subject (preview of
      // no record) the split is resolved for an anonymous key.
      const key = `${options.subject?.type ?? ''}\u0000${options.subject?.id ?? ''}\u0000${id}\u0000${label}`;
      const picked = pickVariant(target, key);
      selector = { version: picked };
      variant = `${label}@${picked}`;
    }
  }
  const action = await context.store.actions.get(id, selector);
  if (!action) {
    throw new LlmActionsError({
      code: 'ACTION_NOT_FOUND',
      message: `No action "${ref}" in the store. Save it with llm.actions.save(definition), or check the id, version or label.`,
      details: { ref, id, version, label },
    });
  }
  return variant ? { action, variant } : { action };
}
