#!/usr/bin/env bash
# The browser check against the project's fake, beside this tool's own peer: headless Chromium
# (and Firefox when installed) through `realtime-doctor browser`, and `datachannel`, each N times
# in a network namespace (Chromium gathers no loopback candidate), release build. Prints the
# median of each step, in ms from the peer connection's creation, and the wall time of a run
# (the browser's start included). Needs root. Run from the repository root: benches/browser.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
cargo build --release --quiet
bin=$PWD/target/release/realtime-doctor
key=sk-proj-bench-0000000000000000000000
ns=rdbench$$
cleanup() { ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true; ip netns del "$ns" 2>/dev/null || true; }
trap cleanup EXIT
ip netns add "$ns"
ip -n "$ns" link set lo up
ip -n "$ns" link add d0 type veth peer name d1
ip -n "$ns" addr add 10.203.0.1/24 dev d0
ip -n "$ns" link set d0 up
ip -n "$ns" link set d1 up
ip -n "$ns" route add default via 10.203.0.2 dev d0
ip netns exec "$ns" "$bin" fake-server --listen 127.0.0.1:8080 --accept-key "$key" --media 10.203.0.1 > /dev/null &
sleep 0.5
out=$(mktemp -d)
run() { # name, then the arguments
  local name=$1; shift
  for i in $(seq "$runs"); do
    t0=$(date +%s.%N)
    ip netns exec "$ns" env OPENAI_API_KEY=$key HOME=/tmp "$bin" "$@" --format json --base-url http://127.0.0.1:8080 \
      > "$out/$name.$i.json" 2>/dev/null || true
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc -l >> "$out/$name.wall"
  done
}
run chromium browser --launch chromium --headless
command -v firefox > /dev/null && run firefox browser --launch firefox --headless
run tool datachannel --bind 10.203.0.1
python3 - "$out" "$runs" <<'PY'
import json, statistics, sys, glob, os
out, runs = sys.argv[1], int(sys.argv[2])
steps = ["gathered", "answer_received", "ice_connected", "dtls_connected", "channel_open", "first_event"]
print(f"{'peer':<10} " + " ".join(f"{s:>16}" for s in steps) + f" {'wall (s)':>9}")
for name, check in [("chromium", "browser-webrtc"), ("firefox", "browser-webrtc"), ("tool", "datachannel")]:
    files = sorted(glob.glob(f"{out}/{name}.*.json"))
    if not files:
        continue
    per = {s: [] for s in steps}
    for f in files:
        try:
            r = next(x for x in json.load(open(f))["results"] if x["id"] == check)
        except Exception:
            continue
        t = {x["phase"]: x["ms"] for x in r["evidence"]["timings"]}
        for s in steps:
            if s in t:
                per[s].append(t[s])
    wall = [float(x) for x in open(f"{out}/{name}.wall").read().split()]
    cells = [f"{statistics.median(per[s]):>16.1f}" if per[s] else f"{'-':>16}" for s in steps]
    print(f"{name:<10} " + " ".join(cells) + f" {statistics.median(wall):>9.2f}")
PY
rm -rf "$out"
