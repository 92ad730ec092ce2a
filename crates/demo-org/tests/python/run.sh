#!/usr/bin/env bash
# Official Genesys Python SDK (PureCloudPlatformClientV2, pinned) against the standalone demo org.
# Creates/reuses a venv in target/sdk-venv, builds and starts `demo-org --port 0` with a frozen
# clock (so the SDK call and the raw comparison fetch see the same instant; the script moves it
# through the scenarios via POST /demo/clock), instant jobs and no practical rate limit,
# runs sdk_check.py, stops the server. Exit status = the check's.
# Usage: crates/demo-org/tests/python/run.sh   (from anywhere; PROFILE=release to use a release build)
set -euo pipefail

SDK_VERSION="269.0.0"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
VENV="$TARGET/sdk-venv"
PROFILE="${PROFILE:-debug}"
cd "$ROOT"

if ! "$VENV/bin/python" -c "import PureCloudPlatformClientV2" 2>/dev/null \
   || [ "$("$VENV/bin/pip" show PureCloudPlatformClientV2 2>/dev/null | sed -n 's/^Version: //p')" != "$SDK_VERSION" ]; then
  echo "sdk-check: creating venv $VENV with PureCloudPlatformClientV2==$SDK_VERSION"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "PureCloudPlatformClientV2==$SDK_VERSION"
fi

if [ "$PROFILE" = "release" ]; then
  cargo build --quiet --release -p demo-org --bin demo-org
else
  cargo build --quiet -p demo-org --bin demo-org
fi
BIN="$TARGET/$PROFILE/demo-org"

LOG="$(mktemp)"
FROZEN="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
"$BIN" --port 0 --frozen-at "$FROZEN" --job-delay 0 --rate-limit 1000000 --synthetic-conversations 2000 >"$LOG" 2>&1 &
PID=$!
cleanup() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -f "$LOG"; }
trap cleanup EXIT

URL=""
for _ in $(seq 1 100); do
  URL="$(sed -n 's/^demo-org listening on //p' "$LOG" | head -1)"
  [ -n "$URL" ] && break
  if ! kill -0 "$PID" 2>/dev/null; then echo "sdk-check: demo-org exited:"; cat "$LOG"; exit 1; fi
  sleep 0.1
done
[ -n "$URL" ] || { echo "sdk-check: demo-org did not report its URL"; cat "$LOG"; exit 1; }
echo "sdk-check: demo org at $URL (clock frozen at $FROZEN)"

"$VENV/bin/python" "$ROOT/crates/demo-org/tests/python/sdk_check.py" "$URL"
