import { proposalSchema, proposalStatusSchema, type Proposal, type ProposalListQueryV1, type ProposalRepositoryV1 } from '@llm-actions/core';
import type { LlmProposal, Prisma } from './generated/sqlite/client.js';
import { afterCursor, newestFirst, parseLimit, toPage } from './page.js';
import type { StoreClient } from './prisma-store-client.js';
import { assertKnownKeys, assertText, assertValid, guard, isRecordNotFound, isUniqueViolation, storeError, type RecordSchema } from './store-error.js';
import { parseChoice, statusConflict } from './status-choice.js';
import { compact, fromDate, toDate } from './values.js';

const listKeys = new Set(['runId', 'actionId', 'subjectType', 'subjectId', 'status', 'limit', 'cursor']);
const patchKeys = new Set(['status', 'resolvedAt', 'resolvedBy', 'note']);
const patchSchema = proposalSchema.pick({ status: true, resolvedAt: true, resolvedBy: true, note: true }).partial().strict();

/** `before` and `after` share one JSON object, so an absent value and a JSON null stay distinct. */
interface Change {
  before?: unknown;
  after?: unknown;
}

function toRow(proposal: Proposal): Prisma.LlmProposalUncheckedCreateInput {
  const change: Change = {};
  if (proposal.before !== undefined) change.before = proposal.before;
  if (proposal.after !== undefined) change.after = proposal.after;
  return {
    id: proposal.id,
    runId: proposal.runId,
    actionId: proposal.actionId,
    actionVersion: proposal.actionVersion,
    subjectType: proposal.subject.type,
    subjectId: proposal.subject.id,
    field: proposal.field,
    change: change as Prisma.InputJsonObject,
    diff: proposal.diff,
    status: proposal.status,
    createdAt: toDate(proposal.createdAt, 'proposal.createdAt'),
    resolvedAt: proposal.resolvedAt === undefined ? null : toDate(proposal.resolvedAt, 'proposal.resolvedAt'),
    resolvedBy: proposal.resolvedBy ?? null,
    note: proposal.note ?? null,
  };
}

function fromRow(row: LlmProposal): Proposal {
  const change = row.change as Change;
  const proposal = compact<Omit<Proposal, 'before' | 'after'>>({
    id: row.id,
    runId: row.runId,
    actionId: row.actionId,
    actionVersion: row.actionVersion,
    subject: { type: row.subjectType, id: row.subjectId },
    field: row.field,
    diff: row.diff as Proposal['diff'],
    status: row.status as Proposal['status'],
    createdAt: fromDate(row.createdAt),
    resolvedAt: row.resolvedAt === null ? undefined : fromDate(row.resolvedAt),
    resolvedBy: row.resolvedBy,
    note: row.note,
  });
  // compact() drops nulls, but a null before/after is a value: copy them as stored. The keys are
  // always present (undefined when absent), as the proposal schema requires them.
  return { ...proposal, before: change.before, after: change.after };
}

function toUpdate(id: string, patch: Record<string, unknown>): Prisma.LlmProposalUpdateInput {
  if ('status' in patch && patch.status === undefined) {
    throw storeError('INVALID_INPUT', 'a proposal patch cannot remove status; give the new status or leave the key out.', { id });
  }
  const data: Prisma.LlmProposalUpdateInput = {};
  if (patch.status !== undefined) data.status = patch.status as string;
  // A key given as undefined removes the field: core clears the review when an apply fails.
  if ('resolvedAt' in patch) data.resolvedAt = patch.resolvedAt === undefined ? null : toDate(patch.resolvedAt, 'patch.resolvedAt');
  if ('resolvedBy' in patch) data.resolvedBy = (patch.resolvedBy as string | undefined) ?? null;
  if ('note' in patch) data.note = (patch.note as string | undefined) ?? null;
  return data;
}

/** Proposals in `llm_proposals`, newest first, with compare-and-set review updates in one statement. */
export function createProposalRepository(client: StoreClient, settings: { validate: boolean }): ProposalRepositoryV1 {
  const proposals = client.llmProposal;

  return {
    create: (proposal) =>
      guard('proposals.create', async () => {
        const parsed = settings.validate ? assertValid(proposalSchema as RecordSchema<Proposal>, proposal, `proposal ${JSON.stringify(proposal?.id)}`) : proposal;
        assertText(parsed?.id, 'proposal.id');
        try {
          await proposals.create({ data: toRow({ ...parsed, before: proposal.before, after: proposal.after }) });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          throw storeError('STORE_CONFLICT', `proposal "${parsed.id}" already exists; create the new one with a fresh id.`, { id: parsed.id });
        }
      }),

    get: (id) =>
      guard('proposals.get', async () => {
        if (typeof id !== 'string') return undefined;
        const row = await proposals.findUnique({ where: { id } });
        return row === null ? undefined : fromRow(row);
      }),

    list: (query: ProposalListQueryV1 = {}) =>
      guard('proposals.list', async () => {
        if (typeof query !== 'object' || query === null) {
          throw storeError('INVALID_INPUT', 'proposals.list expects a query object or nothing.', { query });
        }
        assertKnownKeys(query, listKeys, 'proposals.list query');
        const limit = parseLimit(query.limit);
        const statuses = parseChoice(query.status, proposalStatusSchema, 'status');
        const filters = {
          runId: query.runId,
          actionId: query.actionId,
          subjectType: query.subjectType,
          subjectId: query.subjectId,
          ...(statuses === undefined ? {} : { status: { in: statuses } }),
        };
        const rows = await proposals.findMany({ where: { AND: [filters, afterCursor(query.cursor)] }, orderBy: [...newestFirst], take: limit + 1 });
        return toPage(rows, limit, fromRow);
      }),

    update: (id, patch, options) =>
      guard('proposals.update', async () => {
        const expected = parseChoice(options?.expectedStatus, proposalStatusSchema, 'expectedStatus');
        if (expected === undefined) {
          throw storeError('INVALID_INPUT', 'proposals.update needs options.expectedStatus, the status the proposal must have now.', { id });
        }
        if (typeof patch !== 'object' || patch === null) {
          throw storeError('INVALID_INPUT', 'proposals.update expects a patch of status, resolvedAt, resolvedBy or note.', { id });
        }
        assertKnownKeys(patch, patchKeys, 'proposal patch');
        if (settings.validate) assertValid(patchSchema, patch, 'proposal patch');
        assertText(id, 'id');
        const data = toUpdate(id, patch);
        for (;;) {
          try {
            return fromRow(await proposals.update({ where: { id, status: { in: expected } }, data }));
          } catch (error) {
            if (!isRecordNotFound(error)) throw error;
          }
          const current = await proposals.findUnique({ where: { id }, select: { status: true } });
          if (current === null) throw storeError('NOT_FOUND', `proposal "${id}" does not exist; check the id the run recorded.`, { id });
          if (expected.includes(current.status as Proposal['status'])) continue;
          throw statusConflict('proposal', id, expected, current.status, 'someone reviewed it first — reload it before acting again');
        }
      }),
  };
}
