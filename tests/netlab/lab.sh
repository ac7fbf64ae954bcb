#!/usr/bin/env bash
# The network lab: a client behind a router, and a simulated internet with the servers.
#
#   lab.sh up NAME SCENARIO   create namespaces NAME-c (client), NAME-r (router), NAME-n (internet)
#   lab.sh down NAME          kill everything inside them and delete them (safe to repeat)
#
# Addresses: client 10.77.0.2/24, router 10.77.0.1 and 198.18.0.1/24, internet 198.18.0.2-4/24
# (RFC 2544's benchmarking range, never routed). Nothing touches the host's interfaces.
# Scenarios (router policy, nftables): none, nat (masquerade: endpoint-independent mapping),
# symmetric (masquerade fully-random: address-and-port-dependent), udp-drop, udp-reject,
# tcp443-only, udp3478-drop, relay-only (UDP dropped and the media address unreachable: only the
# API and the TURN servers get through), drop-all.
set -Eeuo pipefail
cmd=${1:?up|down}
name=${2:?name}
c=$name-c r=$name-r n=$name-n

down() {
  for ns in "$c" "$r" "$n"; do
    if ip netns list | grep -qw "$ns"; then
      ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
      ip netns del "$ns" 2>/dev/null || true
    fi
  done
}

case $cmd in
down) down ;;
up)
  scenario=${3:?scenario}
  case $scenario in
    none | nat | symmetric | udp-drop | udp-reject | tcp443-only | udp3478-drop | relay-only | drop-all) ;;
    *) echo "unknown scenario $scenario" >&2; exit 2 ;;
  esac
  trap down ERR
  down
  for ns in "$c" "$r" "$n"; do ip netns add "$ns"; ip -n "$ns" link set lo up; done
  ip link add c0 netns "$c" type veth peer name r0 netns "$r"
  ip link add r1 netns "$r" type veth peer name n0 netns "$n"
  ip -n "$c" addr add 10.77.0.2/24 dev c0
  ip -n "$r" addr add 10.77.0.1/24 dev r0
  ip -n "$r" addr add 198.18.0.1/24 dev r1
  for a in 2 3 4; do ip -n "$n" addr add "198.18.0.$a/24" dev n0; done
  ip -n "$c" link set c0 up; ip -n "$r" link set r0 up; ip -n "$r" link set r1 up; ip -n "$n" link set n0 up
  ip -n "$c" route add default via 10.77.0.1
  # Without NAT the internet needs the way back. Behind a NAT there is none, as on the internet:
  # a server's packets to the client's private address (a media server's connectivity checks to
  # its host candidate) go nowhere, and cannot open a firewall's conntrack state for UDP.
  [ "$scenario" = none ] && ip -n "$n" route add 10.77.0.0/16 via 198.18.0.1
  ip netns exec "$r" sysctl -qw net.ipv4.ip_forward=1
  # ICMP errors are rate-limited by default: a "reject" scenario would answer late.
  ip netns exec "$r" sysctl -qw net.ipv4.icmp_ratelimit=0
  nat() { ip netns exec "$r" nft "add table ip nat; add chain ip nat post { type nat hook postrouting priority 100; }; add rule ip nat post oifname r1 masquerade $1"; }
  filter() { ip netns exec "$r" nft "add table inet f; add chain inet f filt { type filter hook forward priority 0; }; $1"; }
  case $scenario in
    none) ;;
    nat) nat "" ;;
    symmetric) nat "fully-random" ;;
    udp-drop) nat ""; filter "add rule inet f filt iifname r0 meta l4proto udp drop" ;;
    udp-reject) nat ""; filter "add rule inet f filt iifname r0 meta l4proto udp reject with icmp type port-unreachable" ;;
    tcp443-only) nat ""; filter "add rule inet f filt ct state established,related accept; add rule inet f filt iifname r0 tcp dport 443 accept; add rule inet f filt iifname r0 drop" ;;
    udp3478-drop) nat ""; filter "add rule inet f filt iifname r0 udp dport 3478 drop" ;;
    relay-only) nat ""; filter "add rule inet f filt iifname r0 meta l4proto udp drop; add rule inet f filt iifname r0 ip daddr 198.18.0.4 drop" ;;
    drop-all) nat ""; filter "add rule inet f filt iifname r0 drop" ;;
    *) echo "unknown scenario $scenario" >&2; exit 2 ;;
  esac
  trap - ERR
  ;;
*) echo "usage: lab.sh up NAME SCENARIO | down NAME" >&2; exit 2 ;;
esac
