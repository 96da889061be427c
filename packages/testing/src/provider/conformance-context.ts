import type { ProviderV1, ProviderV1Request, ProviderV1StreamPart } from '@llm-actions/core';
import { ProviderError } from '@llm-actions/core';
import { it, type TestContext } from 'vitest';
import type { ProtocolFake, RecordedRequest } from '../fakes/protocol-fake.js';
import type { ConformanceWire } from './conformance-wire.js';

/** What every case works with, ready once the suite's `beforeAll` ran. */
export interface ConformanceState {
  fake: ProtocolFake;
  provider: ProviderV1;
  wire: ConformanceWire;
  model: string;
}

/** Per-case helpers: the state, plus a way to skip with a printed reason. */
export interface ConformanceCaseContext extends ConformanceState {
  /** Skips the running case; the reason is printed and shown by the reporter. */
  skip(reason: string): never;
  /** Requests of model calls only (no list or show requests), in order. */
  modelCalls(): RecordedRequest[];
  /** A minimal request for the model: one user message, no settings. */
  request(overrides?: Partial<ProviderV1Request>): ProviderV1Request;
}

/** Registers cases, applying declared skips and remembering ids for validation. */
export interface ConformanceRegistry {
  /** Declares one case; its test name starts with its stable id. */
  test(id: string, title: string, body: (context: ConformanceCaseContext) => Promise<void>, timeoutMs?: number): void;
}

/** Creates the registry of one suite run. */
export function createConformanceRegistry(
  suiteName: string,
  state: () => ConformanceState,
  skips: Map<string, string>,
): ConformanceRegistry & { ids: string[] } {
  const ids: string[] = [];
  return {
    ids,
    test(id, title, body, timeoutMs) {
      ids.push(id);
      const name = `${id}: ${title}`;
      const declared = skips.get(id);
      if (declared !== undefined) {
        console.info(`[llm-actions/testing] ${suiteName} conformance: skipped "${id}" (${declared})`);
        it.skip(`${name} [skipped: ${declared}]`, () => undefined);
        return;
      }
      it(name, async (testContext: TestContext) => body(caseContext(suiteName, id, state(), testContext)), timeoutMs);
    },
  };
}

function caseContext(suiteName: string, id: string, state: ConformanceState, testContext: TestContext): ConformanceCaseContext {
  return {
    ...state,
    skip(reason) {
      console.info(`[llm-actions/testing] ${suiteName} conformance: skipped "${id}" (${reason})`);
      return testContext.skip(reason);
    },
    modelCalls: () => state.fake.requests.filter((request) => request.method === 'POST' && request.path === state.wire.modelCallPath),
    request: (overrides = {}) => ({
      model: state.model,
      messages: [{ role: 'user', content: 'Say hello.' }],
      settings: {},
      ...overrides,
    }),
  };
}

/** All parts of a stream, in order. */
export async function collectParts(stream: AsyncIterable<ProviderV1StreamPart>, into: ProviderV1StreamPart[] = []): Promise<ProviderV1StreamPart[]> {
  for await (const part of stream) into.push(part);
  return into;
}

/** The error a promise rejects with (fails when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail, but it succeeded');
    },
    (error: unknown) => error,
  );
}

/** The ProviderError a promise rejects with (fails for anything else). */
export async function providerErrorOf(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await rejectionOf(promise);
  if (!ProviderError.isInstance(error)) throw new Error(`expected a ProviderError, got: ${String(error)}`, { cause: error });
  return error;
}

/** Polls until `check` holds, failing after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The value at a dotted path of a JSON body. */
export function valueAt(body: unknown, path: string): unknown {
  let current = body;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** True when `needle` occurs (deeply equal, key order aside) anywhere inside `haystack`. */
export function containsDeep(haystack: unknown, needle: unknown): boolean {
  const wanted = canonical(needle);
  const search = (value: unknown): boolean =>
    canonical(value) === wanted || (typeof value === 'object' && value !== null && Object.values(value).some(search));
  return search(haystack);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([left], [right]) => left.localeCompare(right)))
      : inner,
  );
}
