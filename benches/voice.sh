#!/usr/bin/env bash
# The voice check against the built-in fake, per API: the time to first audio it reports (from the
# end of the utterance to the first audible decoded frame of the reply), and the check's and the
# whole selftest's wall time. The fake ends a turn after 500 ms of silence (server VAD's default)
# and starts its reply 200 ms later: the reported time should sit just above 700 ms.
# Run from the repository root: benches/voice.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
cargo build --release --quiet
bin=target/release/realtime-doctor
for api in realtime live; do
  for _ in $(seq "$runs"); do
    t0=$(date +%s.%N)
    "$bin" selftest --api "$api" --format json > target/voice-bench.json 2>/dev/null || true
    t1=$(date +%s.%N)
    python3 - "$t0" "$t1" <<'PY'
import json, sys
r = json.load(open("target/voice-bench.json"))
v = next(x for x in r["results"] if x["id"] == "voice")
t = {p["phase"]: p["ms"] for p in v["evidence"]["timings"]}
print(t.get("first_audio", float("nan")), v["duration_ms"], (float(sys.argv[2]) - float(sys.argv[1])) * 1000)
PY
  done | python3 -c '
import sys, statistics
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
med = lambda i: statistics.median(r[i] for r in rows)
print(f"'"$api"': time to first audio median {med(0):.1f} ms (min {min(r[0] for r in rows):.1f}, max {max(r[0] for r in rows):.1f}); voice check {med(1)/1000:.2f} s; selftest {med(2)/1000:.2f} s ({len(rows)} runs)")'
done
rm -f target/voice-bench.json
