-- @llm-actions/store-prisma migration 0001_init (sqlite): tables of store contract v1 and the agent runtime.
-- Shipped migrations are never edited: a change to the schema comes as a new numbered file.

-- CreateTable
CREATE TABLE "llm_prompt_versions" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "template" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" DATETIME NOT NULL,
    PRIMARY KEY ("id", "version")
);

-- CreateTable
CREATE TABLE "llm_prompt_labels" (
    "promptId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "version" INTEGER,
    "split" JSONB,
    "revision" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    PRIMARY KEY ("promptId", "label")
);

-- CreateTable
CREATE TABLE "llm_prompt_label_moves" (
    "sequence" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "promptId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "fromVersion" INTEGER,
    "fromSplit" JSONB,
    "toVersion" INTEGER,
    "toSplit" JSONB,
    "movedBy" TEXT,
    "movedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "llm_action_versions" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "sources" JSONB NOT NULL,
    "destination" TEXT NOT NULL,
    "prompts" JSONB NOT NULL,
    "model" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "output" JSONB NOT NULL,
    "scope" JSONB,
    "testCases" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    PRIMARY KEY ("id", "version")
);

-- CreateTable
CREATE TABLE "llm_action_labels" (
    "actionId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "version" INTEGER,
    "split" JSONB,
    "revision" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    PRIMARY KEY ("actionId", "label")
);

-- CreateTable
CREATE TABLE "llm_action_label_moves" (
    "sequence" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "actionId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "fromVersion" INTEGER,
    "fromSplit" JSONB,
    "toVersion" INTEGER,
    "toSplit" JSONB,
    "movedBy" TEXT,
    "movedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "llm_bindings" (
    "subjectType" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "label" TEXT,
    "createdAt" DATETIME NOT NULL,
    PRIMARY KEY ("subjectType", "field")
);

-- CreateTable
CREATE TABLE "llm_runs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "actionId" TEXT,
    "actionVersion" INTEGER,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "input" JSONB NOT NULL,
    "messages" JSONB NOT NULL,
    "model" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "output" JSONB,
    "proposalId" TEXT,
    "status" TEXT NOT NULL,
    "error" JSONB,
    "attempts" INTEGER NOT NULL,
    "usage" JSONB,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "cacheReadTokens" INTEGER NOT NULL DEFAULT 0,
    "cacheWriteTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" REAL,
    "queuedAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "firstTokenAt" DATETIME,
    "finishedAt" DATETIME,
    "events" JSONB NOT NULL,
    "user" TEXT,
    "variant" TEXT,
    "latencyMs" INTEGER,
    "parentRunId" TEXT,
    "tags" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "createdDay" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "llm_proposals" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "actionVersion" INTEGER NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "change" JSONB NOT NULL,
    "diff" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME,
    "resolvedBy" TEXT,
    "note" TEXT
);

-- CreateTable
CREATE TABLE "llm_agent_runs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agentId" TEXT NOT NULL,
    "agentVersion" INTEGER,
    "status" TEXT NOT NULL,
    "stateVersion" INTEGER NOT NULL,
    "state" JSONB NOT NULL,
    "fence" INTEGER NOT NULL DEFAULT 0,
    "runId" TEXT,
    "user" TEXT,
    "error" JSONB,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "llm_agent_steps" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agentRunId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "toolName" TEXT,
    "input" JSONB,
    "preview" JSONB,
    "result" JSONB,
    "error" JSONB,
    "runId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "llm_agent_journal" (
    "agentRunId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "stepId" TEXT NOT NULL,
    "toolName" TEXT NOT NULL,
    "arguments" JSONB NOT NULL,
    "result" JSONB,
    "inverse" JSONB,
    "modelResponse" JSONB,
    "approvedBy" TEXT,
    "snapshotId" TEXT,
    "executedAt" DATETIME NOT NULL,
    PRIMARY KEY ("agentRunId", "sequence")
);

-- CreateTable
CREATE TABLE "llm_agent_snapshots" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agentRunId" TEXT NOT NULL,
    "label" TEXT,
    "journalSequence" INTEGER NOT NULL,
    "stateVersion" INTEGER NOT NULL,
    "state" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "llm_agent_approvals" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agentRunId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "requestedAt" DATETIME NOT NULL,
    "decidedAt" DATETIME,
    "decidedBy" TEXT,
    "note" TEXT
);

-- CreateTable
CREATE TABLE "llm_skill_versions" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "instructions" TEXT NOT NULL,
    "tools" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL,
    PRIMARY KEY ("id", "version")
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
