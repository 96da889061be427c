export { actionTool, type ActionToolChange, type ActionToolInput, type ActionToolOptions } from './action-tool.js';
export type { AgentRuntimeOptions } from './agent-context.js';
export {
  agentApprovalSchema,
  agentJournalAppendSchema,
  agentRunPatchSchema,
  agentRunSchema,
  agentRunStatusSchema,
  agentSnapshotSchema,
  agentStepSchema,
  agentStepStatusSchema,
  jsonValueSchema,
  skillRecordSchema,
} from './agent-record-schemas.js';
export type { AgentRunResult } from './agent-run-handle.js';
export { createAgentRuntime, type AgentRuntime } from './agent-runtime.js';
export { agentStateSchemaVersion, type AgentState, type PendingToolCall } from './agent-state.js';
export type { ApprovalOptions } from './approvals.js';
export { defineAgent, type Agent, type AgentDefinition, type AnyTool } from './define-agent.js';
export { defineTool, type Tool, type ToolContext, type ToolDefinition, type ToolMode } from './define-tool.js';
export { createPathAllowlist, type PathAllowlist } from './path-allowlist.js';
export { agentPolicySchema, type AgentBudgets, type AgentPolicy } from './policy.js';
export type { AgentReplayDecision, AgentReplayReport } from './replay.js';
export type { AgentRollbackResult, RollbackOptions } from './rollback.js';
export { skillDefinitionSchema, type SkillDefinition } from './skills.js';
export type { AgentStartOptions } from './start-agent.js';
export type { AgentProgress, AgentUsage } from '../events/event-types.js';
