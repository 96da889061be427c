import { agentJournalAppendSchema, type AgentRepositoryV1 } from '@llm-actions/core';
import { fromJournalRow, toJournalRow } from './agent-record-rows.js';
import { assertRunExists, checkRecord } from './agent-records.js';
import type { StoreClient } from './prisma-store-client.js';
import { assertText, guard, isUniqueViolation, storeError } from './store-error.js';

const appendAttempts = 1_000;

/**
 * The append-only journal of agent runs in `llm_agent_journal`. An append takes the run's highest
 * `seq` plus one; the primary key (runId, seq) rejects a concurrent duplicate and the loser
 * retries, so racing appends (in one process or several) get consecutive numbers without locks.
 */
export function agentJournalMethods(client: StoreClient, settings: { validate: boolean }): Pick<AgentRepositoryV1, 'appendJournal' | 'listJournal'> {
  const journal = client.llmAgentJournalEntry;
  return {
    appendJournal: (entry) =>
      guard('agents.appendJournal', async () => {
        checkRecord(settings.validate, agentJournalAppendSchema, entry, 'agent journal entry', entry?.stepId);
        if ('seq' in (entry as object)) throw storeError('INVALID_INPUT', 'journal entries get their seq from the store; leave it out.', { runId: entry.runId });
        await assertRunExists(client, entry.runId, 'journal entry');
        for (let attempt = 1; ; attempt += 1) {
          const last = await journal.findFirst({ where: { runId: entry.runId }, orderBy: { seq: 'desc' }, select: { seq: true } });
          try {
            return fromJournalRow(await journal.create({ data: toJournalRow(entry, (last?.seq ?? 0) + 1) }));
          } catch (error) {
            if (!isUniqueViolation(error) || attempt >= appendAttempts) throw error;
            // Another append took this number; back off a little so the contenders spread out.
            await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 20)));
          }
        }
      }),

    listJournal: (runId) =>
      guard('agents.listJournal', async () => {
        assertText(runId, 'journal.runId');
        const rows = await journal.findMany({ where: { runId }, orderBy: { seq: 'asc' } });
        if (rows.length === 0) await assertRunExists(client, runId, 'journal');
        return rows.map(fromJournalRow);
      }),
  };
}
