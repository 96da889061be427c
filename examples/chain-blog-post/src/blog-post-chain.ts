import { chain, defineAction } from '@llm-actions/core';
import { z } from 'zod';

const model = 'ollama/llama3.2:3b';

const summary = defineAction({
  id: 'post-summary', name: 'Summary from idea', sources: ['idea'], destination: 'summary', model,
  prompts: { instructions: 'Write a three-sentence summary of this blog post idea:\n{{ input }}' },
});

const title = defineAction({
  id: 'post-title', name: 'Title from summary', sources: ['summary'], destination: 'title', model,
  prompts: { instructions: 'Write one headline of at most 70 characters for:\n{{ input }}' },
});

const tags = defineAction({
  id: 'post-tags', name: 'Tags', sources: ['summary'], destination: 'tags', model,
  prompts: { instructions: 'Give 3 to 5 lowercase tags for this post as JSON {"tags": [...]}:\n{{ input }}' },
  output: { format: 'json', schema: z.object({ tags: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1).max(5) }) },
});

const seoDescription = defineAction({
  id: 'post-seo-description', name: 'SEO description', sources: ['summary', 'title'], destination: 'seo.description', model,
  prompts: {
    instructions:
      'Write a meta description (at most 155 characters) for "{{ title }}", using the tags {{ steps.tags.output.tags | join: ", " }}:\n{{ input }}',
  },
  settings: { maxOutputTokens: 80 },
});

/** idea -> summary -> title (only when the post has none) -> tags -> SEO description. */
export const blogPostChain = chain({
  id: 'blog-post',
  steps: [
    { id: 'summary', action: summary },
    { id: 'title', action: title, when: ({ subject }) => !subject.fields.title },
    { id: 'tags', action: tags },
    { id: 'seo', action: seoDescription },
  ] as const,
});
