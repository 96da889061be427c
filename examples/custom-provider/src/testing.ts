/**
 * @module @llm-actions/example-custom-provider/testing
 * Test helpers for the Acme provider: a protocol fake of the Acme Text API and the
 * conformance wire that tells `runProviderConformance` how Acme lays out requests.
 */
export { acmeFakeDefaultModels, createAcmeFake } from './acme-fake.js';
export { acmeConformanceWire } from './acme-conformance-wire.js';
