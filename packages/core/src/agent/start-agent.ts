import { z } from 'zod';
import type { ProviderV1Message } from '../contracts/provider/v1/provider-v1-message.js';
import type { AgentRunV1 } from '../contracts/store/v1/agent-run-v1.js';
import type { SkillRecordV1 } from '../contracts/store/v1/skill-record-v1.js';
import { parseOrThrow } from '../runtime/validate.js';
import { subjectSchema, type Subject } from '../schemas/common.js';
import { agentNow, type AgentContext } from './agent-context.js';
import { driveAgentRun } from './agent-loop.js';
import { AgentRunHandle, type AgentRunResult } from './agent-run-handle.js';
import { emptyUsage, writeAgentState, type AgentState } from './agent-state.js';
import type { Agent } from './define-agent.js';
import { requireAgent } from './load-run.js';
import { resolveSkills, skillRepository } from './skills.js';

/** Options of `runtime.start`. */
export interface AgentStartOptions {
  /** The record the run is about; its type, id and fields go into the first message. */
  subject?: Subject;
  /** Who starts the run: stored on it and passed to tools (and `authorize` through actions). */
  user?: string;
  /** Cancels the run; it ends `cancelled` with its journal intact. */
  signal?: AbortSignal;
}

const optionsSchema = z.object({ subject: subjectSchema.optional(), user: z.string().min(1).optional() }).passthrough();
const goalSchema = z.string().trim().min(1, 'describe what the agent should achieve').max(100_000);

/** The conversation a run starts with: the agent's instructions and skills, then the goal and subject. */
export function initialMessages(agent: Agent, skills: readonly SkillRecordV1[], goal: string, subject?: Subject): ProviderV1Message[] {
  const system = [agent.instructions, ...skills.map((skill) => `## Skill: ${skill.id}\n${skill.instructions}`)].join('\n\n');
  const about = subject ? `\n\nSubject: ${subject.type} ${subject.id}\n${JSON.stringify(subject.fields, null, 2)}` : '';
  return [
    { role: 'system', content: system },
    { role: 'user', content: `${goal}${about}` },
  ];
}

/** Starts a run of an agent towards a goal and drives it until it ends or waits for approval. */
export async function startAgent(context: AgentContext, agentOrId: Agent | string, goal: string, options: AgentStartOptions = {}): Promise<AgentRunResult> {
  const agent = typeof agentOrId === 'string' ? requireAgent(context, agentOrId) : agentOrId;
  if (typeof agentOrId !== 'string') context.registry.set(agent.id, agent);
  const validGoal = parseOrThrow(goalSchema, goal, 'agent goal');
  const valid = parseOrThrow(optionsSchema, options, 'agent start options');
  const skills = agent.skills.length === 0 ? [] : await resolveSkills(skillRepository(context.store), agent.skills, agent.offeredTools, agent.id);
  const state: AgentState = {
    schemaVersion: 1,
    messages: initialMessages(agent, skills, validGoal, valid.subject),
    pending: [],
    usage: emptyUsage(),
    ...(valid.subject ? { subject: valid.subject } : {}),
    skills: skills.map((skill) => ({ id: skill.id, version: skill.version })),
  };
  const now = agentNow(context);
  const run: AgentRunV1 = {
    id: context.generateAgentId('agent-run'),
    agentId: agent.id,
    goal: validGoal,
    status: 'running',
    revision: 1,
    state: writeAgentState(state),
    ...(valid.user !== undefined ? { user: valid.user } : {}),
    ...(valid.subject ? { subject: { type: valid.subject.type, id: valid.subject.id } } : {}),
    createdAt: now,
    updatedAt: now,
  };
  await context.repository.createRun(run);
  const handle = new AgentRunHandle(context, agent, run, state, []);
  handle.emit('agent:run:start', {
    agentId: agent.id,
    goal: validGoal,
    ...(run.user !== undefined ? { user: run.user } : {}),
    ...(run.subject ? { subject: run.subject } : {}),
    resumed: false,
  });
  return driveAgentRun(handle, options.signal);
}
