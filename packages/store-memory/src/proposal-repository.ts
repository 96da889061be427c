import { cloneRecord } from './clone-record.js';
import {
  proposalSchema,
  proposalStatusSchema,
  type Proposal,
  type ProposalListQueryV1,
  type ProposalRepositoryV1,
} from '@llm-actions/core';
import { parseLimit, parseRange, readPage } from './page.js';
import { parseChoice } from './run-query.js';
import { SortedIndex, type IndexEntry } from './sorted-index.js';
import { assertKnownKeys, assertText, assertValid, storeError } from './store-error.js';

const listKeys = new Set(['runId', 'actionId', 'subjectType', 'subjectId', 'status', 'limit', 'cursor']);
const patchKeys = new Set(['status', 'resolvedAt', 'resolvedBy', 'note']);
const patchSchema = proposalSchema.pick({ status: true, resolvedAt: true, resolvedBy: true, note: true }).partial().strict();

function matcher(query: ProposalListQueryV1): (proposal: Proposal) => boolean {
  const statuses = parseChoice(query.status, proposalStatusSchema, 'status');
  return (proposal) =>
    (query.runId === undefined || proposal.runId === query.runId) &&
    (query.actionId === undefined || proposal.actionId === query.actionId) &&
    (query.subjectType === undefined || proposal.subject.type === query.subjectType) &&
    (query.subjectId === undefined || proposal.subject.id === query.subjectId) &&
    (statuses === undefined || statuses.has(proposal.status));
}

/** Proposals in memory, newest first, with compare-and-set review updates. */
export function createProposalRepository(settings: { validate: boolean }): ProposalRepositoryV1 {
  const byId = new Map<string, IndexEntry<Proposal>>();
  const ordered = new SortedIndex<Proposal>();

  return {
    async create(proposal) {
      if (settings.validate) assertValid(proposalSchema, proposal, `proposal ${JSON.stringify(proposal?.id)}`);
      else assertText(proposal?.id, 'proposal.id');
      if (byId.has(proposal.id)) {
        throw storeError('STORE_CONFLICT', `proposal "${proposal.id}" already exists; create the new one with a fresh id.`, {
          id: proposal.id,
        });
      }
      const { id, createdAt } = proposal;
      const entry: IndexEntry<Proposal> = { time: Date.parse(createdAt), id, createdAt, record: cloneRecord(proposal) };
      byId.set(id, entry);
      ordered.insert(entry);
    },

    async get(id) {
      const entry = byId.get(id);
      return entry === undefined ? undefined : cloneRecord(entry.record);
    },

    async list(query = {}) {
      if (typeof query !== 'object' || query === null) {
        throw storeError('INVALID_INPUT', 'proposals.list expects a query object or nothing.', { query });
      }
      assertKnownKeys(query, listKeys, 'proposals.list query');
      return readPage(ordered, parseRange({ cursor: query.cursor }), parseLimit(query.limit), matcher(query));
    },

    async update(id, patch, options) {
      const expected = parseChoice(options?.expectedStatus, proposalStatusSchema, 'expectedStatus');
      if (expected === undefined) {
        throw storeError('INVALID_INPUT', 'proposals.update needs options.expectedStatus, the status the proposal must have now.', { id });
      }
      if (typeof patch !== 'object' || patch === null) {
        throw storeError('INVALID_INPUT', 'proposals.update expects a patch of status, resolvedAt, resolvedBy or note.', { id });
      }
      assertKnownKeys(patch, patchKeys, 'proposal patch');
      if (settings.validate) assertValid(patchSchema, patch, 'proposal patch');
      const entry = byId.get(id);
      if (entry === undefined) {
        throw storeError('NOT_FOUND', `proposal "${id}" does not exist; check the id the run recorded.`, { id });
      }
      const actualStatus = entry.record.status;
      if (!expected.has(actualStatus)) {
        throw storeError(
          'STORE_CONFLICT',
          `proposal "${id}" is "${actualStatus}", not ${[...expected].map((status) => `"${status}"`).join(' or ')}; someone reviewed it first — reload it before acting again.`,
          { id, expectedStatus: [...expected], actualStatus },
        );
      }
      if (patch.status === undefined && 'status' in patch) {
        throw storeError('INVALID_INPUT', 'a proposal patch cannot remove status; give the new status or leave the key out.', { id });
      }
      // A key given as undefined removes the field: core clears the review when an apply fails.
      const next = { ...entry.record } as Record<string, unknown>;
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) delete next[key];
        else next[key] = value;
      }
      entry.record = next as Proposal;
      return cloneRecord(entry.record);
    },
  };
}
