#!/usr/bin/env bash
# Cost of the JIT warm-up on drm seal's crypto path: a fresh JVM SHA-256s and AES-256-GCMs SIZE_MIB
# in 64 KiB calls (CryptoPathRate.java), with the JDK defaults and with the compile thresholds the
# ./reeltrace launcher scales down (same class list as there). Prints wall, in-JVM, user and sys seconds.
# usage: bench/drm/jit-bench.sh [SIZE_MIB] [REPEATS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mib="${1:-1024}"
repeats="${2:-3}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
"$(dirname "$java")/javac" -d "$classes" "$root/bench/drm/CryptoPathRate.java"

launcher=(-XX:CompileCommand=quiet)
for cls in com.sun.crypto.provider.GaloisCounterMode'*' com.sun.crypto.provider.GHASH com.sun.crypto.provider.GCTR \
           com.sun.crypto.provider.CounterMode com.sun.crypto.provider.AESCrypt sun.security.provider.DigestBase \
           sun.security.provider.SHA2'*'; do
    launcher+=(-XX:CompileCommand=CompileThresholdScaling,"$cls"::*,0.01)
done

echo "$mib MiB; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| JIT thresholds | wall s | in JVM s | user s | sys s |"
echo "|---|---|---|---|---|"
for run in $(seq "$repeats"); do
    for variant in default launcher; do
        flags=()
        [ "$variant" = launcher ] && flags=("${launcher[@]}")
        t="$( { /usr/bin/time -f "%e %U %S" "$java" "${flags[@]}" -cp "$classes" CryptoPathRate "$mib" > "$classes/out"; } 2>&1 | tail -1)"
        read -r wall user sys <<< "$t"
        echo "| $variant #$run | $wall | $(cat "$classes/out") | $user | $sys |"
    done
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
