import type { SkillRecordV1, VersionedRepositoryV1 } from '@llm-actions/core';
import { expect } from 'vitest';
import { makeSkill } from './agent-fixtures.js';
import type { AgentConformanceTest } from './agent-run-conformance.js';
import { at } from './fixtures.js';
import type { StoreConformanceContext } from './store-conformance-context.js';
import type { VersionedSubject } from './versioned-conformance.js';

/** The store's skills registry (the suite only runs when `agents` is supported). */
export function skillsOf(context: StoreConformanceContext): VersionedRepositoryV1<SkillRecordV1> {
  const skills = context.store.skills;
  expect(skills, 'a store that supports "agents" must have store.skills').toBeDefined();
  return skills as VersionedRepositoryV1<SkillRecordV1>;
}

/** How the shared versioned-repository tests reach the skills registry. */
export const skillsSubject: VersionedSubject<SkillRecordV1> = {
  name: 'skills',
  repository: skillsOf,
  make: (overrides) => makeSkill(overrides),
  mutate: (skill) => {
    skill.tools.push('mutated');
    skill.instructions = 'mutated';
  },
};

/** Skill-specific tests, beyond those of every versioned repository. */
export const skillTests: AgentConformanceTest[] = [
  {
    title: 'skills keep enabled, tools and unicode instructions per version (disabling is a new version)',
    async run(context) {
      const skills = skillsOf(context);
      const enabled = await skills.create(makeSkill());
      const disabled = await skills.create(makeSkill({ enabled: false, tools: [], createdAt: at(5) }));
      expect(enabled).toStrictEqual({ ...makeSkill(), version: 1 });
      expect(disabled).toStrictEqual({ ...makeSkill({ enabled: false, tools: [], createdAt: at(5) }), version: 2 });
      expect(await skills.get('house-tone')).toStrictEqual(disabled);
      expect(await skills.get('house-tone', { version: 1 })).toStrictEqual(enabled);
    },
  },
];
