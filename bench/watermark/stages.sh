#!/usr/bin/env bash
# Per-stage timing of the embedder's Java work per picture (mask, marking)
# on the first N pictures of a clip, decoded once to luma by the FFmpeg CLI, plus a CRC of the
# marked output. Usage: bench/watermark/stages.sh CLIP [PICTURES] [PASSES]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -o -q -pl watermark -am test-compile
CP=watermark/target/classes:watermark/target/test-classes:media/target/classes
"$JAVA_HOME/bin/java" -Xmx2g -cp "$CP" org.reeltrace.watermark.EmbedStageTimings "$@"
