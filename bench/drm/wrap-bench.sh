#!/usr/bin/env bash
# CENC wrap throughput on a large MP4 (about 1 GB, H.264 + AAC, built by looping a synthetic clip with
# stream copy), in one run: reeltrace drm wrap (progressive cenc and cbcs, --fragment) and unwrap
# versus FFmpeg's cenc muxer (-encryption_scheme cenc-aes-ctr, stream copy) and a plain copy (I/O floor).
# reeltrace runs through its launcher (./reeltrace), as a user runs it: JVM start-up included.
# Prints the load average before and after: on a shared machine wall times are only comparable
# within one run, CPU seconds (user + sys) across runs.
# usage: bench/drm/wrap-bench.sh [DIR] [LOOPS] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${1:-$root/bench/out/drm}"
loops="${2:-8}"
runs="${3:-2}"
# shellcheck source=common.sh
source "$root/bench/drm/common.sh"

if [ ! -f big.mp4 ]; then
    ffmpeg -nostdin -v error -f lavfi -i "testsrc2=size=1920x1080:rate=30" -f lavfi -i "sine=frequency=440:sample_rate=48000" \
        -t 30 -c:v libx264 -preset ultrafast -crf 8 -g 60 -pix_fmt yuv420p -c:a aac -b:a 128k -y piece.mp4
    ffmpeg -nostdin -v error -stream_loop "$loops" -i piece.mp4 -map 0 -c copy -movflags +faststart -y big.mp4
fi
kid=0123456789abcdef0123456789abcdef
key=00112233445566778899aabbccddeeff
echo "$kid:$key" > keys.txt && chmod 600 keys.txt
rt=("$root/reeltrace" -q)
# one small wrap first: builds the jar if needed and the launcher's class-data archive, outside the timings
"${rt[@]}" drm wrap piece.mp4 -o out.warm.mp4 --keys keys.txt >/dev/null && rm -f out.warm.mp4

echo "input: big.mp4 $(du -m big.mp4 | cut -f1) MB; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| step | wall s | user s | sys s | max RSS KB |"
echo "|---|---|---|---|---|"
# outputs are deleted as soon as they are not needed: tmpfs is RAM, and a shared machine has little to spare
for run in $(seq 1 "$runs"); do
    rm -f out.*
    measure "cp (I/O floor) #$run" cp big.mp4 out.copy.mp4
    rm -f out.copy.mp4
    measure "ffmpeg cenc-aes-ctr muxer #$run" ffmpeg -nostdin -v error -i big.mp4 -map 0 -c copy -encryption_scheme cenc-aes-ctr \
        -encryption_key "$key" -encryption_kid "$kid" -y out.ffmpeg.mp4
    rm -f out.ffmpeg.mp4
    measure "reeltrace drm wrap cenc #$run" "${rt[@]}" drm wrap big.mp4 -o out.cenc.mp4 --keys keys.txt
    measure "reeltrace drm unwrap cenc #$run" "${rt[@]}" drm unwrap out.cenc.mp4 -o out.dec.mp4 --keys keys.txt
    rm -f out.cenc.mp4 out.dec.mp4
    measure "reeltrace drm wrap cbcs #$run" "${rt[@]}" drm wrap big.mp4 -o out.cbcs.mp4 --scheme cbcs --keys keys.txt
    rm -f out.cbcs.mp4
    measure "reeltrace drm wrap cbcs --fragment #$run" "${rt[@]}" drm wrap big.mp4 -o out.frag.mp4 --scheme cbcs --fragment --keys keys.txt
    measure "reeltrace drm unwrap cbcs --fragment #$run" "${rt[@]}" drm unwrap out.frag.mp4 -o out.fragdec.mp4 --keys keys.txt
    rm -f out.frag.mp4 out.fragdec.mp4
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f out.*
