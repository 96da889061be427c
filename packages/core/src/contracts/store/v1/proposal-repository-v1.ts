import type { Proposal, ProposalStatus } from '../../../schemas/proposal.js';

/** Filters for {@link ProposalRepositoryV1.list}. */
export interface ProposalListQueryV1 {
  runId?: string;
  actionId?: string;
  subjectType?: string;
  subjectId?: string;
  status?: ProposalStatus;
  /** Page size, 1-500; 50 by default. */
  limit?: number;
  cursor?: string;
}

/** Proposals: changes awaiting review, applied or rejected. */
export interface ProposalRepositoryV1 {
  /** Stores a new proposal; throws `STORE_CONFLICT` when the id exists. */
  create(proposal: Proposal): Promise<void>;
  get(id: string): Promise<Proposal | undefined>;
  /** A page of proposals, newest first. */
  list(query?: ProposalListQueryV1): Promise<{ items: Proposal[]; nextCursor?: string }>;
  /**
   * Compare-and-set update of the review fields, only while the status equals
   * `expectedStatus`; otherwise `STORE_CONFLICT`. `NOT_FOUND` when missing.
   * A key present in `patch` with the value `undefined` removes that field
   * (core does so when a failed apply returns a proposal to `pending`).
   */
  update(
    id: string,
    patch: Partial<Pick<Proposal, 'status' | 'resolvedAt' | 'resolvedBy' | 'note'>>,
    options: { expectedStatus: ProposalStatus },
  ): Promise<Proposal>;
}
