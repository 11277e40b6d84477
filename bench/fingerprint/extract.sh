#!/usr/bin/env bash
# Extraction speed: `reeltrace fingerprint create` vs the physical floor (`ffmpeg -i X -f null -`,
# a plain decode of every stream) and the peer (MPEG-7 signature extraction with Debian FFmpeg 5.1),
# on the same 1080p H.264 file, in the same run. Prints a Markdown table of medians.
#   bench/fingerprint/extract.sh [RUNS]        (from the repository root; builds nothing)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-3}"
OUT=bench/out/fingerprint
JAR=cli/target/reeltrace.jar
SRC=../shared/media/clips/moviepy/big_buck_bunny_0_30.webm
mkdir -p "$OUT"
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -pl cli -am package -DskipTests" >&2; exit 1; }
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"

# 60 s of real 1080p H.264 + AAC: Big Buck Bunny's first 30 s, upscaled, twice.
IN="$OUT/bbb-1080p-60s.mp4"
if [ ! -f "$IN" ]; then
    ffmpeg -nostdin -loglevel error -y -stream_loop 1 -i "$SRC" -t 60 -vf scale=1920:1080 \
        -c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p -c:a aac -b:a 128k "$IN"
fi

seconds() { # run a command, print "wall cpu" seconds (cpu = user + sys: robust on a shared machine)
    /usr/bin/time -f "%e %U %S" -o "$OUT/time.txt" "$@" >/dev/null 2>&1
    awk '{printf "%s %.2f\n", $1, $2 + $3}' "$OUT/time.txt"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
column() { awk -v c="$1" 'NF {print $c}'; }

declare -A T
for name in floor reeltrace peer; do T[$name]=""; done
for ((i = 1; i <= RUNS; i++)); do
    T[floor]+="$(seconds ffmpeg -nostdin -hide_banner -loglevel error -i "$IN" -f null -)"$'\n'
    T[reeltrace]+="$(seconds "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" -q fingerprint create "$IN" -o "$OUT/bbb.rtfp")"$'\n'
    T[peer]+="$(seconds ffmpeg -nostdin -hide_banner -loglevel error -i "$IN" -vf signature=format=binary:filename="$OUT/bbb.sig" -f null -)"$'\n'
done
floor=$(printf '%s' "${T[floor]}" | column 1 | median)
floorcpu=$(printf '%s' "${T[floor]}" | column 2 | median)
echo "| tool (60 s 1080p H.264 + AAC, $RUNS runs, median) | wall s | CPU s (user+sys) | wall × floor | CPU × floor |"
echo "|---|---|---|---|---|"
for name in floor reeltrace peer; do
    m=$(printf '%s' "${T[$name]}" | column 1 | median)
    c=$(printf '%s' "${T[$name]}" | column 2 | median)
    label=$name
    [ "$name" = floor ] && label='`ffmpeg -i X -f null -` (decode floor, FFmpeg '"$(ffmpeg -version | awk 'NR==1{print $3}')"')'
    [ "$name" = reeltrace ] && label='`reeltrace fingerprint create` (JVM start included)'
    [ "$name" = peer ] && label='`ffmpeg -vf signature` (MPEG-7 peer)'
    printf '| %s | %.2f | %.2f | %.2f | %.2f |\n' "$label" "$m" "$c" "$(echo "$m / $floor" | bc -l)" "$(echo "$c / $floorcpu" | bc -l)"
done
echo
echo "rtfp size: $(stat -c %s "$OUT/bbb.rtfp") bytes for 60 s; MPEG-7 binary signature: $(stat -c %s "$OUT/bbb.sig") bytes"
