import type { StoreV1 } from '@llm-actions/core';

/** What each part of the store conformance suite gets from the runner. */
export interface StoreConformanceContext {
  /** The empty store of the current test, created before each test. */
  readonly store: StoreV1;
  /**
   * Another instance on the same data as {@link store} (through the `reopen` option),
   * torn down after the test. Fails with an explanation when `reopen` was not given.
   */
  reopen(): Promise<StoreV1>;
}
