-- @llm-actions/store-prisma migration 0001_init (postgresql): tables of store contract v1 and the agent runtime.
-- Shipped migrations are never edited: a change to the schema comes as a new numbered file.
-- Ids that order pages (runs, proposals, agent runs) use the binary collation "C", so that
-- (createdAt, id) order and cursors follow code units whatever the database's locale; Prisma's
-- schema cannot express this, hosts using Prisma Migrate add it to their migration by hand.

-- CreateTable
CREATE TABLE "llm_prompt_versions" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "template" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_prompt_versions_pkey" PRIMARY KEY ("id", "version")
);

-- CreateTable
CREATE TABLE "llm_prompt_labels" (
    "promptId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "version" INTEGER,
    "split" JSON,
    "revision" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_prompt_labels_pkey" PRIMARY KEY ("promptId", "label")
);

-- CreateTable
CREATE TABLE "llm_prompt_label_moves" (
    "sequence" SERIAL NOT NULL,
    "promptId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "fromVersion" INTEGER,
    "fromSplit" JSON,
    "toVersion" INTEGER,
    "toSplit" JSON,
    "movedBy" TEXT,
    "movedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_prompt_label_moves_pkey" PRIMARY KEY ("sequence")
);

-- CreateTable
CREATE TABLE "llm_action_versions" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "sources" JSON NOT NULL,
    "destination" TEXT NOT NULL,
    "prompts" JSON NOT NULL,
    "model" TEXT NOT NULL,
    "settings" JSON NOT NULL,
    "output" JSON NOT NULL,
    "scope" JSON,
    "testCases" JSON NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_action_versions_pkey" PRIMARY KEY ("id", "version")
);

-- CreateTable
CREATE TABLE "llm_action_labels" (
    "actionId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "version" INTEGER,
    "split" JSON,
    "revision" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_action_labels_pkey" PRIMARY KEY ("actionId", "label")
);

-- CreateTable
CREATE TABLE "llm_action_label_moves" (
    "sequence" SERIAL NOT NULL,
    "actionId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "fromVersion" INTEGER,
    "fromSplit" JSON,
    "toVersion" INTEGER,
    "toSplit" JSON,
    "movedBy" TEXT,
    "movedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_action_label_moves_pkey" PRIMARY KEY ("sequence")
);

-- CreateTable
CREATE TABLE "llm_bindings" (
    "subjectType" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "label" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_bindings_pkey" PRIMARY KEY ("subjectType", "field")
);

-- CreateTable
CREATE TABLE "llm_runs" (
    "id" TEXT COLLATE "C" NOT NULL,
    "kind" TEXT NOT NULL,
    "actionId" TEXT,
    "actionVersion" INTEGER,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "input" JSON NOT NULL,
    "messages" JSON NOT NULL,
    "model" TEXT NOT NULL,
    "settings" JSON NOT NULL,
    "output" JSON,
    "proposalId" TEXT,
    "status" TEXT NOT NULL,
    "error" JSON,
    "attempts" INTEGER NOT NULL,
    "usage" JSON,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "cacheReadTokens" INTEGER NOT NULL DEFAULT 0,
    "cacheWriteTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION,
    "queuedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "firstTokenAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "events" JSON NOT NULL,
    "user" TEXT,
    "variant" TEXT,
    "latencyMs" INTEGER,
    "parentRunId" TEXT,
    "tags" JSON NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdDay" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "llm_proposals" (
    "id" TEXT COLLATE "C" NOT NULL,
    "runId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "actionVersion" INTEGER NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "change" JSON NOT NULL,
    "diff" JSON NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedBy" TEXT,
    "note" TEXT,
    CONSTRAINT "llm_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "llm_agent_runs" (
    "id" TEXT COLLATE "C" NOT NULL,
    "agentId" TEXT NOT NULL,
    "agentVersion" INTEGER,
    "status" TEXT NOT NULL,
    "stateVersion" INTEGER NOT NULL,
    "state" JSON NOT NULL,
    "fence" INTEGER NOT NULL DEFAULT 0,
    "runId" TEXT,
    "user" TEXT,
    "error" JSON,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    CONSTRAINT "llm_agent_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "llm_agent_steps" (
    "id" TEXT NOT NULL,
    "agentRunId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "toolName" TEXT,
    "input" JSON,
    "preview" JSON,
    "result" JSON,
    "error" JSON,
    "runId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_agent_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "llm_agent_journal" (
    "agentRunId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "stepId" TEXT NOT NULL,
    "toolName" TEXT NOT NULL,
    "arguments" JSON NOT NULL,
    "result" JSON,
    "inverse" JSON,
    "modelResponse" JSON,
    "approvedBy" TEXT,
    "snapshotId" TEXT,
    "executedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_agent_journal_pkey" PRIMARY KEY ("agentRunId", "sequence")
);

