import { runProviderConformance } from '@llm-actions/testing';
import { createAcme } from '../src/index.js';
import { acmeConformanceWire, createAcmeFake } from '../src/testing.js';

// The shared provider contract v1 suite, against the Acme fake over HTTP. Acme is not one
// of the suite's built-in APIs, so the wire (where each field lands in a request) is passed.
runProviderConformance({
  name: 'example-custom-provider (acme)',
  createProvider: (baseURL) => createAcme({ baseURL, apiKey: 'test-key' }),
  createFake: createAcmeFake,
  wire: acmeConformanceWire,
});
