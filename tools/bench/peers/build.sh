#!/usr/bin/env bash
# Builds the two peer harnesses of `npm run bench:peers` when missing or older than their sources
# (tools/bench/peers/README.md). Sequential on purpose: the machine has two cores.
#   OPA:    tools/bench/peers/opa (Go module, github.com/open-policy-agent/opa v1.22.4 from the Go
#           module proxy) -> tmp/bench-peers/peers-opa          (about a minute the first time)
#   Drools: tools/bench/peers/drools (Maven, Drools 10.2.0 from Maven Central, downloads in ~/.m2)
#           -> tools/bench/peers/drools/target/peers-drools.jar (offline after the first build)
# The JDK and Maven come from Debian's packages (installed here when missing); Go must be on PATH.
set -euo pipefail
cd "$(dirname "$0")/../../.."
PEERS=tools/bench/peers
OPA_BIN=tmp/bench-peers/peers-opa
DROOLS_JAR=$PEERS/drools/target/peers-drools.jar

# True when $1 is missing or a file under the other arguments is newer than it.
stale() {
  local out=$1; shift
  [ ! -e "$out" ] || [ -n "$(find "$@" -newer "$out" -type f -print -quit)" ]
}

if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  echo "bench:peers: installing Debian's default-jdk-headless and maven (the Drools harness)"
  SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends default-jdk-headless maven >/dev/null
fi
if ! command -v go >/dev/null 2>&1; then
  echo "bench:peers: Go is not on PATH (the OPA harness needs Go >= 1.26 to build OPA v1.22.4)" >&2
  exit 1
fi

if stale "$OPA_BIN" $PEERS/opa/main.go $PEERS/opa/go.mod $PEERS/opa/go.sum; then
  echo "bench:peers: building the OPA harness ($OPA_BIN)"
  mkdir -p "$(dirname "$OPA_BIN")"
  (cd $PEERS/opa && GOFLAGS=-mod=mod go build -o "$OLDPWD/$OPA_BIN" .)
fi

if stale "$DROOLS_JAR" $PEERS/drools/pom.xml $PEERS/drools/src; then
  echo "bench:peers: building the Drools harness ($DROOLS_JAR)"
  # Offline first (everything already in ~/.m2); online the first time.
  (cd $PEERS/drools && { mvn -B -q -Dstyle.color=never -o package 2>/dev/null || mvn -B -q -Dstyle.color=never package; })
fi
