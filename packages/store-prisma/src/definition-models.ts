import { actionSchema, promptSchema, type ActionRecord, type Prompt } from '@llm-actions/core';
import type { LlmActionVersion, LlmPromptVersion } from './generated/sqlite/client.js';
import type { Row } from './model-delegate.js';
import type { RecordSchema } from './store-error.js';
import { compact, fromDate, toDate } from './values.js';
import type { VersionedModel } from './versioned-repository.js';

/** Prompt versions in `llm_prompt_versions`, labels in `llm_prompt_labels`, moves in `llm_prompt_label_moves`. */
export function promptModel(validate: boolean): VersionedModel<Prompt> {
  return {
    kind: 'prompt',
    owner: 'promptId',
    schema: validate ? (promptSchema as RecordSchema<Prompt>) : null,
    versions: (client) => client.llmPromptVersion,
    labels: (client) => client.llmPromptLabel,
    moves: (client) => client.llmPromptLabelMove,
    toRow: (prompt): LlmPromptVersion => ({
      id: prompt.id,
      version: prompt.version,
      template: prompt.template,
      description: prompt.description ?? null,
      createdAt: toDate(prompt.createdAt, 'prompt.createdAt'),
    }),
    fromRow: (row: Row) => {
      const prompt = row as unknown as LlmPromptVersion;
      return compact<Prompt>({ ...prompt, createdAt: fromDate(prompt.createdAt) });
    },
  };
}

/**
 * Action versions in `llm_action_versions` (structured parts as JSON), labels in
 * `llm_action_labels`, moves in `llm_action_label_moves`.
 */
export function actionModel(validate: boolean): VersionedModel<ActionRecord> {
  return {
    kind: 'action',
    owner: 'actionId',
    schema: validate ? (actionSchema as RecordSchema<ActionRecord>) : null,
    versions: (client) => client.llmActionVersion,
    labels: (client) => client.llmActionLabel,
    moves: (client) => client.llmActionLabelMove,
    toRow: (action) => ({
      id: action.id,
      version: action.version,
      name: action.name,
      description: action.description ?? null,
      sources: action.sources,
      destination: action.destination,
      prompts: action.prompts,
      model: action.model,
      settings: action.settings,
      output: action.output,
      // Absent on creation means NULL; Prisma wants no key rather than null for a JSON column.
      ...(action.scope === undefined ? {} : { scope: action.scope }),
      testCases: action.testCases,
      status: action.status,
      createdAt: toDate(action.createdAt, 'action.createdAt'),
    }),
    fromRow: (row: Row) => {
      const action = row as unknown as LlmActionVersion;
      return compact<ActionRecord>({
        id: action.id,
        version: action.version,
        name: action.name,
        description: action.description,
        sources: action.sources as ActionRecord['sources'],
        destination: action.destination,
        prompts: action.prompts as ActionRecord['prompts'],
        model: action.model,
        settings: action.settings as ActionRecord['settings'],
        output: action.output as ActionRecord['output'],
        scope: action.scope as ActionRecord['scope'],
        testCases: action.testCases as ActionRecord['testCases'],
        status: action.status as ActionRecord['status'],
        createdAt: fromDate(action.createdAt),
      });
    },
  };
}
