import type { ProviderV1 } from '@llm-actions/core';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { ProtocolFake } from '../fakes/protocol-fake.js';
import { createConformanceRegistry, type ConformanceState } from './conformance-context.js';
import { conformanceWires, type ConformanceWire } from './conformance-wire.js';
import { registerCoreCases } from './core-cases.js';
import { registerGenerationCases } from './generation-cases.js';
import { registerProviderErrorCases } from './provider-error-cases.js';

/** Options of {@link runProviderConformance}. */
export interface ProviderConformanceOptions {
  /** Name shown in the suite title and in skip notices, e.g. `provider-ollama`. */
  name: string;
  /** Builds the provider under test, pointed at the fake's base URL. Client retries must be off. */
  createProvider: (baseURL: string) => ProviderV1;
  /** Starts the protocol fake the provider talks to (`createOllamaFake`, ...). */
  createFake: () => Promise<ProtocolFake>;
  /** The model id to request (without provider prefix); default: the wire's default model. */
  model?: string;
  /**
   * Cases to skip, each group with the reason. Names are case ids (the part of a test
   * name before the colon, e.g. `stream-abort`). Skips are printed; an unknown id fails the suite.
   */
  skip?: Array<{ tests: string[]; reason: string }>;
  /**
   * How the API lays out requests. Default: the built-in wire for `fake.api`
   * (`ollama`, `openai`, `anthropic`); required for other APIs.
   */
  wire?: ConformanceWire;
}

/**
 * Registers the provider contract v1 conformance suite with vitest: text, system
 * prompt, settings in the API's own fields, streaming, JSON schema output, a tool
 * round trip, usage and finish reasons, warnings, error kinds, abort and, through
 * core, retries, Retry-After, timeouts and cancellation. Every case runs against the
 * protocol fake over HTTP with the provider's real client library.
 *
 * @example
 * ```ts
 * import { createOllamaFake, runProviderConformance } from '@llm-actions/testing';
 * import { createOllama } from '@llm-actions/provider-ollama';
 *
 * runProviderConformance({
 *   name: 'provider-ollama',
 *   createProvider: (baseURL) => createOllama({ baseURL }),
 *   createFake: createOllamaFake,
 * });
 * ```
 */
export function runProviderConformance(options: ProviderConformanceOptions): void {
  const skips = new Map<string, string>();
  for (const group of options.skip ?? []) {
    for (const id of group.tests) skips.set(id, group.reason);
  }
  let state: ConformanceState | undefined;
  const current = (): ConformanceState => {
    if (!state) throw new Error('[llm-actions/testing] runProviderConformance: the fake did not start; see the beforeAll error.');
    return state;
  };

  describe(`provider conformance: ${options.name}`, () => {
    beforeAll(async () => {
      const fake = await options.createFake();
      const wire = options.wire ?? conformanceWires[fake.api];
      if (!wire) {
        await fake.close();
        throw new Error(`[llm-actions/testing] runProviderConformance: no built-in wire for the "${fake.api}" API; pass options.wire.`);
      }
      state = { fake, wire, provider: options.createProvider(fake.baseURL), model: options.model ?? wire.defaultModel };
    });
    beforeEach(() => current().fake.reset());
    afterAll(async () => {
      await state?.fake.close();
      state = undefined;
    });

    const registry = createConformanceRegistry(options.name, current, skips);
    // Registered directly (no nested describe, which vitest collects later) so the ids are known below.
    registerGenerationCases(registry);
    registerProviderErrorCases(registry);
    registerCoreCases(registry);

    checkSkippedIds([...skips.keys()], registry.ids);
  });
}

/** Fails for skip entries that name no case, so that a typo never leaves a case running unnoticed. */
export function checkSkippedIds(skipped: string[], known: string[]): void {
  const unknown = skipped.filter((id) => !known.includes(id));
  if (unknown.length === 0) return;
  throw new Error(
    `[llm-actions/testing] runProviderConformance: skip names unknown case(s) ${unknown.map((id) => `"${id}"`).join(', ')}; known: ${known.join(', ')}.`,
  );
}
