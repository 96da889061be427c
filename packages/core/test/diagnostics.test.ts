import { describe, expect, it } from 'vitest';
import { REDACTED, redact } from '../src/index.js';
import { failure, idea, setup, summarize } from './helpers.js';

describe('diagnostics', () => {
  it('never stores API keys or authorization headers from the raw exchange', async () => {
    const { llm, provider } = await setup();
    const generate = provider.doGenerate.bind(provider);
    provider.doGenerate = async (request) => ({
      ...(await generate(request)),
      request: {
        url: 'https://api.example.test/v1/chat',
        headers: { Authorization: 'Bearer sk-live-0123456789abcdefghij', 'x-api-key': 'sk-ant-abcdefghijklmnop', accept: 'application/json' },
        body: { note: 'key sk-proj-ABCDEFGHIJKLMNOP1234 in text' },
      },
    });
    const result = await llm.run(summarize, idea);
    const stored = JSON.stringify(await llm.runs.get(result.run.id));
    expect(stored).not.toContain('sk-live');
    expect(stored).not.toContain('sk-ant-abc');
    expect(stored).not.toContain('sk-proj');
    const response = result.run.events.find((event) => event.type === 'run:response')!.data as { request: { headers: Record<string, string>; body: { note: string } } };
    expect(response.request.headers).toEqual({ Authorization: REDACTED, 'x-api-key': REDACTED, accept: 'application/json' });
    expect(response.request.body.note).toBe(`key ${REDACTED} in text`);
  });

  it('redacts secrets from stored errors and host-configured patterns', async () => {
    const { llm, store } = await setup(
      { responses: [{ error: { status: 401, message: 'Invalid key sk-abcdefghijklmnopqrstuv for customer ACME-4242' } }] },
      { redact: { patterns: [/ACME-\d+/] } },
    );
    const error = await failure(llm.run(summarize, idea));
    const run = await store.runs.get(error.details.runId as string);
    expect(run!.error!.message).toBe(`Invalid key ${REDACTED} for customer ${REDACTED}`);
    expect(JSON.stringify(run)).not.toMatch(/sk-abcdef|ACME-4242/);
  });

  it('truncates large payloads with a marker and bounds the stored size', async () => {
    const long = 'x'.repeat(50_000);
    const { llm } = await setup({ responses: [long] }, { diagnostics: { maxStringLength: 1_000 } });
    const result = await llm.run(summarize, idea);
    const response = result.run.events.find((event) => event.type === 'run:response')!;
    expect(response.data.text).toBe(`${'x'.repeat(1_000)}…[truncated 49000 chars]`);
    expect(result.output).toBe(long);
  });

  it('drops event data past the diagnostics budget but always keeps the end of the timeline', async () => {
    const chunks = Array.from({ length: 400 }, (_, index) => `chunk-${index} `);
    const { llm } = await setup({ responses: [{ chunks }] }, { diagnostics: { maxBytes: 2_000 } });
    const result = await llm.run(summarize, idea, { stream: true });
    const truncated = result.run.events.filter((event) => event.data.truncated === true);
    expect(truncated.length).toBeGreaterThan(0);
    expect(result.run.events.at(-1)!.type).toBe('run:finish');
    expect(result.run.events.at(-1)!.data.status).toBe('succeeded');
  });

  it('redact() copies without mutating, handles cycles, and cuts long arrays', () => {
    const input: Record<string, unknown> = { headers: { authorization: 'Basic abc' }, list: Array.from({ length: 5 }, (_, index) => index) };
    input.self = input;
    const output = redact(input, { maxArrayLength: 3 }) as Record<string, unknown>;
    expect(output).toEqual({ headers: { authorization: REDACTED }, list: [0, 1, 2, '…[truncated 2 items]'], self: '[Circular]' });
    expect((input.headers as Record<string, string>).authorization).toBe('Basic abc');
  });
});
