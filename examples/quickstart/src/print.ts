import type { Proposal, Run } from '@llm-actions/core';

const indent = (text: string, prefix = '   '): string =>
  text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');

/** A section heading. */
export function heading(text: string): void {
  console.log(`\n${text}\n${'-'.repeat(text.length)}`);
}

/** The messages as the model sees them. */
export function printMessages(messages: Array<{ role: string; content: string }>): void {
  for (const message of messages) console.log(`[${message.role}]\n${indent(message.content)}`);
}

/** A proposal as a line diff. */
export function printProposal(proposal: Proposal): void {
  console.log(`${proposal.subject.type} ${proposal.subject.id} · field "${proposal.field}" · ${proposal.status}`);
  for (const line of proposal.diff) console.log(`${line.op === 'insert' ? '+' : line.op === 'delete' ? '-' : ' '} ${line.text}`);
}

/** The run's diagnostics as a timeline with offsets from the first event. */
export function printTimeline(run: Run): void {
  const start = Date.parse(run.events[0]?.at ?? run.createdAt);
  const line = (at: string, type: string, text: string) => console.log(`${`+${Date.parse(at) - start}ms`.padStart(8)}  ${type.padEnd(17)} ${text}`);
  for (let index = 0; index < run.events.length; index++) {
    const event = run.events[index]!;
    if (event.type !== 'run:chunk') {
      line(event.at, event.type, summarizeEvent(event.type, event.data));
      continue;
    }
    // Consecutive streamed chunks become one line: their count and the first words.
    let text = '';
    let count = 0;
    for (; run.events[index + 1]?.type === 'run:chunk'; index++) count++;
    for (const chunk of run.events.slice(index - count, index + 1)) text += String(chunk.data.delta ?? '');
    count++;
    line(event.at, 'run:chunk', `${count} chunks: ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`);
  }
}

function summarizeEvent(type: string, data: Record<string, unknown>): string {
  switch (type) {
    case 'run:start':
      return `model ${String(data.model)}, action version ${String(data.actionVersion)}`;
    case 'run:prompt':
      return `${(data.messages as unknown[]).length} messages`;
    case 'run:request':
      return `attempt ${String(data.attempt)} to ${String(data.provider)}/${String(data.model)}${data.stream ? ' (streaming)' : ''}`;
    case 'run:output':
      return data.repaired ? 'valid after one repair' : 'valid';
    case 'proposal:created':
      return `proposal ${String(data.proposalId)} for "${String(data.field)}"`;
    case 'run:response':
      return `finish ${String((data.finishReason as { unified: string }).unified)}, usage ${JSON.stringify(data.usage)}`;
    case 'run:finish':
      return `${String(data.status)} after ${String(data.attempts)} attempt(s), ${String(data.durationMs)} ms`;
    default:
      return '';
  }
}

/** One line per run of the history. */
export function printHistory(runs: Run[]): void {
  for (const run of runs) {
    const duration = run.timings.finishedAt ? `${Date.parse(run.timings.finishedAt) - Date.parse(run.createdAt)} ms` : '—';
    console.log(`${run.createdAt}  ${run.id}  ${run.status.padEnd(9)}  ${run.actionId}@${run.actionVersion}  ${duration}`);
  }
}
