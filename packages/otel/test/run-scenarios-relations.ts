import { AsyncLocalStorage } from 'node:async_hooks';
import { context, ROOT_CONTEXT, trace, type Context, type ContextManager } from '@opentelemetry/api';
import { idea, instrumented } from './instrumented-llm.js';
import type { Scenario } from './tracing.js';

/** What the Node SDK installs: the active context follows async calls. */
class AsyncLocalStorageContextManager implements ContextManager {
  readonly #storage = new AsyncLocalStorage<Context>();
  active(): Context {
    return this.#storage.getStore() ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(active: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    return this.#storage.run(active, () => fn.apply(thisArg, args));
  }
  bind<T>(_context: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.#storage.disable();
    return this;
  }
}

/** Runs related to other runs and to the bridge's lifetime: parents, uninstrumenting, applying. */
export const scenarios: Record<string, Scenario> = {
  async parentAndChild(tracing) {
    const { llm, uninstrument } = await instrumented(tracing, (_request, index) => (index === 0 ? { text: 'Parent.', delayMs: 100 } : 'Child.'));
    const parentStarted = new Promise<string>((resolve) => llm.events.on('run:start', (event) => resolve(event.runId)));
    const parent = llm.run('summarize', idea);
    const parentRunId = await parentStarted;
    const child = await llm.run('summarize', idea, { parentRunId });
    const orphan = await llm.run('summarize', idea, { parentRunId: 'run_not_traced' });
    await parent;
    uninstrument();
    return { parentRunId, childRunId: child.run.id, orphanRunId: orphan.run.id };
  },
  async uninstrumentMidRun(tracing) {
    const { llm, uninstrument } = await instrumented(tracing, [{ text: 'Slow.', delayMs: 100 }, 'Later.']);
    const requested = new Promise<void>((resolve) => llm.events.on('run:request', () => resolve()));
    const slow = llm.run('summarize', idea);
    await requested;
    uninstrument();
    uninstrument();
    const later = await llm.run('summarize', idea);
    return { slowRunId: (await slow).run.id, laterRunId: later.run.id };
  },
  async applyMode(tracing) {
    const { llm, uninstrument } = await instrumented(tracing, ['Applied.']);
    const { run, proposal } = await llm.run('summarize', idea, { mode: 'apply', user: 'editor@example.com' });
    uninstrument();
    return { runId: run.id, proposalId: proposal?.id, proposalStatus: proposal?.status };
  },
  async activeContext(tracing) {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager());
    try {
      const { llm, uninstrument } = await instrumented(tracing, ['Nested.']);
      const request = tracing.tracer.startSpan('GET /ideas/42');
      const { run } = await context.with(trace.setSpan(ROOT_CONTEXT, request), () => llm.run('summarize', idea));
      request.end();
      uninstrument();
      return { runId: run.id };
    } finally {
      context.disable();
    }
  },
};
