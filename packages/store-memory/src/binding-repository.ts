import { cloneRecord } from './clone-record.js';
import { bindingSchema, type Binding, type BindingRepositoryV1 } from '@llm-actions/core';
import { assertKnownKeys, assertText, assertValid, storeError } from './store-error.js';

const listKeys = new Set(['subjectType', 'actionId']);

function keyOf(subjectType: string, field: string): string {
  return `${subjectType}\u0000${field}`;
}

function compareBindings(left: Binding, right: Binding): number {
  if (left.subjectType !== right.subjectType) return left.subjectType < right.subjectType ? -1 : 1;
  return left.field < right.field ? -1 : left.field > right.field ? 1 : 0;
}

/** Bindings in memory: at most one per (subjectType, field). */
export function createBindingRepository(settings: { validate: boolean }): BindingRepositoryV1 {
  const bindings = new Map<string, Binding>();

  return {
    async create(binding) {
      if (settings.validate) assertValid(bindingSchema, binding, 'binding');
      assertText(binding?.subjectType, 'binding.subjectType');
      assertText(binding?.field, 'binding.field');
      const key = keyOf(binding.subjectType, binding.field);
      const existing = bindings.get(key);
      if (existing !== undefined) {
        throw storeError(
          'BINDING_CONFLICT',
          `field "${binding.field}" of "${binding.subjectType}" is already bound to action "${existing.actionId}"; delete that binding first to rebind the field.`,
          { subjectType: binding.subjectType, field: binding.field, actionId: existing.actionId },
        );
      }
      const stored = cloneRecord(binding);
      bindings.set(key, stored);
      return cloneRecord(stored);
    },

    async get(subjectType, field) {
      const found = bindings.get(keyOf(subjectType, field));
      return found === undefined ? undefined : cloneRecord(found);
    },

    async list(query = {}) {
      if (typeof query !== 'object' || query === null) {
        throw storeError('INVALID_INPUT', 'bindings.list expects a query object or nothing.', { query });
      }
      assertKnownKeys(query, listKeys, 'bindings.list query');
      const matching = [...bindings.values()].filter(
        (binding) =>
          (query.subjectType === undefined || binding.subjectType === query.subjectType) &&
          (query.actionId === undefined || binding.actionId === query.actionId),
      );
      return cloneRecord(matching.sort(compareBindings));
    },

    async delete(subjectType, field) {
      return bindings.delete(keyOf(subjectType, field));
    },
  };
}
