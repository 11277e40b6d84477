#!/usr/bin/env bash
# Catalog size and `match` latency as the catalog grows (synthetic one-hour works; see CatalogScale.java).
#   bench/fingerprint/catalog-scale.sh [HOURS...]     (default: 1 10 30 100)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
mkdir -p bench/out/fingerprint
[ $# -gt 0 ] || set -- 1 10 30 100
"$JAVA" --enable-native-access=ALL-UNNAMED -Xmx2g -cp cli/target/reeltrace.jar bench/fingerprint/CatalogScale.java \
    bench/out/fingerprint/scale.db "$@"
