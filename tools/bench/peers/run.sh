#!/usr/bin/env bash
# `npm run bench:peers`: builds the OPA and Drools harnesses when needed (build.sh), then runs the
# orchestrator (peers.ts) with the runner the repository's other benches use (@swc-node/register
# with the tsconfig paths). Arguments and the environment (BENCH_SECONDS, PEERS_SIZES, ...) pass through.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bash tools/bench/peers/build.sh
SWC_NODE_PROJECT="$PWD/tsconfig.json" exec node -r @swc-node/register tools/bench/peers/peers.ts "$@"
