import { mkdtemp, mkdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPathAllowlist, defineAgent, defineTool } from '../src/index.js';
import { failure } from './helpers.js';
import { agentRequests, agentStoreSkipReason, calls, setupAgent } from './agent-helpers.js';

describe.skipIf(agentStoreSkipReason !== undefined)('agents: tools and policy', () => {
  it('sends tool inputs to the provider as JSON Schema through the tools API', async () => {
    const { runtime, provider } = await setupAgent(['Nothing to do.']);
    await runtime.start('summary-filler', 'Fill missing summaries');
    const [request] = agentRequests(provider);
    expect(request!.toolChoice).toBe('auto');
    expect(request!.tools).toEqual([
      { name: 'list_missing_summaries', description: 'Lists posts whose summary is missing or empty.', inputSchema: { type: 'object', properties: {} } },
      {
        name: 'fill_summary',
        description: expect.stringContaining('Sets the field "summary" of one record'),
        inputSchema: {
          type: 'object',
          properties: { subjectType: { type: 'string', enum: ['post'] }, subjectId: { type: 'string', minLength: 1 } },
          required: ['subjectType', 'subjectId'],
        },
      },
    ]);
  });

  it('refuses invalid tool and agent definitions with INVALID_DEFINITION', async () => {
    const execute = () => 'ok';
    expect(() => defineTool({ name: 'has space', description: 'x', input: z.object({}), mode: 'read', execute })).toThrow(expect.objectContaining({ code: 'INVALID_DEFINITION' }));
    expect(() => defineTool({ name: 'text', description: 'x', input: z.string(), mode: 'read', execute })).toThrow(/z\.object/);
    const tool = defineTool({ name: 'echo', description: 'Echoes.', input: z.object({ text: z.string() }), mode: 'read', execute });
    expect(() => defineAgent({ id: 'a', instructions: 'x', model: 'mock/agent', tools: [tool, tool] })).toThrow(/two tools are named "echo"/);
    expect(() => defineAgent({ id: 'a', instructions: 'x', model: 'mock/agent', tools: [tool], policy: { tools: ['nope'] } })).toThrow(/does not have/);
    expect(() => defineAgent({ id: 'a', instructions: 'x', model: 'llama', tools: [tool] })).toThrow(expect.objectContaining({ code: 'INVALID_DEFINITION' }));
  });

  it('does not execute a call whose input fails validation; the model gets the error and the step records why', async () => {
    const { runtime, provider, applied } = await setupAgent([calls(['fill_summary', { subjectType: 'page', subjectId: 'p1' }]), 'Sorry.']);
    const result = await runtime.start('summary-filler', 'Fill missing summaries');
    expect(result.run.status).toBe('succeeded');
    const step = result.steps.find((candidate) => candidate.kind === 'tool')!;
    expect(step).toMatchObject({ status: 'refused', decision: 'refused', error: { code: 'TOOL_REFUSED', details: { reason: 'invalid-input', toolName: 'fill_summary' } } });
    expect(applied).toEqual([]);
    expect(provider.requests.filter((request) => !request.tools)).toHaveLength(0);
    const answer = agentRequests(provider)[1]!.messages.at(-1)!;
    expect(answer).toMatchObject({ role: 'tool', toolCallId: 'call_1', toolName: 'fill_summary' });
    expect(JSON.parse(answer.content)).toEqual({ error: { code: 'TOOL_REFUSED', message: expect.stringContaining('Invalid input for tool "fill_summary": subjectType') } });
    expect(await runtime.journal(result.run.id)).toEqual([]);
  });

  it('refuses unknown tools and tools outside the allowlist, which is all the model is offered', async () => {
    const { runtime, provider } = await setupAgent([calls(['fill_summary', { subjectType: 'post', subjectId: 'p1' }], ['drop_tables', {}]), 'Done.'], {
      agent: { policy: { tools: ['list_missing_summaries'] } },
    });
    const result = await runtime.start('summary-filler', 'Fill missing summaries');
    expect(agentRequests(provider)[0]!.tools!.map((tool) => tool.name)).toEqual(['list_missing_summaries']);
    const reasons = result.steps.filter((step) => step.kind === 'tool').map((step) => step.error?.details?.reason);
    expect(reasons).toEqual(['not-allowed', 'unknown-tool']);
    expect(provider.requests.filter((request) => !request.tools)).toHaveLength(0);
  });

  it('only previews write tools in read-only mode, and tells the model nothing changed', async () => {
    const { runtime, provider, applied } = await setupAgent([calls(['fill_summary', { subjectType: 'post', subjectId: 'p1' }]), 'Previewed.'], { agent: { policy: { readOnly: true } } });
    const result = await runtime.start('summary-filler', 'Fill missing summaries');
    expect(result.run.status).toBe('succeeded');
    const step = result.steps.find((candidate) => candidate.kind === 'tool')!;
    expect(step).toMatchObject({ status: 'previewed', decision: 'preview', preview: { after: 'Summary: Tides rise and fall twice a day.', before: '' } });
    expect(applied).toEqual([]);
    expect(JSON.parse(agentRequests(provider)[1]!.messages.at(-1)!.content)).toMatchObject({ executed: false, preview: { field: 'summary' } });
    expect(await runtime.journal(result.run.id)).toEqual([]);
  });

  it('executes write tools without approval at once, unless the policy asks approval for all writes', async () => {
    const notes: string[] = [];
    const note = defineTool({ name: 'add_note', description: 'Adds a note.', input: z.object({ text: z.string() }), mode: 'write', execute: ({ text }) => void notes.push(text) });
    const script = [calls(['add_note', { text: 'hello' }]), 'Noted.'];
    const free = await setupAgent(script, { agent: { tools: [note] } });
    expect((await free.runtime.start('summary-filler', 'Note')).run.status).toBe('succeeded');
    expect(notes).toEqual(['hello']);
    const strict = await setupAgent(script, { agent: { tools: [note], policy: { approvals: 'all-writes' } } });
    const suspended = await strict.runtime.start('summary-filler', 'Note');
    expect(suspended.run.status).toBe('awaiting-approval');
    expect(suspended.awaitingApproval[0]!.preview).toEqual({ input: { text: 'hello' } });
    expect(notes).toEqual(['hello']);
  });

  it('reports a tool that throws to the model as a failed step, and goes on', async () => {
    const broken = defineTool({ name: 'broken', description: 'Fails.', input: z.object({}), mode: 'read', execute: () => { throw new Error('disk full'); } });
    const { runtime, provider } = await setupAgent([calls(['broken', {}]), 'It failed.'], { agent: { tools: [broken] } });
    const result = await runtime.start('summary-filler', 'Try');
    expect(result.run.status).toBe('succeeded');
    expect(result.steps[1]).toMatchObject({ status: 'failed', error: { code: 'TOOL_FAILED', message: 'Tool "broken" failed: disk full' } });
    expect(agentRequests(provider)[1]!.messages.at(-1)!.content).toContain('disk full');
  });
});

