//! Gathering, as a browser's ICE agent does it (RFC 8445 §5.1.1): host candidates on every local
//! address (UDP, and TCP active per RFC 6544 §4.5 with the discard port as placeholder),
//! server-reflexive ones from Binding requests sent through those very sockets (RFC 8489), and
//! relay ones from TURN allocations over UDP, TCP or TLS (RFC 8656).

use super::driver::Inbound;
use super::offerer::Options;
use crate::stun::msg::{self, BINDING};
use crate::stun::turn::{self, Allocation};
use crate::stun::{IceUrl, Transport, conn::Conn};
use rtc::ice::tcp_type::TcpType;
use rtc::peer_connection::transport::{
    CandidateConfig, CandidateHostConfig, CandidateRelayConfig, CandidateServerReflexiveConfig, RTCIceCandidate,
    RTCIceCandidateInit,
};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;
use tokio::net::UdpSocket;
use tokio::sync::mpsc;

/// What gathering found.
pub struct Gathered {
    pub candidates: Vec<RTCIceCandidateInit>,
    /// Server-reflexive addresses and the local socket address they map.
    pub reflexive: Vec<(SocketAddr, SocketAddr)>,
    /// Allocations, with the URL each came from.
    pub relays: Vec<(String, Allocation)>,
    /// Every STUN and TURN server answered (or refused) before the deadline.
    pub complete: bool,
}

/// The addresses host candidates are gathered on: `bind` when it is a concrete address, else every
/// interface's address but loopback and link-local IPv6 (which needs a scope a candidate cannot
/// carry).
pub fn local_ips(bind: Option<IpAddr>) -> Vec<IpAddr> {
    if let Some(ip) = bind.filter(|ip| !ip.is_unspecified()) {
        return vec![ip];
    }
    let mut ips: Vec<IpAddr> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .map(|i| i.ip())
        .filter(|ip| !ip.is_loopback() && !matches!(ip, IpAddr::V6(v) if (v.segments()[0] & 0xffc0) == 0xfe80))
        .collect();
    ips.sort();
    ips.dedup();
    ips
}

/// A host candidate line (RFC 8839): UDP, or TCP with its RFC 6544 type.
pub(super) fn host(addr: SocketAddr, tcp: Option<TcpType>) -> Option<RTCIceCandidateInit> {
    let network = if tcp.is_some() { "tcp" } else { "udp" };
    let c = CandidateHostConfig { base_config: config(network, addr), tcp_type: tcp.unwrap_or_default() };
    init(c.new_candidate_host(), None)
}

fn init(
    c: Result<rtc::ice::candidate::Candidate, rtc::shared::error::Error>,
    url: Option<&str>,
) -> Option<RTCIceCandidateInit> {
    let mut i = RTCIceCandidate::from(&c.ok()?).to_json().ok()?;
    i.url = url.map(str::to_owned);
    Some(i)
}

fn config(network: &str, addr: SocketAddr) -> CandidateConfig {
    CandidateConfig {
        network: network.into(),
        address: addr.ip().to_string(),
        port: addr.port(),
        component: 1,
        ..Default::default()
    }
}

/// Gather everything until `until`. `inbound` carries the host sockets' packets: before an answer
/// there are only the STUN servers' replies.
pub async fn all(
    opts: &Options,
    udp: &HashMap<SocketAddr, Arc<UdpSocket>>,
    inbound: &mut mpsc::UnboundedReceiver<Inbound>,
    until: Instant,
) -> Gathered {
    let mut candidates = Vec::new();
    for local in udp.keys() {
        candidates.extend(host(*local, None));
    }
    if !opts.relay_only {
        for ip in local_ips(opts.bind) {
            // An active candidate listens nowhere: port 9 is its placeholder (RFC 6544 §4.5).
            candidates.extend(host(SocketAddr::new(ip, 9), Some(TcpType::Active)));
        }
    }
    let stun: Vec<&IceUrl> = opts.stun.iter().filter(|u| u.transport == Transport::Udp).collect();
    let ((reflexive, stun_done), (relays, turn_done)) =
        tokio::join!(reflexive(&stun, udp, inbound, until), relays(opts, until));
    for (url, mapped, base) in &reflexive {
        let c = CandidateServerReflexiveConfig {
            base_config: config("udp", *mapped),
            rel_addr: base.ip().to_string(),
            rel_port: base.port(),
            url: Some(url.clone()),
        };
        candidates.extend(init(c.new_candidate_server_reflexive(), Some(url)));
    }
    for (url, a) in &relays {
        let related = a.mapped.unwrap_or(a.relayed);
        let c = CandidateRelayConfig {
            base_config: config("udp", a.relayed),
            rel_addr: related.ip().to_string(),
            rel_port: related.port(),
            url: Some(url.clone()),
        };
        candidates.extend(init(c.new_candidate_relay(), Some(url)));
    }
    Gathered {
        candidates,
        reflexive: reflexive.into_iter().filter(|(_, m, b)| m != b).map(|(_, m, b)| (m, b)).collect(),
        relays,
        complete: stun_done && turn_done,
    }
}

