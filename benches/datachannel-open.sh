#!/usr/bin/env bash
# Time to data-channel open on loopback against the built-in fake Realtime API (selftest), with
# the project's tuned WebRTC timers and with the webrtc crate's defaults. Prints the median of
# each phase over N runs. Run from the repository root: benches/datachannel-open.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
cargo build --release --quiet
bin=target/release/realtime-doctor
measure() {
  for _ in $(seq "$runs"); do "$bin" datachannel --format json --base-url "$1" 2>/dev/null || true; done
}
collect() {
  python3 -c '
import json, sys, statistics
phases = {}
for line in sys.stdin.read().split("\n}\n"):
    line = line.strip()
    if not line:
        continue
    r = json.loads(line if line.endswith("}") else line + "\n}")
    for t in r["results"][0]["evidence"]["timings"]:
        phases.setdefault(t["phase"], []).append(t["ms"])
order = ["ice_connected", "dtls_connected", "channel_open", "session_updated"]
print("  ".join(f"{p} {statistics.median(phases[p]):.0f} ms" for p in order if p in phases))
'
}
# Two fake servers, standalone on free ports: one with tuned timers, one with the crate's.
free() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cargo build --release --quiet --example fake_realtime_server
tuned_port=$(free)
target/release/examples/fake_realtime_server --port "$tuned_port" > /dev/null &
tuned=$!
default_port=$(free)
REALTIME_DOCTOR_WEBRTC_DEFAULT_TIMERS=1 target/release/examples/fake_realtime_server --port "$default_port" > /dev/null &
default=$!
trap 'kill $tuned $default 2>/dev/null' EXIT
sleep 0.5
export OPENAI_API_KEY=sk-proj-fake-local-key-0000
printf 'tuned timers (median of %d):   ' "$runs"; measure "http://127.0.0.1:$tuned_port" | collect
printf 'crate defaults (median of %d): ' "$runs"; REALTIME_DOCTOR_WEBRTC_DEFAULT_TIMERS=1 measure "http://127.0.0.1:$default_port" | collect
