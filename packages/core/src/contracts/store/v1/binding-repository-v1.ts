import type { Binding } from '../../../schemas/binding.js';

/** Bindings: at most one per (subjectType, field). */
export interface BindingRepositoryV1 {
  /** Stores a binding; throws `BINDING_CONFLICT` when the field is already bound. */
  create(binding: Binding): Promise<Binding>;
  /** The binding of one field, if any. */
  get(subjectType: string, field: string): Promise<Binding | undefined>;
  /** Bindings, optionally filtered, ordered by subjectType then field. */
  list(query?: { subjectType?: string; actionId?: string }): Promise<Binding[]>;
  /** Removes a binding; resolves false when there was none. */
  delete(subjectType: string, field: string): Promise<boolean>;
}
