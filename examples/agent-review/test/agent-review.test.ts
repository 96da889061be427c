import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createOllamaFake, createOpenAIFake, type ProtocolFake } from '@llm-actions/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptedReplies } from '../src/script.js';

const execute = promisify(execFile);
const directory = fileURLToPath(new URL('..', import.meta.url));

async function agentReview(env: Record<string, string>): Promise<string> {
  const { stdout } = await execute(process.execPath, ['--import', 'tsx', '--conditions=@llm-actions/source', 'src/main.ts'], {
    cwd: directory,
    env: { ...process.env, OLLAMA_HOST: '', OPENAI_API_KEY: '', AGENT_REVIEW_MODEL: '', ...env },
    timeout: 60_000,
  });
  return stdout;
}

function expectTheWholeFlow(stdout: string): void {
  expect(stdout).toMatch(/1\. Start the agent[\s\S]*agent run agentrun_\w+: awaiting-approval\n {3}progress 3\/6 steps \(50%\)/);
  expect(stdout.match(/\[event\] agent:approval:requested/g)).toHaveLength(3);
  expect(stdout).toContain('fill_summary on post-2 · field "summary"\n     + A tide table gives the times and heights of high and low water for one place.');
  expect(stdout).toMatch(/3\. Resume[\s\S]*: succeeded\n {3}progress 7\/7 steps \(100%\)/);
  expect(stdout).toContain('answer: I filled the summaries of 3 posts.');
  expect(stdout).toMatch(/Posts after the agent\n {3}post-1 .*"Most coasts get two high tides a day because the moon pulls the oceans\."/);
  expect(stdout).toContain('2. execute fill_summary {"subjectId":"post-1","subjectType":"post"} · approved by editor@example.com · undoable');
  expect(stdout).toContain('undone 3 change(s), newest first: #4, #3, #2');
  expect(stdout).toMatch(/post-2 {2}Reading a tide table {3}\(no summary field\)\n[\s\S]*every field back to its previous value: yes/);
  expect(stdout).toContain('every decision matched: yes · recorded model responses used: 3 · model calls during replay: 0');
  expect(stdout).not.toContain('DIFFERS');
}

describe('examples/agent-review', () => {
  const fakes: ProtocolFake[] = [];
  afterEach(async () => {
    await Promise.all(fakes.splice(0).map((fake) => fake.close()));
  });

  it('runs the whole review flow on its own Ollama protocol fake, and says the replies are simulated', async () => {
    const stdout = await agentReview({});
    expect(stdout).toMatch(/Provider: Ollama protocol fake at http:\/\/127\.0\.0\.1:\d+ with scripted tool calls: the replies are SIMULATED\./);
    expectTheWholeFlow(stdout);
  });

  it('drives OpenAI through the tools API (an OpenAI protocol fake scripted with tool calls)', async () => {
    const openai = await createOpenAIFake();
    fakes.push(openai);
    openai.enqueue(...scriptedReplies);
    const stdout = await agentReview({ OPENAI_API_KEY: 'sk-test-agent-review', OPENAI_BASE_URL: openai.baseURL });
    expect(stdout).toContain('Provider: OpenAI (OPENAI_API_KEY is set), model gpt-4o-mini');
    expectTheWholeFlow(stdout);
    expect(stdout).not.toContain('sk-test-agent-review');
    const calls = openai.requests.filter((request) => request.path === '/v1/chat/completions').map((request) => request.body as Record<string, unknown>);
    expect(calls).toHaveLength(6);
    const tools = calls[0]!.tools as Array<{ type: string; function: { name: string; parameters: Record<string, unknown> } }>;
    expect(tools.map((tool) => tool.function.name)).toEqual(['list_posts_missing_summary', 'fill_summary']);
    expect(tools[1]!.function.parameters).toMatchObject({ type: 'object', properties: { subjectType: { enum: ['post'] } }, required: ['subjectType', 'subjectId'] });
    const last = calls.at(-1)!.messages as Array<{ role: string; tool_call_id?: string }>;
    expect(last.filter((message) => message.role === 'tool').map((message) => message.tool_call_id)).toEqual(['call_list', 'call_post-1', 'call_post-2', 'call_post-4']);
  });

  it('uses Ollama at OLLAMA_HOST when it is set', async () => {
    const ollama = await createOllamaFake();
    fakes.push(ollama);
    ollama.enqueue(...scriptedReplies);
    const stdout = await agentReview({ OLLAMA_HOST: ollama.baseURL });
    expect(stdout).toContain(`Provider: Ollama at ${ollama.baseURL}, model llama3.2:3b`);
    expect(stdout).not.toContain('SIMULATED');
    expectTheWholeFlow(stdout);
    expect(ollama.requests.filter((request) => request.path === '/api/chat')).toHaveLength(6);
  });
});
