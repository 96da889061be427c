-- @llm-actions/store-prisma migration 0002_agents (postgresql): the agent tables of store contract v1.
-- Shipped migrations are never edited: a change to the schema comes as a new numbered file.
-- 0001 created agent tables designed before the agent store contract existed; no released code
-- ever wrote to them, so they are replaced here by tables that fit the contract, and skills get
-- label tables like prompts and actions. The id of agent runs orders pages, so it uses the binary
-- collation "C" (as runs and proposals do in 0001); Prisma's schema cannot express this.

-- DropTable
DROP TABLE "llm_agent_runs";

-- DropTable
DROP TABLE "llm_agent_steps";

-- DropTable
DROP TABLE "llm_agent_journal";

-- DropTable
DROP TABLE "llm_agent_snapshots";

-- DropTable
DROP TABLE "llm_agent_approvals";

-- DropTable
DROP TABLE "llm_skill_versions";

-- CreateTable
CREATE TABLE "llm_agent_runs" (
    "id" TEXT COLLATE "C" NOT NULL,
    "agentId" TEXT NOT NULL,
    "goal" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "state" JSON NOT NULL,
    "user" TEXT,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "reason" JSON,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_agent_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "llm_agent_steps" (
    "runId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "toolName" TEXT,
    "toolCallId" TEXT,
    "decision" TEXT,
    "payload" JSON NOT NULL,
    "error" JSON,
    "modelRunId" TEXT,
    "snapshotId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_agent_steps_pkey" PRIMARY KEY ("runId", "id")
);

-- CreateTable
CREATE TABLE "llm_agent_journal" (
    "runId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "snapshotId" TEXT,
    "toolName" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "payload" JSON NOT NULL,
    "undoes" INTEGER,
    "approval" JSON,
    "causedBy" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_agent_journal_pkey" PRIMARY KEY ("runId", "seq")
);

-- CreateTable
CREATE TABLE "llm_agent_snapshots" (
    "runId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_agent_snapshots_pkey" PRIMARY KEY ("runId", "id")
);

-- CreateTable
CREATE TABLE "llm_agent_approvals" (
    "runId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "decidedBy" TEXT NOT NULL,
    "note" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_agent_approvals_pkey" PRIMARY KEY ("runId", "stepId")
);

-- CreateTable
CREATE TABLE "llm_skill_versions" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "instructions" TEXT NOT NULL,
    "tools" JSON NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_skill_versions_pkey" PRIMARY KEY ("id", "version")
);

-- CreateTable
CREATE TABLE "llm_skill_labels" (
    "skillId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "version" INTEGER,
    "split" JSON,
    "revision" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_skill_labels_pkey" PRIMARY KEY ("skillId", "label")
);

-- CreateTable
CREATE TABLE "llm_skill_label_moves" (
    "sequence" SERIAL NOT NULL,
    "skillId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "fromVersion" INTEGER,
    "fromSplit" JSON,
    "toVersion" INTEGER,
    "toSplit" JSON,
    "movedBy" TEXT,
    "movedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "llm_skill_label_moves_pkey" PRIMARY KEY ("sequence")
);

-- CreateIndex
CREATE INDEX "llm_agent_runs_createdAt_id_idx" ON "llm_agent_runs"("createdAt", "id");

-- CreateIndex
CREATE INDEX "llm_agent_runs_agentId_createdAt_idx" ON "llm_agent_runs"("agentId", "createdAt");

-- CreateIndex
CREATE INDEX "llm_agent_runs_status_createdAt_idx" ON "llm_agent_runs"("status", "createdAt");

-- CreateIndex
CREATE INDEX "llm_agent_runs_user_createdAt_idx" ON "llm_agent_runs"("user", "createdAt");

-- CreateIndex
CREATE INDEX "llm_agent_steps_runId_position_idx" ON "llm_agent_steps"("runId", "position");

-- CreateIndex
CREATE INDEX "llm_agent_snapshots_runId_createdAt_idx" ON "llm_agent_snapshots"("runId", "createdAt");

-- CreateIndex
CREATE INDEX "llm_skill_label_moves_skillId_sequence_idx" ON "llm_skill_label_moves"("skillId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "llm_skill_label_moves_skillId_label_revision_key" ON "llm_skill_label_moves"("skillId", "label", "revision");