describe('agents: path allowlist', () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await realpath(await mkdtemp(path.join(tmpdir(), 'llm-actions-paths-')));
    root = path.join(base, 'content');
    await mkdir(path.join(root, 'posts'), { recursive: true });
    await writeFile(path.join(root, 'posts', 'a.md'), '# A');
    await writeFile(path.join(base, 'secret.txt'), 'secret');
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'escape.txt'));
    await symlink(base, path.join(root, 'up'));
    await symlink(path.join(root, 'posts'), path.join(root, 'alias'));
  });
  afterAll(async () => rm(base, { recursive: true, force: true }));

  it('resolves paths inside the allowlist (relative, absolute, not yet existing, through inner links)', async () => {
    const allowlist = createPathAllowlist([root]);
    expect(await allowlist.resolve('posts/a.md')).toBe(path.join(root, 'posts', 'a.md'));
    expect(await allowlist.resolve(path.join(root, 'posts', 'a.md'))).toBe(path.join(root, 'posts', 'a.md'));
    expect(await allowlist.resolve('posts/new/draft.md')).toBe(path.join(root, 'posts', 'new', 'draft.md'));
    expect(await allowlist.resolve('alias/a.md')).toBe(path.join(root, 'posts', 'a.md'));
  });

  it('refuses .., absolute paths outside and symbolic links that escape', async () => {
    const allowlist = createPathAllowlist([root]);
    for (const candidate of ['../secret.txt', 'posts/../../secret.txt', 'posts/../posts/a.md', path.join(base, 'secret.txt'), '/etc/passwd', 'escape.txt', 'up/secret.txt', '']) {
      const error = await failure(allowlist.resolve(candidate));
      expect(error.code, candidate).toBe('TOOL_REFUSED');
      expect(error.details.reason).toBe('path');
    }
  });

  it.skipIf(agentStoreSkipReason !== undefined)('refuses a file tool call outside the policy paths before the tool runs', async () => {
    const read: string[] = [];
    const readFile = defineTool({
      name: 'read_file',
      description: 'Reads a file.',
      input: z.object({ path: z.string() }),
      mode: 'read',
      paths: ['path'],
      execute: async (input, context) => void read.push(await context.paths!.resolve(input.path)),
    });
    const { runtime } = await setupAgent([calls(['read_file', { path: '../secret.txt' }], ['read_file', { path: 'posts/a.md' }]), 'Read.'], {
      agent: { tools: [readFile], policy: { paths: [root] } },
    });
    const result = await runtime.start('summary-filler', 'Read files');
    expect(result.steps.filter((step) => step.kind === 'tool').map((step) => [step.status, step.error?.details?.reason])).toEqual([
      ['refused', 'path'],
      ['succeeded', undefined],
    ]);
    expect(read).toEqual([path.join(root, 'posts', 'a.md')]);
    const unfenced = await setupAgent([calls(['read_file', { path: 'posts/a.md' }]), 'No.'], { agent: { tools: [readFile] } });
    const refused = await unfenced.runtime.start('summary-filler', 'Read');
    expect(refused.steps[1]!.error?.message).toContain('no path allowlist');
  });
});
