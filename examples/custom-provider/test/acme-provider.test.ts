import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderV1StreamPart } from '@llm-actions/core';
import { ProviderError } from '@llm-actions/core';
import type { ProtocolFake } from '@llm-actions/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAcme } from '../src/index.js';
import { createAcmeFake } from '../src/testing.js';

// Regressions beyond the conformance suite: in-stream faults, secrets, options, settings errors.
describe('createAcme', () => {
  let fake: ProtocolFake;
  const request = { model: 'acme-text-small', messages: [{ role: 'user' as const, content: 'Hi' }], settings: {} };
  const failureOf = async (promise: Promise<unknown>): Promise<ProviderError> => {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    if (!ProviderError.isInstance(error)) throw new Error(`expected a ProviderError, got ${String(error)}`);
    return error;
  };
  const partsOf = async (stream: AsyncIterable<ProviderV1StreamPart>, into: ProviderV1StreamPart[]) => {
    for await (const part of stream) into.push(part);
  };

  beforeAll(async () => void (fake = await createAcmeFake()));
  beforeEach(() => fake.reset());
  afterAll(() => fake.close());

  it('turns an error event in the stream into a ProviderError after the deltas before it', async () => {
    fake.enqueue({ chunks: ['one ', 'two'], streamErrorAfterChunks: { after: 1, message: 'model crashed' } });
    const parts: ProviderV1StreamPart[] = [];
    const { stream } = await createAcme({ baseURL: fake.baseURL, apiKey: 'k' }).doStream(request);
    const error = await failureOf(partsOf(stream, parts));
    expect(parts).toEqual([{ type: 'text-delta', delta: 'one ' }]);
    expect(error).toMatchObject({ kind: 'server', message: expect.stringContaining('model crashed') });
  });

  it('turns a line that is not JSON into a server error', async () => {
    fake.enqueue({ chunks: ['one ', 'two'], malformedAfterChunks: 1 });
    const { stream } = await createAcme({ baseURL: fake.baseURL, apiKey: 'k' }).doStream(request);
    expect(await failureOf(partsOf(stream, []))).toMatchObject({ kind: 'server', message: expect.stringContaining('not valid JSON') });
  });

  it('sends the key and headers, but keeps the key out of the raw request and the result', async () => {
    const acme = createAcme({ baseURL: fake.baseURL, apiKey: 'secret-key-1', headers: { 'x-team': 'docs' } });
    const result = await acme.doGenerate({ ...request, headers: { 'x-trace': 't1' } });
    expect(fake.requests[0]?.headers).toMatchObject({ authorization: 'Bearer secret-key-1', 'x-team': 'docs', 'x-trace': 't1' });
    expect(result.request?.headers).toEqual({ 'x-team': 'docs', 'x-trace': 't1' });
    expect(JSON.stringify(result)).not.toContain('secret-key-1');
  });

  it('fails with kind auth before any request when no key is configured', async () => {
    const saved = process.env.ACME_API_KEY;
    delete process.env.ACME_API_KEY;
    try {
      const error = await failureOf(createAcme({ baseURL: fake.baseURL }).doGenerate(request));
      expect(error).toMatchObject({ kind: 'auth', retryable: false, message: expect.stringContaining('ACME_API_KEY') });
      expect(fake.requests).toHaveLength(0);
    } finally {
      if (saved !== undefined) process.env.ACME_API_KEY = saved;
    }
  });

  it('reports a refused connection as a retryable network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failureOf(createAcme({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: 'k' }).doGenerate(request));
    expect(error).toMatchObject({ kind: 'network', retryable: true, message: expect.stringContaining('ECONNREFUSED') });
  });

  it('merges providerOptions.acme into the body, except the fields the request owns', async () => {
    const result = await createAcme({ baseURL: fake.baseURL, apiKey: 'k' }).doGenerate({
      ...request,
      providerOptions: { acme: { safety: 'strict', model: 'other' } },
    });
    expect(fake.requests[0]?.body).toMatchObject({ model: 'acme-text-small', safety: 'strict' });
    expect(result.warnings).toEqual([{ type: 'other', message: expect.stringContaining('providerOptions.acme.model') }]);
  });
});
