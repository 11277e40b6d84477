#!/usr/bin/env bash
# Memory is constant in file size: the same commands on a 64 MiB and a 1 GiB input with the Java heap
# capped at 48 MiB (-Xmx48m), then CENC as a user runs it (launcher, default heap) on a 113 MB and a
# 1 GB MP4; prints max RSS of each run. Run seal-bench.sh and wrap-bench.sh first (they leave
# plain-1024.bin, big.mp4, piece.mp4 and keys in DIR); without plain-1024.bin the seal rows are skipped.
# usage: bench/drm/memory-bench.sh [DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${1:-$root/bench/out/drm}"
# shellcheck source=common.sh
source "$root/bench/drm/common.sh"
rt=("$java" -Xmx48m -jar "$jar" -q)
echo "| step (heap capped at 48 MiB) | wall s | user s | sys s | max RSS KB |"
echo "|---|---|---|---|---|"
seal_inputs=()
if [ -f plain-1024.bin ]; then
    head -c $((64 * 1024 * 1024)) plain-1024.bin > plain-64.bin
    pub="$("$java" -jar "$jar" keys public recipient.key)"
    seal_inputs=(plain-64.bin plain-1024.bin)
fi
for f in "${seal_inputs[@]}"; do
    measure "seal $f" "${rt[@]}" drm seal "$f" -o out.rtseal --recipient "$pub" --issuer-key issuer.key
    measure "open $f" "${rt[@]}" drm open out.rtseal -o out.open --identity recipient.key
    cmp -s out.open "$f" || { echo "open did not restore $f" >&2; exit 1; }
done
for f in piece.mp4 big.mp4; do
    measure "wrap cenc $f ($(du -m "$f" | cut -f1) MB)" "${rt[@]}" drm wrap "$f" -o out.cenc.mp4 --keys keys.txt
    measure "wrap cbcs --fragment $f" "${rt[@]}" drm wrap "$f" -o out.frag.mp4 --scheme cbcs --fragment --keys keys.txt
    measure "unwrap cenc $f" "${rt[@]}" drm unwrap out.cenc.mp4 -o out.dec.mp4 --keys keys.txt
    rm -f out.*
done
echo
echo "| step (launcher, default heap) | wall s | user s | sys s | max RSS KB |"
echo "|---|---|---|---|---|"
for f in piece.mp4 big.mp4; do
    measure "wrap cenc $f ($(du -m "$f" | cut -f1) MB)" "$root/reeltrace" -q drm wrap "$f" -o out.cenc.mp4 --keys keys.txt
    measure "unwrap cenc $f" "$root/reeltrace" -q drm unwrap out.cenc.mp4 -o out.dec.mp4 --keys keys.txt
    rm -f out.*
    measure "wrap cbcs --fragment $f" "$root/reeltrace" -q drm wrap "$f" -o out.frag.mp4 --scheme cbcs --fragment --keys keys.txt
    rm -f out.*
done
rm -f out.* plain-64.bin
