/** A row as a Prisma delegate returns it. */
export type Row = Record<string, unknown>;

/**
 * The few delegate methods the generic repositories call, typed loosely so one implementation
 * serves several models (prompt and action versions, labels and moves). Model-specific code
 * keeps the generated types; only the shared versioning logic goes through this shape.
 */
export interface ModelDelegate {
  findFirst(args: object): PromiseLike<Row | null>;
  findMany(args: object): PromiseLike<Row[]>;
  create(args: object): PromiseLike<Row>;
  updateMany(args: object): PromiseLike<{ count: number }>;
}

/** A Prisma model delegate seen through {@link ModelDelegate}. */
export function delegate(model: object): ModelDelegate {
  return model as ModelDelegate;
}
