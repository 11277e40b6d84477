#!/usr/bin/env bash
# Example CI step: refuse uploads that contain a protected work.
# Usage: docs/ci/check-upload.sh CATALOG.db FILE...
# Exit 0: no upload matches; 1: at least one matches (details printed); other: the check itself failed.
set -euo pipefail
catalog="$1"; shift
root="$(cd "$(dirname "$0")/../.." && pwd)"
# REELTRACE overrides how reeltrace is run (e.g. "java -jar reeltrace.jar"); default: the launcher
read -r -a reeltrace <<< "${REELTRACE:-$root/reeltrace}"
status=0
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
for upload in "$@"; do
    set +e
    "${reeltrace[@]}" --json --no-progress fingerprint match "$upload" --catalog "$catalog" --fail-on-match > "$out"
    code=$?
    set -e
    case "$code" in
        0) echo "ok: \"$upload\" matches no catalogued work" ;;
        1) jq -r --arg f "$upload" '.matches[] | "blocked: \"\($f)\" contains \(.title // .workId) (score \(.score)) at \(.segments[0].queryStart)s-\(.segments[0].queryEnd)s"' "$out"
           status=1 ;;
        *) echo "error: reeltrace exited $code on \"$upload\"" >&2; exit "$code" ;;
    esac
done
exit "$status"
