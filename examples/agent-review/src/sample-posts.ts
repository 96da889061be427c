import { actionTool, defineAction, defineAgent, defineTool, type ApplyChange, type Subject } from '@llm-actions/core';
import { z } from 'zod';

/** The blog posts of the example: three lack a summary (one empty, two without the field). */
export function samplePosts(): Map<string, Subject> {
  const posts: Subject[] = [
    { type: 'post', id: 'post-1', fields: { title: 'Why tides happen', body: 'The moon pulls the oceans, so most coasts see two high tides a day.', summary: '' } },
    { type: 'post', id: 'post-2', fields: { title: 'Reading a tide table', body: 'Tide tables list the times and heights of high and low water for one place.' } },
    { type: 'post', id: 'post-3', fields: { title: 'Spring tides', body: 'At full and new moon, sun and moon pull together and tides run higher.', summary: 'Tides run higher at full and new moon.' } },
    { type: 'post', id: 'post-4', fields: { title: 'Tidal power', body: 'Barrages and turbines turn the flow of the tides into electricity.' } },
  ];
  return new Map(posts.map((post) => [post.id, post]));
}

/** The host's data: the posts, and the apply callback that writes (or removes) a field. */
export function createHost(posts = samplePosts()) {
  return {
    posts,
    /** Writes an applied value; `undefined` (an undo of a field that did not exist) removes the field. */
    apply(change: ApplyChange): void {
      const post = posts.get(change.subject.id);
      if (!post) throw new Error(`no post ${change.subject.id}`);
      if (change.value === undefined) delete post.fields[change.field];
      else post.fields[change.field] = change.value;
    },
    loadSubject(type: string, id: string): Subject | undefined {
      const post = posts.get(id);
      return post && post.type === type ? structuredClone(post) : undefined;
    },
  };
}

/** The action the agent uses: a one-sentence summary of a post's body. */
export function summarizeAction(model: string) {
  return defineAction({
    id: 'summarize-post',
    name: 'Summarize a post',
    description: 'Writes a one-sentence summary of a blog post from its body',
    sources: ['body'],
    destination: 'summary',
    prompts: { instructions: 'Summarize this blog post in one sentence:\n{{ input }}' },
    model,
  });
}

/** The agent: lists posts without a summary, then fills each through the action (with approval). */
export function summaryAgent(model: string, host: ReturnType<typeof createHost>) {
  const listMissing = defineTool({
    name: 'list_posts_missing_summary',
    description: 'Lists the posts whose summary is missing or empty, with their ids and titles.',
    input: z.object({}),
    mode: 'read',
    execute: () => [...host.posts.values()].filter((post) => !post.fields.summary).map((post) => ({ type: post.type, id: post.id, title: post.fields.title })),
  });
  const fillSummary = actionTool(summarizeAction(model), { name: 'fill_summary', loadSubject: host.loadSubject, subjectTypes: ['post'] });
  return defineAgent({
    id: 'summary-filler',
    instructions:
      'You maintain a blog. Call list_posts_missing_summary, then call fill_summary once for every post it lists, ' +
      'all in one turn. When every summary is filled, answer with one sentence saying how many you filled.',
    model,
    tools: [listMissing, fillSummary],
    policy: { budgets: { maxSteps: 20, maxWallTimeMs: 120_000 } },
  });
}
