export type { BindingRepositoryV1 } from './binding-repository-v1.js';
export type { ProposalListQueryV1, ProposalRepositoryV1 } from './proposal-repository-v1.js';
export type {
  RunListQueryV1,
  RunPageV1,
  RunPatchV1,
  RunRepositoryV1,
  UsageGroupKeyV1,
  UsageQueryV1,
  UsageRowV1,
} from './run-repository-v1.js';
export type { StoreV1, StoreV1Capability, StoreV1CapabilityStatus } from './store-v1.js';
export type { LabelMoveV1, LabelSplitV1, LabelTargetV1, VersionSelectorV1, VersionedRepositoryV1 } from './versioned-repository-v1.js';
