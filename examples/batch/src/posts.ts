import { defineAction, type Subject } from '@llm-actions/core';

const topics = ['release notes', 'a customer story', 'an outage review', 'a hiring post', 'a product tour'];

/** Fifty sample blog posts without summaries. */
export function samplePosts(count = 50): Subject[] {
  return Array.from({ length: count }, (_, index) => ({
    type: 'post',
    id: `post-${String(index + 1).padStart(2, '0')}`,
    fields: {
      title: `Post ${index + 1}: ${topics[index % topics.length]}`,
      body: `This is post ${index + 1}, about ${topics[index % topics.length]}. It explains what changed, why, and what readers should do next.`,
      summary: '',
    },
  }));
}

/** Fills a post's summary from its body. */
export const summarizePost = defineAction({
  id: 'summarize-post',
  name: 'Summarize post',
  sources: ['body'],
  destination: 'summary',
  prompts: { instructions: 'Summarize "{{ subject.fields.title }}" in one sentence:\n{{ input }}' },
  model: 'ollama/llama3.2:3b',
  settings: { maxOutputTokens: 80 },
});
