#!/usr/bin/env bash
# How long until a verdict when every STUN server is blackholed (UDP silently dropped), for
# realtime-doctor and, on the same target, coturn's turnutils_stunclient.
#
# The blackhole is a UDP socket that reads and never answers (python3), on loopback. Run from the
# repository root: benches/stun-blackhole.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --release --quiet
bin=target/release/realtime-doctor

ports_file=$(mktemp)
rm -f "$ports_file"
PORTS_FILE=$ports_file python3 - <<'PY' &
import os, socket, time
socks = []
for _ in range(4):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    socks.append(s)
with open(os.environ["PORTS_FILE"] + ".tmp", "w") as f:
    f.write(" ".join(str(s.getsockname()[1]) for s in socks) + "\n")
os.rename(os.environ["PORTS_FILE"] + ".tmp", os.environ["PORTS_FILE"])
time.sleep(600)
PY
holder=$!
trap 'kill $holder 2>/dev/null' EXIT
while [ ! -s "$ports_file" ]; do sleep 0.05; done
read -r -a ports < "$ports_file"
rm -f "$ports_file"
args=()
for p in "${ports[@]}"; do args+=(--stun "stun:127.0.0.1:$p"); done

now() { date +%s.%N; }
for timeout in 1s 3s; do
  total=0
  for _ in $(seq "$runs"); do
    t0=$(now)
    "$bin" stun "${args[@]}" --timeout "$timeout" --format json > /dev/null || true
    t1=$(now)
    total=$(echo "$total + $t1 - $t0" | bc -l)
  done
  printf 'realtime-doctor stun, 4 blackholed servers, --timeout %s: %.2f s to a verdict (mean of %d)\n' "$timeout" "$(echo "$total / $runs" | bc -l)" "$runs"
done

if command -v turnutils_stunclient > /dev/null; then
  cap=${TURNUTILS_CAP:-60}
  t0=$(now)
  if timeout "$cap" turnutils_stunclient -p "${ports[0]}" 127.0.0.1 > /dev/null 2>&1; then verdict="answered"; else verdict="no verdict, killed at ${cap} s"; fi
  t1=$(now)
  printf 'turnutils_stunclient, 1 blackholed server: %.2f s (%s)\n' "$(echo "$t1 - $t0" | bc -l)" "$verdict"
fi
