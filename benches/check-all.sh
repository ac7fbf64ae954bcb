#!/usr/bin/env bash
# check-all's wall time (1) against the built-in servers (selftest: every check but the microphone)
# and (2) to a verdict when every server is blackholed: the API accepts TCP and never answers, STUN
# and TURN swallow UDP. Run from the repository root: benches/check-all.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
cargo build --release --quiet
bin=target/release/realtime-doctor

ports_file=$(mktemp)
rm -f "$ports_file"
PORTS_FILE=$ports_file python3 - <<'PY' &
import os, socket, time
tcp = socket.socket(); tcp.bind(("127.0.0.1", 0)); tcp.listen(64)   # accepts (kernel), never answers
udp1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); udp1.bind(("127.0.0.1", 0))
udp2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); udp2.bind(("127.0.0.1", 0))
with open(os.environ["PORTS_FILE"] + ".tmp", "w") as f:
    f.write(" ".join(str(s.getsockname()[1]) for s in (tcp, udp1, udp2)) + "\n")
os.rename(os.environ["PORTS_FILE"] + ".tmp", os.environ["PORTS_FILE"])
time.sleep(900)
PY
holder=$!
trap 'kill $holder 2>/dev/null' EXIT
while [ ! -s "$ports_file" ]; do sleep 0.05; done
read -r api stun turn < "$ports_file"
rm -f "$ports_file"

now() { date +%s.%N; }
stats() { python3 -c 'import sys, statistics; v=[float(x) for x in sys.stdin.read().split()]; print(f"median {statistics.median(v):.3f} s, min {min(v):.3f} s, max {max(v):.3f} s")'; }
time_runs() {
  for _ in $(seq "$runs"); do
    t0=$(now); "$@" > /dev/null 2>&1 || true; t1=$(now)
    echo "$t1 - $t0" | bc -l
  done | stats
}
for which in realtime live; do
  echo "selftest --api $which (key, stun, turn, sdp, datachannel, voice against the built-in servers, $runs runs): $(time_runs "$bin" selftest --api "$which")"
done
echo "selftest, both APIs ($runs runs): $(time_runs "$bin" selftest)"
blackholed=("$bin" check-all --skip mic --base-url "http://127.0.0.1:$api" --stun "stun:127.0.0.1:$stun"
  --turn "turn:127.0.0.1:$turn" --turn-username u --turn-credential p)
export OPENAI_API_KEY=sk-proj-benchmark-key-000000000000
verdict=$("${blackholed[@]}" --format json 2>/dev/null | python3 -c 'import json,sys; v=json.load(sys.stdin)["verdict"]; print(v["rule"], "-", v["summary"])' || true)
echo "everything blackholed, default budgets ($runs runs): $(time_runs "${blackholed[@]}"); verdict: $verdict"
echo "everything blackholed, --timeout 3s ($runs runs): $(time_runs "${blackholed[@]}" --timeout 3s)"
echo "everything blackholed, --deadline 2s ($runs runs): $(time_runs "${blackholed[@]}" --deadline 2s)"
