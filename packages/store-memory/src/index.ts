/**
 * @module @llm-actions/store-memory
 * An in-memory implementation of the store contract v1, for tests, scripts and prototypes.
 */
export { createMemoryStore, type MemoryStoreOptions } from './memory-store.js';
