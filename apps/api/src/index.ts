/**
 * The API's entry points for running it in-process (the end-to-end tests): `createApp` builds the
 * configured application; `TokenService` signs and verifies bearer tokens as the API does; the
 * exposition readers check `/metrics` (and the Grafana dashboard's queries against it).
 * `main.ts` is the process entry point.
 */
export { createApp } from './app';
export { TokenService } from './services/auth/token.service';
export { exposedNames, parseSamples, promqlMetricNames, sampleSum, type Sample } from './services/metrics/exposition';
