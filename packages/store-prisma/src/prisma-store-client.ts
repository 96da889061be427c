import type { PrismaClient } from './generated/sqlite/client.js';

/** Names of the Prisma model delegates the store uses (the models of `prisma/schema.prisma`). */
export type PrismaStoreModel =
  | 'llmMigration'
  | 'llmPromptVersion'
  | 'llmPromptLabel'
  | 'llmPromptLabelMove'
  | 'llmActionVersion'
  | 'llmActionLabel'
  | 'llmActionLabelMove'
  | 'llmBinding'
  | 'llmRun'
  | 'llmProposal';

/**
 * Model delegates of the agent runtime's records (`agents` and `skills`). A client generated
 * without them still makes a store: it declares the `agents` capability unsupported.
 */
export type PrismaStoreAgentModel =
  | 'llmAgentRun'
  | 'llmAgentStep'
  | 'llmAgentJournalEntry'
  | 'llmAgentSnapshot'
  | 'llmAgentApproval'
  | 'llmSkillVersion'
  | 'llmSkillLabel'
  | 'llmSkillLabelMove';

/** Every agent model delegate name, to check that a host's client has them all. */
export const agentModels: readonly PrismaStoreAgentModel[] = [
  'llmAgentRun',
  'llmAgentStep',
  'llmAgentJournalEntry',
  'llmAgentSnapshot',
  'llmAgentApproval',
  'llmSkillVersion',
  'llmSkillLabel',
  'llmSkillLabelMove',
];

/**
 * What the store needs from a PrismaClient, typed structurally so that the host's own client
 * fits: any client generated from a schema that includes this package's models (merged with the
 * host's models, for SQLite or PostgreSQL) and built with a driver adapter
 * (`@prisma/adapter-better-sqlite3` or `@prisma/adapter-pg`). The agent models are optional:
 * without them the store works, with the `agents` capability unsupported.
 */
export type PrismaStoreClient = { readonly [Model in PrismaStoreModel]: object } & { readonly [Model in PrismaStoreAgentModel]?: object } & {
  /** Interactive and batch transactions. */
  $transaction: (...args: never[]) => unknown;
  /** Raw statements; used by `migrate` only. */
  $executeRawUnsafe: (query: string, ...values: never[]) => PromiseLike<number>;
  /** Releases the connection. */
  $disconnect: () => Promise<void>;
};

/** The database a Prisma client talks to. */
export type PrismaStoreProvider = 'sqlite' | 'postgresql';

/**
 * The client as the generated SQLite types describe it. The model delegates of a PostgreSQL
 * client built from the same models accept the same arguments for everything this package
 * does (no provider-specific filters), so the store code is written once against these types.
 */
export type StoreClient = Pick<PrismaClient, PrismaStoreModel | PrismaStoreAgentModel | '$transaction' | '$executeRawUnsafe' | '$queryRawUnsafe' | '$disconnect'>;

/** The host client seen through the generated types (see {@link StoreClient}). */
export function asStoreClient(client: PrismaStoreClient): StoreClient {
  return client as unknown as StoreClient;
}

/**
 * The provider of a Prisma client: the one given, else the one the generated client was built
 * for (`_activeProvider`, set by every Prisma 7 client), else undefined.
 */
export function detectProvider(client: PrismaStoreClient): PrismaStoreProvider | undefined {
  const active = (client as { _activeProvider?: unknown })._activeProvider;
  return active === 'sqlite' || active === 'postgresql' ? active : undefined;
}
