import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createAnthropicFake, createOllamaFake, createOpenAIFake, type ProtocolFake } from '@llm-actions/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

const execute = promisify(execFile);
const directory = fileURLToPath(new URL('..', import.meta.url));
// Port 9 (discard) refuses connections: "no Ollama here".
const nothing = { OLLAMA_HOST: 'http://127.0.0.1:9', OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '' };

const scratch = mkdtempSync(join(tmpdir(), 'llm-actions-quickstart-'));
let databases = 0;

async function quickstart(env: Record<string, string>, database = join(scratch, `run-${databases++}.db`)): Promise<string> {
  const { stdout } = await execute(process.execPath, ['--import', 'tsx', '--conditions=@llm-actions/source', 'src/quickstart.ts'], {
    cwd: directory,
    env: { ...process.env, ...nothing, QUICKSTART_DB: database, ...env },
    timeout: 60_000,
  });
  return stdout;
}

function expectTheWholeFlow(stdout: string, model: string): void {
  expect(stdout).toContain('[user]\n   Write a two-sentence summary of the idea below for editors.\n   Title: Review queue for AI drafts');
  expect(stdout).toMatch(/-> succeeded in 1 attempt\(s\)/);
  expect(stdout).toMatch(/idea idea-42 · field "summary" · pending\n\+ .+/);
  for (const type of ['run:start', 'run:prompt', 'run:request', 'run:chunk', 'run:response', 'run:output', 'proposal:created', 'run:finish']) {
    expect(stdout).toContain(type);
  }
  expect(stdout).toContain(`model ${model}`);
  expect(stdout).toMatch(/run_\w+ {2}succeeded {2}generate-summary@1/);
}

describe('examples/quickstart', () => {
  const fakes: ProtocolFake[] = [];
  afterEach(async () => {
    await Promise.all(fakes.splice(0).map((fake) => fake.close()));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('keeps its history in a SQLite file: a second run shows the first', async () => {
    const database = join(scratch, 'history.db');
    const first = await quickstart({}, database);
    expect(first).toContain(`Store: SQLite file ${database}`);
    expect(first).toContain('Run the quickstart again: this run will show up here.');
    const firstRunId = /(run_\w+) {2}succeeded/.exec(first)![1]!;
    const second = await quickstart({}, database);
    const history = second.slice(second.indexOf('5. Run history'));
    expect(history.match(/run_\w+ {2}succeeded {2}generate-summary@1/g)).toHaveLength(2);
    expect(history).toContain(firstRunId);
    expect(history.indexOf(firstRunId)).toBeGreaterThan(history.indexOf('generate-summary@1'));
  });

  it('starts the Ollama protocol fake and says the replies are simulated when no model is reachable', async () => {
    const stdout = await quickstart({});
    expect(stdout).toMatch(/Provider: Ollama protocol fake at http:\/\/127\.0\.0\.1:\d+: the replies are SIMULATED\./);
    expectTheWholeFlow(stdout, 'ollama/llama3.2:3b');
  });

  it('uses Ollama at OLLAMA_HOST when it answers', async () => {
    const ollama = await createOllamaFake();
    fakes.push(ollama);
    ollama.setModels(['qwen2.5:0.5b']);
    ollama.setDefaultReply({ chunks: ['Served ', 'by ', 'Ollama.'] });
    const stdout = await quickstart({ OLLAMA_HOST: ollama.baseURL });
    expect(stdout).toContain(`Provider: Ollama at ${ollama.baseURL}, model qwen2.5:0.5b`);
    expect(stdout).not.toContain('SIMULATED');
    expect(stdout).toContain('Served by Ollama.');
    expectTheWholeFlow(stdout, 'ollama/qwen2.5:0.5b');
    expect(ollama.requests.some((request) => request.path === '/api/chat')).toBe(true);
  });

  it('uses OpenAI when OPENAI_API_KEY is set', async () => {
    const openai = await createOpenAIFake();
    fakes.push(openai);
    openai.setDefaultReply({ chunks: ['Served ', 'by ', 'OpenAI.'] });
    const stdout = await quickstart({ OPENAI_API_KEY: 'sk-test-quickstart', OPENAI_BASE_URL: openai.baseURL });
    expect(stdout).toContain('Provider: OpenAI (OPENAI_API_KEY is set), model gpt-4o-mini');
    expect(stdout).toContain('Served by OpenAI.');
    expectTheWholeFlow(stdout, 'openai/gpt-4o-mini');
    expect(stdout).not.toContain('sk-test-quickstart');
  });

  it('uses Anthropic when ANTHROPIC_API_KEY is set', async () => {
    const anthropic = await createAnthropicFake();
    fakes.push(anthropic);
    anthropic.setDefaultReply({ chunks: ['Served ', 'by ', 'Anthropic.'] });
    const stdout = await quickstart({ ANTHROPIC_API_KEY: 'sk-ant-test-quickstart', ANTHROPIC_BASE_URL: anthropic.baseURL });
    expect(stdout).toContain('Provider: Anthropic (ANTHROPIC_API_KEY is set), model claude-haiku-4-5');
    expect(stdout).toContain('Served by Anthropic.');
    expectTheWholeFlow(stdout, 'anthropic/claude-haiku-4-5');
  });
});
