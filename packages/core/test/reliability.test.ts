import { describe, expect, it } from 'vitest';
import { ProviderError } from '../src/index.js';
import { failure, idea, setup, summarize } from './helpers.js';

describe('retries, timeouts and cancellation', () => {
  it('honours retry-after-ms on 429 and shows each retry as an event', async () => {
    const { llm, provider } = await setup({ responses: [{ error: { status: 429, headers: { 'retry-after-ms': '120' } } }, 'Recovered.'] });
    const retries: number[] = [];
    llm.events.on('run:retry', (event) => void retries.push(event.data.delayMs));
    const started = performance.now();
    const result = await llm.run(summarize, idea);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    expect(retries).toEqual([120]);
    expect(result.run.attempts).toBe(2);
    expect(provider.requests).toHaveLength(2);
    expect(result.run.events.filter((event) => event.type === 'run:retry')[0]!.data).toMatchObject({ attempt: 1, delayMs: 120, retryAfterMs: 120 });
  });

  it('caps a long Retry-After at maxRetryAfterMs', async () => {
    const { llm } = await setup({ responses: [{ error: { status: 503, headers: { 'retry-after': '3600' } } }, 'ok'] }, { retry: { maxRetryAfterMs: 30 } });
    const delays: number[] = [];
    llm.events.on('run:retry', (event) => void delays.push(event.data.delayMs));
    await llm.run(summarize, idea);
    expect(delays).toEqual([30]);
  });

  it.each([408, 409, 500, 502, 503, 529])('retries status %i with backoff', async (status) => {
    const { llm, provider } = await setup({ responses: [{ error: { status } }, { error: { status } }, 'third time'] });
    const result = await llm.run(summarize, idea);
    expect(result.output).toBe('third time');
    expect(provider.requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404])('does not retry status %i and stores the failed run', async (status) => {
    const { llm, provider, store } = await setup({ responses: [{ error: { status, message: `status ${status}` } }] });
    const error = await failure(llm.run(summarize, idea));
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(ProviderError.isInstance(error.cause) && error.cause.status).toBe(status);
    expect(provider.requests).toHaveLength(1);
    const run = await store.runs.get(error.details.runId as string);
    expect(run).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'PROVIDER_ERROR', message: `status ${status}` } });
    expect(run!.events.map((event) => event.type).slice(-2)).toEqual(['run:error', 'run:finish']);
  });

  it('gives up after maxRetries and keeps every attempt in the diagnostics', async () => {
    const { llm, provider } = await setup({ fallback: { error: { status: 500 } } });
    const error = await failure(llm.run(summarize, idea));
    expect(provider.requests).toHaveLength(3);
    expect(error.details.attempts).toBe(3);
    const run = await llm.runs.get(error.details.runId as string);
    expect(run!.events.filter((event) => event.type === 'run:request')).toHaveLength(3);
    expect(run!.events.filter((event) => event.type === 'run:retry')).toHaveLength(2);
  });

  it('never retries once a stream has emitted output', async () => {
    const { llm, provider } = await setup({ responses: [{ chunks: ['Half ', 'a reply'], failAfterChunks: 1 }, 'unused'] });
    const error = await failure(llm.run(summarize, idea, { stream: true }));
    expect(provider.requests).toHaveLength(1);
    expect(error.message).toContain('not retried');
  });

  it('times out a slow attempt, aborts its request and retries', async () => {
    const signals: AbortSignal[] = [];
    const { llm, provider } = await setup({ responses: [{ text: 'late', delayMs: 1_000 }, 'in time'] }, { timeouts: { attemptMs: 60 } });
    const generate = provider.doGenerate.bind(provider);
    provider.doGenerate = (request) => {
      signals.push(request.signal!);
      return generate(request);
    };
    const retries: string[] = [];
    llm.events.on('run:retry', (event) => void retries.push(event.data.error.code));
    const result = await llm.run(summarize, idea);
    expect(result.output).toBe('in time');
    expect(retries).toEqual(['TIMEOUT']);
    expect(signals[0]!.aborted).toBe(true);
  });

  it('fails with TIMEOUT when the whole run exceeds runMs', async () => {
    const { llm } = await setup({ fallback: { text: 'late', delayMs: 1_000 } }, { timeouts: { runMs: 80 } });
    const started = performance.now();
    const error = await failure(llm.run(summarize, idea));
    expect(error.code).toBe('TIMEOUT');
    expect(performance.now() - started).toBeLessThan(500);
    expect((await llm.runs.get(error.details.runId as string))!.status).toBe('failed');
  });

  it('cancels through the AbortSignal within 100 ms and aborts the request', async () => {
    const signals: AbortSignal[] = [];
    const { llm, provider } = await setup({ fallback: { text: 'never', delayMs: 5_000 } });
    const generate = provider.doGenerate.bind(provider);
    provider.doGenerate = (request) => {
      signals.push(request.signal!);
      return generate(request);
    };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    const error = await failure(llm.run(summarize, idea, { signal: controller.signal }));
    expect(performance.now() - started).toBeLessThan(130);
    expect(error.code).toBe('CANCELLED');
    expect(signals[0]!.aborted).toBe(true);
    expect(provider.requests).toHaveLength(1);
    expect((await llm.runs.get(error.details.runId as string))!.status).toBe('cancelled');
  });

  it('a throwing listener never breaks a run, and is reported', async () => {
    const { llm } = await setup();
    const reported: string[] = [];
    llm.events.on('run:start', () => {
      throw new Error('listener bug');
    });
    llm.events.on('run:finish', async () => Promise.reject(new Error('async listener bug')));
    llm.events.on('listener:error', (event) => void reported.push(`${event.data.eventType}: ${event.data.error.message}`));
    const result = await llm.run(summarize, idea);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(result.run.status).toBe('succeeded');
    expect(reported).toEqual(['run:start: listener bug', 'run:finish: async listener bug']);
  });

  it('marks runs left running by a stopped process as interrupted, keeping their events', async () => {
    let now = Date.parse('2026-01-01T00:00:00.000Z');
    const { llm, store } = await setup({}, { clock: () => now });
    const result = await llm.run(summarize, idea);
    const { output: _output, proposalId: _proposalId, ...started } = result.run;
    await store.runs.create({ ...started, id: 'crashed', status: 'running' });
    now += 60 * 60_000;
    expect(await llm.recoverStaleRuns({ olderThanMs: 10 * 60_000 })).toEqual(['crashed']);
    const crashed = await store.runs.get('crashed');
    expect(crashed!.status).toBe('interrupted');
    expect(crashed!.error!.code).toBe('INTERRUPTED');
    expect(crashed!.events.length).toBe(result.run.events.length + 1);
    expect(await llm.recoverStaleRuns()).toEqual([]);
  });
});
