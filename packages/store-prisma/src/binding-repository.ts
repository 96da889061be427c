import { bindingSchema, type Binding, type BindingRepositoryV1 } from '@llm-actions/core';
import type { LlmBinding } from './generated/sqlite/client.js';
import type { StoreClient } from './prisma-store-client.js';
import { assertKnownKeys, assertText, assertValid, guard, isUniqueViolation, storeError, type RecordSchema } from './store-error.js';
import { compact, fromDate, toDate } from './values.js';

const listKeys = new Set(['subjectType', 'actionId']);

function fromRow(row: LlmBinding): Binding {
  return compact<Binding>({ ...row, createdAt: fromDate(row.createdAt) });
}

function compareBindings(left: Binding, right: Binding): number {
  if (left.subjectType !== right.subjectType) return left.subjectType < right.subjectType ? -1 : 1;
  return left.field < right.field ? -1 : left.field > right.field ? 1 : 0;
}

/**
 * Bindings in `llm_bindings`, whose primary key (subjectType, field) makes a second binding of
 * the same field fail in the database, even between processes.
 */
export function createBindingRepository(client: StoreClient, settings: { validate: boolean }): BindingRepositoryV1 {
  const bindings = client.llmBinding;

  return {
    create: (binding) =>
      guard('bindings.create', async () => {
        const parsed = settings.validate ? assertValid(bindingSchema as RecordSchema<Binding>, binding, 'binding') : binding;
        assertText(parsed?.subjectType, 'binding.subjectType');
        assertText(parsed.field, 'binding.field');
        const data = {
          subjectType: parsed.subjectType,
          field: parsed.field,
          actionId: parsed.actionId,
          label: parsed.label ?? null,
          createdAt: toDate(parsed.createdAt, 'binding.createdAt'),
        };
        try {
          return fromRow(await bindings.create({ data }));
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          const existing = await bindings.findUnique({ where: { subjectType_field: { subjectType: data.subjectType, field: data.field } } });
          throw storeError(
            'BINDING_CONFLICT',
            `field "${data.field}" of "${data.subjectType}" is already bound to action "${existing?.actionId ?? 'unknown'}"; delete that binding first to rebind the field.`,
            { subjectType: data.subjectType, field: data.field, actionId: existing?.actionId },
          );
        }
      }),

    get: (subjectType, field) =>
      guard('bindings.get', async () => {
        if (typeof subjectType !== 'string' || typeof field !== 'string') return undefined;
        const row = await bindings.findUnique({ where: { subjectType_field: { subjectType, field } } });
        return row === null ? undefined : fromRow(row);
      }),

    list: (query = {}) =>
      guard('bindings.list', async () => {
        if (typeof query !== 'object' || query === null) {
          throw storeError('INVALID_INPUT', 'bindings.list expects a query object or nothing.', { query });
        }
        assertKnownKeys(query, listKeys, 'bindings.list query');
        const rows = await bindings.findMany({ where: { subjectType: query.subjectType, actionId: query.actionId } });
        // Sorted here by code units, whatever the database collation.
        return rows.map(fromRow).sort(compareBindings);
      }),

    delete: (subjectType, field) =>
      guard('bindings.delete', async () => {
        if (typeof subjectType !== 'string' || typeof field !== 'string') return false;
        const deleted = await bindings.deleteMany({ where: { subjectType, field } });
        return deleted.count > 0;
      }),
  };
}
