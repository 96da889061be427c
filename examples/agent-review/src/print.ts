import type { AgentRunResult, AgentStepV1, Subject } from '@llm-actions/core';

/** A numbered section title. */
export function heading(title: string): void {
  console.log(`\n== ${title}`);
}

/** One line per post: id, title and summary (or that it has none). */
export function printPosts(posts: Iterable<Subject>): void {
  for (const post of posts) {
    const summary = post.fields.summary;
    const shown = summary === undefined ? '(no summary field)' : summary === '' ? '(empty)' : JSON.stringify(summary);
    console.log(`   ${post.id.padEnd(7)} ${String(post.fields.title).padEnd(22)} ${shown}`);
  }
}

function describeStep(step: AgentStepV1): string {
  const what = step.kind === 'model' ? 'model' : `${step.toolName}(${JSON.stringify(step.input)})`;
  const why = step.error ? ` — ${step.error.message}` : '';
  return `   #${step.index} ${what.padEnd(62)} ${step.status}${why}`;
}

/** The run's status, progress, usage and steps. */
export function printRun(result: AgentRunResult): void {
  const { run, progress, usage } = result;
  console.log(`   agent run ${run.id}: ${run.status}${run.reason ? ` (${run.reason.code}: ${run.reason.message})` : ''}`);
  console.log(`   progress ${progress.done}/${progress.total} steps (${progress.percent}%) · ${usage.modelCalls} model calls · ${usage.inputTokens} in / ${usage.outputTokens} out tokens`);
  for (const step of result.steps) console.log(describeStep(step));
}

/** A step awaiting approval, with the diff its preview shows. */
export function printApproval(step: AgentStepV1): void {
  const preview = step.preview as { subject?: { id: string }; field?: string; diff?: Array<{ op: string; text: string }> } | undefined;
  console.log(`   step ${step.id}: ${step.toolName} on ${preview?.subject?.id ?? '?'} · field "${preview?.field ?? '?'}"`);
  for (const line of preview?.diff ?? []) console.log(`     ${line.op === 'insert' ? '+' : line.op === 'delete' ? '-' : ' '} ${line.text}`);
}