/// Binding requests from every host socket to every UDP STUN server, retransmitted from 500 ms
/// and doubling (RFC 8489 §6.2.1) until answered or `until`. Returns (url, mapped, base) for each
/// answer that maps an address other than the base, and whether every request was answered.
async fn reflexive(
    servers: &[&IceUrl],
    udp: &HashMap<SocketAddr, Arc<UdpSocket>>,
    inbound: &mut mpsc::UnboundedReceiver<Inbound>,
    until: Instant,
) -> (Vec<(String, SocketAddr, SocketAddr)>, bool) {
    let end = tokio::time::Instant::from_std(until);
    // Transaction id -> (url, server, the host socket it is sent from, the request).
    let mut waiting: HashMap<[u8; 12], (String, SocketAddr, SocketAddr, Vec<u8>)> = HashMap::new();
    for url in servers {
        let Ok(Ok(addrs)) = tokio::time::timeout_at(end, tokio::net::lookup_host((url.host.as_str(), url.port))).await
        else {
            continue;
        };
        let addrs: Vec<SocketAddr> = addrs.collect();
        for (local, _) in udp.iter() {
            if let Some(server) = addrs.iter().find(|a| a.is_ipv4() == local.is_ipv4()) {
                let (tid, bytes) = msg::request(BINDING, vec![], None);
                waiting.insert(*tid.as_bytes(), (url.to_string(), *server, *local, bytes));
            }
        }
    }
    let mut found = Vec::new();
    let mut rto = crate::stun::conn::RTO;
    while !waiting.is_empty() && tokio::time::Instant::now() < end {
        for (_, server, local, bytes) in waiting.values() {
            if let Some(sock) = udp.get(local) {
                let _ = sock.send_to(bytes, server).await;
            }
        }
        let next = (tokio::time::Instant::now() + rto).min(end);
        rto *= 2;
        while let Ok(Some(p)) = tokio::time::timeout_at(next, inbound.recv()).await {
            let Some(tid) = msg::transaction_id(&p.data) else { continue };
            let Some((url, _, base, _)) = waiting.remove(&tid) else { continue };
            if let Ok(m) = msg::decode(&p.data, None)
                && let Some(mapped) = msg::read(&m).mapped
            {
                found.push((url, mapped, base));
            }
            if waiting.is_empty() {
                break;
            }
        }
    }
    let complete = waiting.is_empty();
    (found, complete)
}

/// One allocation per TURN URL, all at once. Returns the allocations, and whether every server
/// answered (a refusal is an answer; silence until `until` is not).
async fn relays(opts: &Options, until: Instant) -> (Vec<(String, Allocation)>, bool) {
    let creds = opts.turn_credentials.as_ref().map(|(u, p)| (u.as_str(), p.expose()));
    let tasks = opts.turn.iter().map(|url| async move {
        let end = tokio::time::Instant::from_std(until);
        let addr = match tokio::time::timeout_at(end, tokio::net::lookup_host((url.host.as_str(), url.port))).await {
            Ok(Ok(mut a)) => a.find(|a| a.is_ipv4()),
            Ok(Err(_)) => return (url, Err(true)),
            Err(_) => return (url, Err(false)),
        };
        let Some(addr) = addr else { return (url, Err(true)) };
        let tls = opts.tls.clone().map(|t| (t, url.host.clone()));
        let conn = match Conn::open(url.transport, addr, None, tls, until).await {
            Ok(c) => c,
            Err(e) => return (url, Err(!matches!(e, crate::stun::conn::TxError::Timeout { .. }))),
        };
        match turn::allocate(conn, creds, until, until).await {
            Ok(a) => (url, Ok(a)),
            Err((turn::AllocError::Tx(crate::stun::conn::TxError::Timeout { .. }), _)) => (url, Err(false)),
            Err(_) => (url, Err(true)),
        }
    });
    let mut complete = true;
    let mut out = Vec::new();
    for (url, r) in futures_util::future::join_all(tasks).await {
        match r {
            Ok(a) => out.push((url.to_string(), a)),
            Err(answered) => complete &= answered,
        }
    }
    (out, complete)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_concrete_bind_address_is_the_only_one() {
        assert_eq!(local_ips(Some("127.0.0.1".parse().unwrap())), vec!["127.0.0.1".parse::<IpAddr>().unwrap()]);
        assert!(local_ips(None).iter().all(|ip| !ip.is_loopback()));
    }

    #[test]
    fn candidates_are_written_as_rfc_8839_lines() {
        let host = host("10.0.0.2:9".parse().unwrap(), Some(TcpType::Active)).unwrap();
        assert!(
            host.candidate.contains("tcp") && host.candidate.contains("10.0.0.2 9 typ host tcptype active"),
            "{}",
            host.candidate
        );
    }
}
