import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { AuthorizeResource, Permission, RunnerContext } from './context.js';

/** Asks the host's `authorize` callback; refuses with `FORBIDDEN` on false or throw. */
export async function ensureAllowed(
  context: Pick<RunnerContext, 'authorize'>,
  user: string | undefined,
  permission: Permission,
  resource: AuthorizeResource,
): Promise<void> {
  if (!context.authorize) return;
  let allowed = false;
  let cause: unknown;
  try {
    allowed = (await context.authorize(user, permission, resource)) === true;
  } catch (error) {
    cause = error;
  }
  if (!allowed) {
    throw new LlmActionsError({
      code: 'FORBIDDEN',
      message: `${user === undefined ? 'An anonymous caller' : `User "${user}"`} may not ${permission} on ${resource.type} "${resource.id}". The host's authorize callback refused it.`,
      details: { user, permission, resourceType: resource.type, resourceId: resource.id },
      cause,
    });
  }
}
