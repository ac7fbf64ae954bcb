#!/usr/bin/env bash
# Time to data-channel open, side by side in one run, medians of N calls each (default 10):
# realtime-doctor's own peer and aiortc's client (the Python WebRTC stack), against the project's
# fake Realtime API and against an aiortc answerer, each answering a=setup:active (as OpenAI does)
# and a=setup:passive. aiortc is installed into target/bench-venv from PyPI.
# Run from the repository root: benches/datachannel-open.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
cargo build --release --quiet
cargo build --release --quiet --example fake_realtime_server
venv=target/bench-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet aiortc==1.16.0 aiohttp==3.14.5
fi
py=$venv/bin/python
key=sk-proj-fake-local-key-0000
free() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

pids=()
trap 'kill "${pids[@]}" 2>/dev/null' EXIT
start() { "$@" > /dev/null 2>&1 & pids+=($!); }
fake_active=$(free); start target/release/examples/fake_realtime_server --port "$fake_active" --key "$key"
fake_passive=$(free); start target/release/examples/fake_realtime_server --port "$fake_passive" --key "$key" --fault dtls-passive
aio_active=$(free); start "$py" benches/aiortc/answerer.py --port "$aio_active"
aio_passive=$(free); start "$py" benches/aiortc/answerer.py --port "$aio_passive" --dtls-passive
sleep 2

# One JSON line of phase timings (ms from the peer connection's creation) per call.
ours() {
  for _ in $(seq "$runs"); do
    OPENAI_API_KEY=$key target/release/realtime-doctor datachannel --format json --base-url "$1" 2>/dev/null \
      | python3 -c 'import json,sys; r=json.load(sys.stdin)["results"][0]; print(json.dumps({t["phase"]: t["ms"] for t in r["evidence"]["timings"]}))' || true
  done
}
aiortc() { "$py" benches/aiortc/client.py --base-url "$1" --key "$key" --runs "$runs" 2>/dev/null || true; }
row() {
  python3 -c '
import json, sys, statistics
calls = [json.loads(l) for l in sys.stdin if l.strip()]
ok = [c for c in calls if "channel_open" in c and "dtls_connected" in c]
label = sys.argv[1]
if not ok:
    print("| %s | 0/%d | - | - | - | - |" % (label, len(calls)))
    sys.exit()
med = lambda k: statistics.median(c[k] for c in ok)
gap = statistics.median(c["channel_open"] - c["dtls_connected"] for c in ok)
print("| %s | %d/%d | %.1f | %.1f | %.1f | %.1f |" % (label, len(ok), len(calls), med("answer_received"), med("dtls_connected"), med("channel_open"), gap))
' "$1"
}
echo "| offerer -> answerer (DTLS role of the answer) | calls | answer received | DTLS connected | channel open | DTLS -> open |"
echo "|---|---|---|---|---|---|"
ours "http://127.0.0.1:$fake_active" | row "realtime-doctor -> fake (active)"
ours "http://127.0.0.1:$fake_passive" | row "realtime-doctor -> fake (passive)"
ours "http://127.0.0.1:$aio_active" | row "realtime-doctor -> aiortc (active)"
ours "http://127.0.0.1:$aio_passive" | row "realtime-doctor -> aiortc (passive)"
aiortc "http://127.0.0.1:$aio_active" | row "aiortc -> aiortc (active)"
aiortc "http://127.0.0.1:$aio_passive" | row "aiortc -> aiortc (passive)"
aiortc "http://127.0.0.1:$fake_active" | row "aiortc -> fake (active)"
aiortc "http://127.0.0.1:$fake_passive" | row "aiortc -> fake (passive)"
echo "(medians, ms from the peer connection's creation; realtime-doctor mints its client secret after gathering, aiortc's client before: both inside 'answer received')"
