#!/usr/bin/env bash
# Example CI step: refuse uploads that contain a protected work.
# Usage: docs/ci/check-upload.sh CATALOG.db FILE...
# Exit 0: no upload matches; 1: at least one matches (details printed); other: the check itself failed.
set -euo pipefail
catalog="$1"; shift
root="$(cd "$(dirname "$0")/../.." && pwd)"
status=0
for upload in "$@"; do
    set +e
    "$root/reeltrace" --json --no-progress fingerprint match "$upload" --catalog "$catalog" --fail-on-match > match.json
    code=$?
    set -e
    case "$code" in
        0) echo "ok: \"$upload\" matches no catalogued work" ;;
        1) jq -r --arg f "$upload" '.matches[] | "blocked: \"\($f)\" contains \(.title // .workId) (score \(.score)) at \(.segments[0].queryStart)s-\(.segments[0].queryEnd)s"' match.json
           status=1 ;;
        *) echo "error: reeltrace exited $code on \"$upload\"" >&2; exit "$code" ;;
    esac
done
exit "$status"
