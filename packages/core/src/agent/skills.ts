import { z } from 'zod';
import type { SkillRecordV1 } from '../contracts/store/v1/skill-record-v1.js';
import type { VersionedRepositoryV1, VersionSelectorV1 } from '../contracts/store/v1/versioned-repository-v1.js';
import { LlmActionsError } from '../errors/llm-actions-error.js';
import { parseOrThrow } from '../runtime/validate.js';
import { idSchema } from '../schemas/common.js';

/** A skill as saved with `runtime.skills.save`: a named bundle of instructions and tool names. */
export const skillDefinitionSchema = z.object({
  /** The name agents reference the skill by. */
  id: idSchema,
  description: z.string().max(10_000).default(''),
  instructions: z.string().min(1).max(200_000),
  /** Tools the skill relies on; each must be one of the agent's tools. */
  tools: z.array(z.string().min(1)).default([]),
  /** Disabled skills cannot be used. Default true. */
  enabled: z.boolean().default(true),
});

/** A skill as saved with `runtime.skills.save`. */
export type SkillDefinition = z.input<typeof skillDefinitionSchema>;

/** The skills repository of a store, or a clear error when the store has none. */
export function skillRepository(store: { skills?: VersionedRepositoryV1<SkillRecordV1>; name: string }): VersionedRepositoryV1<SkillRecordV1> {
  if (store.skills) return store.skills;
  throw new LlmActionsError({
    code: 'SKILL_NOT_FOUND',
    message: `The store "${store.name}" has no skills registry (it does not support the "agents" capability); use a store that does, e.g. createMemoryStore().`,
    details: { store: store.name },
  });
}

function selectorOf(reference: string): { name: string; selector?: VersionSelectorV1 } {
  const at = reference.lastIndexOf('@');
  if (at <= 0) return { name: reference };
  const name = reference.slice(0, at);
  const rest = reference.slice(at + 1);
  return { name, selector: /^\d+$/.test(rest) ? { version: Number(rest) } : { label: rest } };
}

/**
 * Loads the skills an agent references (`name`, `name@version` or `name@label`). A
 * missing skill fails with `SKILL_NOT_FOUND`, a disabled one with `SKILL_DISABLED`, and a
 * skill needing a tool the agent does not offer with `INVALID_DEFINITION`.
 */
export async function resolveSkills(
  repository: VersionedRepositoryV1<SkillRecordV1>,
  references: readonly string[],
  offeredTools: ReadonlySet<string>,
  agentId: string,
): Promise<SkillRecordV1[]> {
  const skills: SkillRecordV1[] = [];
  for (const reference of references) {
    const { name, selector } = selectorOf(reference);
    const skill = await repository.get(name, selector);
    if (!skill) {
      throw new LlmActionsError({
        code: 'SKILL_NOT_FOUND',
        message: `Agent "${agentId}" uses skill "${reference}", which is not in the skills registry. Save it with runtime.skills.save({ id: '${name}', ... }) or remove it from the agent.`,
        details: { agentId, skill: reference },
      });
    }
    if (!skill.enabled) {
      throw new LlmActionsError({
        code: 'SKILL_DISABLED',
        message: `Agent "${agentId}" uses skill "${reference}", which is disabled (version ${skill.version}). Enable it with runtime.skills.enable('${name}') or remove it from the agent.`,
        details: { agentId, skill: reference, version: skill.version },
      });
    }
    const missing = skill.tools.filter((tool) => !offeredTools.has(tool));
    if (missing.length > 0) {
      throw new LlmActionsError({
        code: 'INVALID_DEFINITION',
        message: `Skill "${reference}" needs tool(s) ${missing.join(', ')}, which agent "${agentId}" does not offer (or its policy does not allow). Add them to the agent's tools.`,
        details: { agentId, skill: reference, missing },
      });
    }
    skills.push(skill);
  }
  return skills;
}

/** Saves a new version of a skill, unless the newest version is identical. */
export async function saveSkill(repository: VersionedRepositoryV1<SkillRecordV1>, definition: SkillDefinition, createdAt: string): Promise<SkillRecordV1> {
  const valid = parseOrThrow(skillDefinitionSchema, definition, 'skill', 'INVALID_DEFINITION');
  const latest = await repository.get(valid.id);
  const same =
    latest &&
    latest.description === valid.description &&
    latest.instructions === valid.instructions &&
    latest.enabled === valid.enabled &&
    JSON.stringify(latest.tools) === JSON.stringify(valid.tools);
  return same ? latest : repository.create({ ...valid, createdAt });
}

/** Saves a new version of a skill with `enabled` switched; `SKILL_NOT_FOUND` when there is none. */
export async function setSkillEnabled(repository: VersionedRepositoryV1<SkillRecordV1>, name: string, enabled: boolean, createdAt: string): Promise<SkillRecordV1> {
  const latest = await repository.get(name);
  if (!latest) {
    throw new LlmActionsError({ code: 'SKILL_NOT_FOUND', message: `No skill "${name}" to ${enabled ? 'enable' : 'disable'}; save it first.`, details: { skill: name } });
  }
  if (latest.enabled === enabled) return latest;
  const { version: _version, createdAt: _createdAt, ...rest } = latest;
  return repository.create({ ...rest, enabled, createdAt });
}
