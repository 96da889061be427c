import { skillRecordSchema, type SkillRecordV1 } from '@llm-actions/core';
import type { LlmSkillVersion } from './generated/sqlite/client.js';
import type { Row } from './model-delegate.js';
import type { RecordSchema } from './store-error.js';
import { fromDate, toDate } from './values.js';
import type { VersionedModel } from './versioned-repository.js';

/**
 * Skill versions in `llm_skill_versions` (the tool names as JSON), labels in `llm_skill_labels`,
 * moves in `llm_skill_label_moves`: the same versioning as prompts and actions.
 */
export function skillModel(validate: boolean): VersionedModel<SkillRecordV1> {
  return {
    kind: 'skill',
    owner: 'skillId',
    schema: validate ? (skillRecordSchema as RecordSchema<SkillRecordV1>) : null,
    versions: (client) => client.llmSkillVersion,
    labels: (client) => client.llmSkillLabel,
    moves: (client) => client.llmSkillLabelMove,
    toRow: (skill): LlmSkillVersion => ({
      id: skill.id,
      version: skill.version,
      description: skill.description,
      instructions: skill.instructions,
      tools: skill.tools,
      enabled: skill.enabled,
      createdAt: toDate(skill.createdAt, 'skill.createdAt'),
    }),
    fromRow: (row: Row) => {
      const skill = row as unknown as LlmSkillVersion;
      return {
        id: skill.id,
        version: skill.version,
        description: skill.description,
        instructions: skill.instructions,
        tools: skill.tools as string[],
        enabled: skill.enabled,
        createdAt: fromDate(skill.createdAt),
      };
    },
  };
}
