import type { AgentJournalEntryV1 } from '../contracts/store/v1/agent-journal-entry-v1.js';

/** Executions of write tools that no rollback has undone yet, oldest first. */
export function effectiveWrites(journal: readonly AgentJournalEntryV1[]): AgentJournalEntryV1[] {
  const undone = new Set(journal.filter((entry) => entry.kind === 'undo').map((entry) => entry.undoes));
  return journal.filter((entry) => entry.kind === 'execute' && entry.mode === 'write' && !undone.has(entry.seq)).sort((left, right) => left.seq - right.seq);
}

/** The recorded result of each step's execution, by step id (replay reads tool results from here). */
export function executionsByStep(journal: readonly AgentJournalEntryV1[]): Map<string, AgentJournalEntryV1> {
  return new Map(journal.filter((entry) => entry.kind === 'execute').map((entry) => [entry.stepId, entry]));
}
