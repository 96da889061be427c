export type { AgentApprovalV1 } from './agent-approval-v1.js';
export type { AgentInverseV1, AgentJournalEntryV1 } from './agent-journal-entry-v1.js';
export type { AgentRepositoryV1, AgentRunListQueryV1, AgentRunPageV1 } from './agent-repository-v1.js';
export type { AgentRunPatchV1, AgentRunReasonV1, AgentRunStateV1, AgentRunStatusV1, AgentRunV1 } from './agent-run-v1.js';
export type { AgentSnapshotV1 } from './agent-snapshot-v1.js';
export type { AgentStepKindV1, AgentStepStatusV1, AgentStepV1 } from './agent-step-v1.js';
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
export type { SkillRecordV1 } from './skill-record-v1.js';
