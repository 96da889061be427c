import { LlmActionsError } from '../errors/llm-actions-error.js';
import type { Proposal } from '../schemas/proposal.js';
import { ensureAllowed } from './authorize.js';
import { nowIso, type RunnerContext } from './context.js';

async function loadPending(context: RunnerContext, id: string): Promise<Proposal> {
  const proposal = await context.store.proposals.get(id);
  if (!proposal) {
    throw new LlmActionsError({ code: 'NOT_FOUND', message: `No proposal "${id}". List proposals with llm.proposals.list().`, details: { proposalId: id } });
  }
  return proposal;
}

function notPending(proposal: Pick<Proposal, 'id' | 'status'>, actualStatus: unknown = proposal.status): LlmActionsError {
  return new LlmActionsError({
    code: 'PROPOSAL_NOT_PENDING',
    message: `Proposal "${proposal.id}" is ${String(actualStatus)}, not pending; only pending proposals can be applied or rejected.`,
    details: { proposalId: proposal.id, status: actualStatus },
  });
}

/** Claims a pending proposal with compare-and-set, so two reviewers can never both resolve it. */
async function claim(context: RunnerContext, proposal: Proposal, patch: Partial<Proposal>): Promise<Proposal> {
  if (proposal.status !== 'pending') throw notPending(proposal);
  try {
    return await context.store.proposals.update(proposal.id, patch, { expectedStatus: 'pending' });
  } catch (error) {
    if (LlmActionsError.isInstance(error) && error.code === 'STORE_CONFLICT') throw notPending(proposal, error.details.actualStatus);
    throw error;
  }
}

/**
 * Applies a pending proposal through the host's `apply` callback. The proposal is
 * claimed first; if the callback throws, it returns to `pending` and `APPLY_FAILED` is thrown.
 */
export async function applyProposal(context: RunnerContext, id: string, options: { by?: string } = {}): Promise<Proposal> {
  const proposal = await loadPending(context, id);
  await ensureAllowed(context, options.by, 'proposal:apply', { type: 'proposal', id, record: proposal });
  const apply = context.apply;
  if (!apply) {
    throw new LlmActionsError({ code: 'APPLY_FAILED', message: 'Applying needs an apply callback: createLlmActions({ apply: ({ subject, field, value }) => ... }).' });
  }
  const claimed = await claim(context, proposal, { status: 'applied', resolvedAt: nowIso(context), ...(options.by !== undefined ? { resolvedBy: options.by } : {}) });
  try {
    await apply({ subject: claimed.subject, field: claimed.field, value: claimed.after, proposal: claimed });
  } catch (error) {
    await context.store.proposals.update(id, { status: 'pending', resolvedAt: undefined, resolvedBy: undefined }, { expectedStatus: 'applied' });
    throw new LlmActionsError({
      code: 'APPLY_FAILED',
      message: `Applying proposal "${id}" failed in the host's apply callback: ${error instanceof Error ? error.message : String(error)}. It is pending again.`,
      details: { proposalId: id, runId: proposal.runId },
      cause: error,
    });
  }
  context.events.emit({
    type: 'proposal:applied',
    at: nowIso(context),
    runId: claimed.runId,
    actionId: claimed.actionId,
    data: { proposalId: id, field: claimed.field, ...(options.by !== undefined ? { by: options.by } : {}) },
  });
  return claimed;
}

/** Rejects a pending proposal, recording who and why. */
export async function rejectProposal(context: RunnerContext, id: string, options: { by?: string; note?: string } = {}): Promise<Proposal> {
  const proposal = await loadPending(context, id);
  await ensureAllowed(context, options.by, 'proposal:apply', { type: 'proposal', id, record: proposal });
  const rejected = await claim(context, proposal, {
    status: 'rejected',
    resolvedAt: nowIso(context),
    ...(options.by !== undefined ? { resolvedBy: options.by } : {}),
    ...(options.note !== undefined ? { note: options.note } : {}),
  });
  context.events.emit({
    type: 'proposal:rejected',
    at: nowIso(context),
    runId: rejected.runId,
    actionId: rejected.actionId,
    data: { proposalId: id, field: rejected.field, ...(options.by !== undefined ? { by: options.by } : {}), ...(options.note !== undefined ? { note: options.note } : {}) },
  });
  return rejected;
}
