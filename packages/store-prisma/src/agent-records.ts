import { agentApprovalSchema, agentSnapshotSchema, agentStepSchema, type AgentRepositoryV1 } from '@llm-actions/core';
import { fromApprovalRow, fromSnapshotRow, fromStepRow, toApprovalRow, toSnapshotRow, toStepRow } from './agent-record-rows.js';
import type { StoreClient } from './prisma-store-client.js';
import { assertText, assertValid, guard, isUniqueViolation, storeError, type RecordSchema } from './store-error.js';

/** Code-unit order by an ISO time, then an id: the contract's order whatever the collation. */
export function byTimeThenId<TRecord>(time: (record: TRecord) => string, id: (record: TRecord) => string) {
  return (left: TRecord, right: TRecord): number => {
    const [leftTime, rightTime] = [time(left), time(right)];
    if (leftTime !== rightTime) return leftTime < rightTime ? -1 : 1;
    return id(left) < id(right) ? -1 : id(left) > id(right) ? 1 : 0;
  };
}

/** Checks a record (with the core schema, or only its id when validation is off). */
export function checkRecord(validate: boolean, schema: unknown, value: unknown, what: string, id: unknown): void {
  if (validate) assertValid(schema as RecordSchema, value, what);
  else assertText(id, `${what} id`);
}

/**
 * Resolves when the agent run exists; `NOT_FOUND` otherwise. Agent runs are never deleted, so
 * a write that follows this read cannot orphan its record.
 */
export async function assertRunExists(client: StoreClient, runId: unknown, what: string): Promise<void> {
  assertText(runId, `${what}.runId`);
  if ((await client.llmAgentRun.findUnique({ where: { id: runId }, select: { id: true } })) !== null) return;
  throw storeError('NOT_FOUND', `agent run "${runId}" does not exist; create the run before its ${what}.`, { runId });
}

/** Steps, snapshots and approvals of agent runs, each write a single statement. */
export function agentRecordMethods(
  client: StoreClient,
  settings: { validate: boolean },
): Pick<AgentRepositoryV1, 'putStep' | 'listSteps' | 'createSnapshot' | 'listSnapshots' | 'createApproval' | 'listApprovals'> {
  const { llmAgentStep: steps, llmAgentSnapshot: snapshots, llmAgentApproval: approvals } = client;
  /** Rows of one run; an empty list checks that the run exists, as the memory store does. */
  const ofRun = async <TRow>(runId: unknown, what: string, rows: (runId: string) => PromiseLike<TRow[]>): Promise<TRow[]> => {
    assertText(runId, `${what}.runId`);
    const found = await rows(runId);
    if (found.length === 0) await assertRunExists(client, runId, what);
    return found;
  };

  return {
    putStep: (step) =>
      guard('agents.putStep', async () => {
        checkRecord(settings.validate, agentStepSchema, step, `agent step ${JSON.stringify(step?.id)}`, step?.id);
        const { runId, id, ...changes } = toStepRow(step);
        for (;;) {
          // Replace in place when the step exists with the same index; its index never changes.
          if ((await steps.updateMany({ where: { runId, id, position: changes.position }, data: changes })).count > 0) return;
          const existing = await steps.findUnique({ where: { runId_id: { runId, id } }, select: { position: true } });
          if (existing !== null && existing.position !== changes.position) {
            throw storeError('INVALID_INPUT', `agent step "${id}" has index ${existing.position}; a step keeps its index when it is replaced.`, { id, index: step.index });
          }
          if (existing !== null) continue;
          await assertRunExists(client, runId, 'step');
          try {
            await steps.create({ data: { runId, id, ...changes } });
            return;
          } catch (error) {
            // Created by another writer meanwhile: replace that one instead.
            if (!isUniqueViolation(error)) throw error;
          }
        }
      }),

    listSteps: (runId) =>
      guard('agents.listSteps', async () => {
        const rows = await ofRun(runId, 'steps', (id) => steps.findMany({ where: { runId: id }, orderBy: { position: 'asc' } }));
        return rows.map(fromStepRow);
      }),

    createSnapshot: (snapshot) =>
      guard('agents.createSnapshot', async () => {
        checkRecord(settings.validate, agentSnapshotSchema, snapshot, `agent snapshot ${JSON.stringify(snapshot?.id)}`, snapshot?.id);
        await assertRunExists(client, snapshot.runId, 'snapshot');
        try {
          await snapshots.create({ data: toSnapshotRow(snapshot) });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          throw storeError('STORE_CONFLICT', `agent run "${snapshot.runId}" already has snapshot "${snapshot.id}".`, { runId: snapshot.runId, id: snapshot.id });
        }
      }),

    listSnapshots: (runId) =>
      guard('agents.listSnapshots', async () => {
        const rows = await ofRun(runId, 'snapshots', (id) => snapshots.findMany({ where: { runId: id } }));
        return rows.map(fromSnapshotRow).sort(byTimeThenId((item) => item.createdAt, (item) => item.id));
      }),

    createApproval: (approval) =>
      guard('agents.createApproval', async () => {
        checkRecord(settings.validate, agentApprovalSchema, approval, 'agent approval', approval?.stepId);
        await assertRunExists(client, approval.runId, 'approval');
        const { runId, stepId } = approval;
        try {
          await approvals.create({ data: toApprovalRow(approval) });
          return;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
        // The primary key (runId, stepId) refused a second decision: report the first one.
        const existing = await approvals.findUnique({ where: { runId_stepId: { runId, stepId } } });
        const decision = existing?.decision;
        const by = existing?.decidedBy;
        throw storeError('STORE_CONFLICT', `step "${stepId}" of agent run "${runId}" was already ${decision} by ${by}; a decision cannot change.`, { runId, stepId, decision, by });
      }),

    listApprovals: (runId) =>
      guard('agents.listApprovals', async () => {
        const rows = await ofRun(runId, 'approvals', (id) => approvals.findMany({ where: { runId: id } }));
        return rows.map(fromApprovalRow).sort(byTimeThenId((item) => item.at, (item) => item.stepId));
      }),
  };
}
