#!/usr/bin/env bash
# Sealed-envelope throughput on one 1 GiB random file, in one run: reeltrace drm seal/open versus
# age (X25519 + ChaCha20-Poly1305 STREAM) and openssl enc -aes-256-ctr (unauthenticated floor),
# plus a plain copy (I/O floor). Prints a markdown table: wall, user, sys seconds, max RSS.
# reeltrace runs through its launcher (./reeltrace), as a user runs it: JVM start-up included.
# usage: bench/drm/seal-bench.sh [DIR] [SIZE_MIB]   (DIR defaults to bench/out/drm; use /dev/shm to leave the disk out)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${1:-$root/bench/out/drm}"
mib="${2:-1024}"
# shellcheck source=common.sh
source "$root/bench/drm/common.sh"
rt() { "$root/reeltrace" -q "$@"; }
command -v age >/dev/null || { echo "age is missing: apt-get install -y age" >&2; exit 5; }

[ -f "plain-$mib.bin" ] || head -c "$((mib * 1024 * 1024))" /dev/urandom > "plain-$mib.bin"
rm -f issuer.key recipient.key age.key
rt keys generate --type issuer -o issuer.key >/dev/null
pub="$(rt keys generate --type recipient -o recipient.key)"
age-keygen -o age.key 2>/dev/null
agepub="$(age-keygen -y age.key)"
key="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"

echo "file: $mib MiB in $dir; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| step | wall s | user s | sys s | max RSS KB |"
echo "|---|---|---|---|---|"
# Each output is deleted as soon as nothing needs it: on the benchmark VM, writing into tmpfs while
# several GiB of earlier outputs sat there cost every tool 3-6 s of sys time instead of 0.5-0.9
# (cp alone 3.7 s), so whichever step ran last in a round was charged for the ones before it.
for run in 1 2 3; do
    rm -f out.*
    measure "cp (I/O floor) #$run" cp "plain-$mib.bin" out.copy
    rm -f out.copy
    measure "openssl enc -aes-256-ctr #$run" openssl enc -aes-256-ctr -K "$key" -iv 00000000000000000000000000000000 -in "plain-$mib.bin" -out out.ossl
    rm -f out.ossl
    measure "age -r (encrypt) #$run" age -r "$agepub" -o out.age "plain-$mib.bin"
    measure "age -d (decrypt) #$run" age -d -i age.key -o out.agedec out.age
    rm -f out.age out.agedec
    measure "reeltrace drm seal #$run" "$root/reeltrace" -q drm seal "plain-$mib.bin" -o out.rtseal --recipient "$pub" --issuer-key issuer.key
    measure "reeltrace drm open #$run" "$root/reeltrace" -q drm open out.rtseal -o out.open --identity recipient.key
    cmp -s out.open "plain-$mib.bin" || { echo "open did not restore the plaintext" >&2; exit 1; }
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f out.*
