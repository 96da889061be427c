import type { AgentRepositoryV1 } from '@llm-actions/core';
import { agentJournalMethods } from './agent-journal.js';
import { agentRecordMethods } from './agent-records.js';
import { agentRunMethods } from './agent-runs.js';
import type { StoreClient } from './prisma-store-client.js';

/**
 * The store's `agents`: agent runs in `llm_agent_runs` and their steps, journal, snapshots and
 * approvals in `llm_agent_steps`, `llm_agent_journal`, `llm_agent_snapshots` and
 * `llm_agent_approvals`. Every operation is single statements, no interactive transaction:
 * compare-and-set on the run revision, journal numbering and one decision per step are decided
 * by the database's keys and conditional updates.
 */
export function createAgentRepository(client: StoreClient, settings: { validate: boolean }): AgentRepositoryV1 {
  return {
    ...agentRunMethods(client, settings),
    ...agentRecordMethods(client, settings),
    ...agentJournalMethods(client, settings),
  };
}
