import { sleep } from '../runtime/abort.js';

/** Limits for one model (or every model of a provider with `provider/*`). */
export interface RateLimit {
  /** Requests started per minute. */
  requestsPerMinute?: number;
  /** Tokens (estimated input + requested output) per minute. */
  tokensPerMinute?: number;
}

/** A token bucket that may go into debt, so one large request can still pass when the bucket is full. */
class Bucket {
  #level: number;
  #last: number;
  constructor(
    private readonly perMinute: number,
    private readonly capacity: number,
    now: number,
  ) {
    this.#level = capacity;
    this.#last = now;
  }

  /** Milliseconds until `amount` may be taken at `rate` (a share of the configured rate). */
  waitFor(amount: number, rate: number, now: number): number {
    this.#refill(rate, now);
    const needed = Math.min(amount, this.capacity);
    return this.#level >= needed ? 0 : Math.ceil(((needed - this.#level) * 60_000) / (this.perMinute * rate));
  }

  take(amount: number, rate: number, now: number): void {
    this.#refill(rate, now);
    this.#level -= amount;
  }

  #refill(rate: number, now: number): void {
    this.#level = Math.min(this.capacity, this.#level + ((now - this.#last) * this.perMinute * rate) / 60_000);
    this.#last = now;
  }
}

interface ModelState {
  requests?: Bucket;
  tokens?: Bucket;
  /** Share of the configured rate in use: halved on 429, regained step by step on success. */
  rate: number;
  queue: Promise<void>;
}

/** What the runner needs of a rate limiter. */
export interface Limiter {
  acquire(model: string, tokens: number, signal?: AbortSignal, onWait?: (waitMs: number) => void): Promise<void>;
  rateLimited(model: string): void;
  succeeded(model: string): void;
  currentRate(model: string): number;
}

/** Applies several limiters in turn (an instance's and a batch's). */
export function combineLimiters(...limiters: Array<Limiter | undefined>): Limiter {
  const present = limiters.filter((limiter): limiter is Limiter => limiter !== undefined);
  return {
    async acquire(model, tokens, signal, onWait) {
      for (const limiter of present) await limiter.acquire(model, tokens, signal, onWait);
    },
    rateLimited: (model) => present.forEach((limiter) => limiter.rateLimited(model)),
    succeeded: (model) => present.forEach((limiter) => limiter.succeeded(model)),
    currentRate: (model) => Math.min(1, ...present.map((limiter) => limiter.currentRate(model))),
  };
}

/**
 * Token-bucket rate limits per provider/model, shared by every run of an instance.
 * Waiters are served in order. On a 429 the model's rate is halved (down to 1/16);
 * each success afterwards regains 1/16 of it, so the limiter speeds up again.
 */
export class RateLimiter implements Limiter {
  readonly #states = new Map<string, ModelState>();

  constructor(
    private readonly limits: Record<string, RateLimit>,
    private readonly clock: () => number = Date.now,
  ) {}

  #limitOf(model: string): RateLimit | undefined {
    return this.limits[model] ?? this.limits[`${model.slice(0, model.indexOf('/'))}/*`];
  }

  #state(model: string): ModelState | undefined {
    let state = this.#states.get(model);
    if (state) return state;
    const limit = this.#limitOf(model);
    if (!limit) return undefined;
    const now = this.clock();
    const burst = (perMinute: number) => Math.max(1, perMinute / 60);
    state = {
      ...(limit.requestsPerMinute ? { requests: new Bucket(limit.requestsPerMinute, burst(limit.requestsPerMinute), now) } : {}),
      ...(limit.tokensPerMinute ? { tokens: new Bucket(limit.tokensPerMinute, burst(limit.tokensPerMinute), now) } : {}),
      rate: 1,
      queue: Promise.resolve(),
    };
    this.#states.set(model, state);
    return state;
  }

  /**
   * Waits until a request of `tokens` may start for `model`. `onWait` is told how long
   * before waiting. Rejects with the signal's reason when aborted while waiting.
   */
  acquire(model: string, tokens: number, signal?: AbortSignal, onWait?: (waitMs: number) => void): Promise<void> {
    const state = this.#state(model);
    if (!state) return Promise.resolve();
    const turn = state.queue.then(async () => {
      for (;;) {
        const now = this.clock();
        const wait = Math.max(state.requests?.waitFor(1, state.rate, now) ?? 0, state.tokens?.waitFor(tokens, state.rate, now) ?? 0);
        if (wait === 0) break;
        onWait?.(wait);
        await sleep(wait, signal);
      }
      const now = this.clock();
      state.requests?.take(1, state.rate, now);
      state.tokens?.take(tokens, state.rate, now);
    });
    state.queue = turn.catch(() => undefined);
    return turn;
  }

  /** A 429 from `model`: slow down. */
  rateLimited(model: string): void {
    const state = this.#state(model);
    if (state) state.rate = Math.max(1 / 16, state.rate / 2);
  }

  /** A success from `model`: speed up again, up to the configured rate. */
  succeeded(model: string): void {
    const state = this.#state(model);
    if (state && state.rate < 1) state.rate = Math.min(1, state.rate + 1 / 16);
  }

  /** The current share of the configured rate for `model` (1 when not slowed down). */
  currentRate(model: string): number {
    return this.#states.get(model)?.rate ?? 1;
  }
}
