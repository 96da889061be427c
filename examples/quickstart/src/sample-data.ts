import { defineAction, type Subject } from '@llm-actions/core';

/** The seeds' first flow: a one-paragraph summary generated from an idea's seed text. */
export const generateSummary = defineAction({
  id: 'generate-summary',
  name: 'Generate Summary from idea_seed',
  description: 'Turns the rough idea_seed of an idea into a short summary for the idea list.',
  sources: ['idea_seed'],
  destination: 'summary',
  prompts: {
    system: 'You are an editor. You write plain, concrete summaries without hype.',
    instructions: [
      'Write a two-sentence summary of the idea below for {{ context.audience | default: "the team" }}.',
      'Title: {{ subject.fields.title }}',
      '',
      '{{ input | trim | truncate: 2000 }}',
    ].join('\n'),
  },
  model: 'ollama/llama3.2:3b',
  settings: { temperature: 0.3, maxOutputTokens: 200 },
});

/** A sample record, as a host app would pass it. */
export const sampleIdea: Subject = {
  type: 'idea',
  id: 'idea-42',
  fields: {
    title: 'Review queue for AI drafts',
    idea_seed:
      'Editors should see every AI-generated field as a suggestion first. A queue lists the ' +
      'suggestions with a diff against the current text, and one click applies or rejects them.',
    summary: '',
  },
};
