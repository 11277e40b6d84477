#!/usr/bin/env bash
# Catalog size and `match` latency as the catalog grows: synthetic one-hour works with temporally
# correlated frame hashes (see fingerprint/src/test/java/org/reeltrace/fingerprint/CatalogScaleBench.java),
# then the real `reeltrace fingerprint match` CLI on the largest catalog (fresh JVM each run).
#   bench/fingerprint/catalog-scale.sh [HOURS...]     (default: 100 1000; needs ~5 GB per 1,000 h)
#   REUSE=1 bench/fingerprint/catalog-scale.sh ...      times catalogs already in bench/out/fingerprint again
# The CLI runs go through the ./reeltrace launcher (class-data archive, SQLite library beside the jar).
# Build first: ./mvnw -q -pl cli -am package -DskipTests && ./mvnw -q -pl fingerprint test-compile
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
OUT=bench/out/fingerprint
mkdir -p "$OUT"
[ $# -gt 0 ] || set -- 100 1000
[ -f cli/target/reeltrace.jar ] && [ -d fingerprint/target/test-classes ] \
    || { echo "build first: ./mvnw -q -pl cli -am package -DskipTests && ./mvnw -q -pl fingerprint test-compile" >&2; exit 1; }
echo "load before: $(uptime)"
"$JAVA" --enable-native-access=ALL-UNNAMED -Xmx4g -Dreuse="${REUSE:+true}" -cp fingerprint/target/test-classes:cli/target/reeltrace.jar \
    org.reeltrace.fingerprint.CatalogScaleBench "$OUT" "$@"
largest="${!#}"
echo
echo "CLI through the launcher, fresh JVM per run (\`./reeltrace -q fingerprint match --catalog scale-${largest}h.db QUERY\`), wall and CPU seconds:"
./reeltrace --version >/dev/null # first run after a build: writes the class-data archive
for i in 1 2 3; do
    /usr/bin/time -f "reeltrace --version %e s wall, %U+%S s CPU (load $(cut -d' ' -f1 /proc/loadavg))" ./reeltrace --version >/dev/null
done
for q in "query-true-${largest}h" query-unrelated; do
    for i in 1 2 3 4 5; do
        /usr/bin/time -f "$q %e s wall, %U+%S s CPU (load $(cut -d' ' -f1 /proc/loadavg))" ./reeltrace -q \
            fingerprint match --catalog "$OUT/scale-${largest}h.db" "$OUT/$q.rtfp" >"$OUT/match.txt" 2>"$OUT/time.txt" || true
        tail -1 "$OUT/time.txt"
    done
    head -2 "$OUT/match.txt"
done
echo "load after: $(uptime)"
