import type { FakeReply } from '@llm-actions/testing';

/**
 * What a protocol fake answers, in order, so the example runs without a model: the agent
 * lists the posts, fills the three missing summaries in one turn (each preview runs the
 * summary action once), and after approval says it is done.
 */
export const scriptedReplies: FakeReply[] = [
  { toolCalls: [{ id: 'call_list', name: 'list_posts_missing_summary', input: {} }] },
  {
    text: 'Three posts need a summary.',
    toolCalls: ['post-1', 'post-2', 'post-4'].map((id) => ({ id: `call_${id}`, name: 'fill_summary', input: { subjectType: 'post', subjectId: id } })),
  },
  { text: 'Most coasts get two high tides a day because the moon pulls the oceans.' },
  { text: 'A tide table gives the times and heights of high and low water for one place.' },
  { text: 'Barrages and turbines turn tidal flow into electricity.' },
  { text: 'I filled the summaries of 3 posts.' },
];
