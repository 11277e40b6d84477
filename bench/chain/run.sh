#!/usr/bin/env bash
# Chain benchmark: receipts built / verified offline per second, and gas per anchoring
# transaction and per item at 1, 1k and 100k items, beside the Ethereum Attestation Service's
# timestamp/multiTimestamp (npm @ethereum-attestation-service/eas-contracts artifacts) for the
# same items on the same anvil node. Output: markdown on stdout (copied into docs/benchmarks/chain.md).
# Usage: bench/chain/run.sh [SIZES...]      (default 1 1000 100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
source .ci/setup.d/chain.sh >/dev/null
./mvnw -B -q -pl chain-client test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/chain-client/target/chain-bench.cp" >/dev/null
cp="chain-client/target/test-classes:chain-client/target/classes:$(cat chain-client/target/chain-bench.cp)"
work="$(mktemp -d /tmp/reeltrace-chain-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
echo "# reeltrace chain benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo
"$JAVA_HOME/bin/java" -Xmx2g -cp "$cp" org.reeltrace.chain.ChainBench "$work" \
    chain-client/src/main/solidity/node_modules/@ethereum-attestation-service/eas-contracts "$@"