-- CreateTable
CREATE TABLE "llm_agent_snapshots" (
    "id" TEXT NOT NULL,
    "agentRunId" TEXT NOT NULL,
    "label" TEXT,
    "journalSequence" INTEGER NOT NULL,
    "stateVersion" INTEGER NOT NULL,
    "state" JSON NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_agent_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "llm_agent_approvals" (
    "id" TEXT NOT NULL,
    "agentRunId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decidedBy" TEXT,
    "note" TEXT,
    CONSTRAINT "llm_agent_approvals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "llm_skill_versions" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "instructions" TEXT NOT NULL,
    "tools" JSON NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_skill_versions_pkey" PRIMARY KEY ("id", "version")
);

-- CreateIndex
CREATE INDEX "llm_prompt_label_moves_promptId_sequence_idx" ON "llm_prompt_label_moves"("promptId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "llm_prompt_label_moves_promptId_label_revision_key" ON "llm_prompt_label_moves"("promptId", "label", "revision");

-- CreateIndex
CREATE INDEX "llm_action_label_moves_actionId_sequence_idx" ON "llm_action_label_moves"("actionId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "llm_action_label_moves_actionId_label_revision_key" ON "llm_action_label_moves"("actionId", "label", "revision");

-- CreateIndex
CREATE INDEX "llm_bindings_actionId_idx" ON "llm_bindings"("actionId");

-- CreateIndex
CREATE INDEX "llm_runs_createdAt_id_idx" ON "llm_runs"("createdAt", "id");

-- CreateIndex
CREATE INDEX "llm_runs_actionId_createdAt_idx" ON "llm_runs"("actionId", "createdAt");

-- CreateIndex
CREATE INDEX "llm_runs_subjectType_subjectId_createdAt_idx" ON "llm_runs"("subjectType", "subjectId", "createdAt");

-- CreateIndex
CREATE INDEX "llm_runs_status_createdAt_idx" ON "llm_runs"("status", "createdAt");

-- CreateIndex
CREATE INDEX "llm_runs_kind_createdAt_idx" ON "llm_runs"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "llm_runs_user_createdAt_idx" ON "llm_runs"("user", "createdAt");

-- CreateIndex
CREATE INDEX "llm_runs_variant_createdAt_idx" ON "llm_runs"("variant", "createdAt");

-- CreateIndex
CREATE INDEX "llm_runs_parentRunId_createdAt_idx" ON "llm_runs"("parentRunId", "createdAt");

-- CreateIndex
CREATE INDEX "llm_runs_createdDay_idx" ON "llm_runs"("createdDay");

-- CreateIndex
CREATE INDEX "llm_proposals_createdAt_id_idx" ON "llm_proposals"("createdAt", "id");

-- CreateIndex
CREATE INDEX "llm_proposals_runId_idx" ON "llm_proposals"("runId");

-- CreateIndex
CREATE INDEX "llm_proposals_actionId_createdAt_idx" ON "llm_proposals"("actionId", "createdAt");

-- CreateIndex
CREATE INDEX "llm_proposals_subjectType_subjectId_createdAt_idx" ON "llm_proposals"("subjectType", "subjectId", "createdAt");

-- CreateIndex
CREATE INDEX "llm_proposals_status_createdAt_idx" ON "llm_proposals"("status", "createdAt");

-- CreateIndex
CREATE INDEX "llm_agent_runs_createdAt_id_idx" ON "llm_agent_runs"("createdAt", "id");

-- CreateIndex
CREATE INDEX "llm_agent_runs_agentId_createdAt_idx" ON "llm_agent_runs"("agentId", "createdAt");

-- CreateIndex
CREATE INDEX "llm_agent_runs_status_createdAt_idx" ON "llm_agent_runs"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "llm_agent_steps_agentRunId_position_key" ON "llm_agent_steps"("agentRunId", "position");

-- CreateIndex
CREATE INDEX "llm_agent_journal_stepId_idx" ON "llm_agent_journal"("stepId");

-- CreateIndex
CREATE INDEX "llm_agent_snapshots_agentRunId_createdAt_idx" ON "llm_agent_snapshots"("agentRunId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "llm_agent_approvals_agentRunId_stepId_key" ON "llm_agent_approvals"("agentRunId", "stepId");
