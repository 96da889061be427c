/**
 * One version of a skill: a named bundle of instructions and tool names that agents
 * reference by name. Versions are immutable; enabling or disabling is a new version.
 */
export interface SkillRecordV1 {
  /** The skill's name, which agents reference (lowercase letters, digits, `.`, `_`, `-`). */
  id: string;
  /** Version number, assigned by the store (1, 2, ...). */
  version: number;
  /** What the skill is for, for people choosing skills. */
  description: string;
  /** Instructions added to the system prompt of agents that use the skill. */
  instructions: string;
  /** Names of the tools the skill relies on; each must be one of the agent's tools. */
  tools: string[];
  /** A disabled skill cannot be used: starting an agent that references it fails with `SKILL_DISABLED`. */
  enabled: boolean;
  /** ISO timestamp of this version. */
  createdAt: string;
}
