import type { StoreV1, StoreV1Capability, StoreV1CapabilityStatus } from '@llm-actions/core';
import { createAgentRepository } from './agent-repository.js';
import { createBindingRepository } from './binding-repository.js';
import { actionModel, promptModel } from './definition-models.js';
import { resolveProvider } from './migrate.js';
import { agentModels, asStoreClient, type PrismaStoreClient, type PrismaStoreProvider } from './prisma-store-client.js';
import { createProposalRepository } from './proposal-repository.js';
import { createRunRepository } from './run-repository.js';
import { skillModel } from './skill-model.js';
import { createVersionedRepository } from './versioned-repository.js';

/** Options of {@link createPrismaStore}. */
export interface PrismaStoreOptions {
  /**
   * The host's PrismaClient, generated from a schema that includes this package's models and
   * built with a driver adapter (`@prisma/adapter-better-sqlite3` or `@prisma/adapter-pg`).
   * The tables must exist: run {@link migrate} (or your own migrations) first.
   */
  client: PrismaStoreClient;
  /** The client's database. Defaults to the provider the client was generated for. */
  provider?: PrismaStoreProvider;
  /**
   * What the store declares. `durable` and `multi-process` default to supported (for PostgreSQL
   * and SQLite files; {@link createSqliteStore} passes the reason for `:memory:` databases).
   * `agents` defaults to supported when the client has every agent model (`LlmAgentRun`, ...,
   * `LlmSkillLabelMove`), else to unsupported with the missing models as the reason.
   */
  capabilities?: Partial<Record<StoreV1Capability, StoreV1CapabilityStatus>>;
  /**
   * Check every record and patch against the core zod schemas before storing it, failing with
   * `INVALID_INPUT`. Defaults to `true`.
   */
  validate?: boolean;
  /** Current time, for a run's `updatedAt` when an update's patch does not give it. */
  clock?: () => Date;
  /**
   * Disconnects the client on `close()`. Defaults to `false`: the host owns its client.
   */
  disconnectOnClose?: boolean;
}

/** `agents` is supported when the client has every agent model delegate. */
function agentsCapability(client: PrismaStoreClient): StoreV1CapabilityStatus {
  const missing = agentModels.filter((model) => (client as Partial<Record<string, unknown>>)[model] == null);
  if (missing.length === 0) return { supported: true };
  return {
    supported: false,
    reason: `the Prisma client has no ${missing.join(', ')} model(s); copy the agent models of @llm-actions/store-prisma into your schema, generate and migrate`,
  };
}

/**
 * A store contract v1 implementation on a Prisma 7 client, for SQLite and PostgreSQL.
 * Compare-and-set updates and version numbers are decided by the database, so several
 * processes may share one PostgreSQL database (or one SQLite file). With the agent models it
 * also holds the agent runtime's records (`agents`, `skills`).
 *
 * @example
 * ```ts
 * import { PrismaPg } from '@prisma/adapter-pg';
 * import { PrismaClient } from './generated/prisma/client.js';
 * import { createPrismaStore, migrate } from '@llm-actions/store-prisma';
 *
 * const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
 * await migrate(client);
 * const store = createPrismaStore({ client });
 * ```
 */
export function createPrismaStore(options: PrismaStoreOptions): StoreV1 {
  const provider = resolveProvider(options.client, options.provider);
  const client = asStoreClient(options.client);
  const validate = options.validate ?? true;
  const now = options.clock ?? (() => new Date());
  const capabilities = {
    durable: { supported: true },
    'multi-process': { supported: true },
    agents: agentsCapability(options.client),
    ...options.capabilities,
  } satisfies StoreV1['capabilities'];
  const agents = capabilities.agents.supported;
  return {
    specificationVersion: 'v1',
    name: `prisma-${provider}`,
    capabilities,
    prompts: createVersionedRepository(client, promptModel(validate)),
    actions: createVersionedRepository(client, actionModel(validate)),
    bindings: createBindingRepository(client, { validate }),
    runs: createRunRepository(client, { validate, now }),
    proposals: createProposalRepository(client, { validate }),
    ...(agents ? { agents: createAgentRepository(client, { validate }), skills: createVersionedRepository(client, skillModel(validate)) } : {}),
    async close() {
      if (options.disconnectOnClose === true) await client.$disconnect();
    },
  };
}
