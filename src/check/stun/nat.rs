//! NAT behaviour discovery (RFC 5780 §4.3 mapping, §4.4 filtering) against a server that
//! advertises OTHER-ADDRESS, and what each behaviour means for the Realtime API.

use crate::stun::msg::{self, BINDING};
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::net::UdpSocket;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mapping {
    /// The mapped address is the local one: no NAT on this path.
    NoNat,
    EndpointIndependent,
    AddressDependent,
    AddressAndPortDependent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filtering {
    EndpointIndependent,
    AddressDependent,
    AddressAndPortDependent,
}

impl Mapping {
    pub fn describe(self) -> &'static str {
        match self {
            Mapping::NoNat => "no NAT (mapped address = local address)",
            Mapping::EndpointIndependent => "endpoint-independent mapping (a typical home router)",
            Mapping::AddressDependent => "address-dependent mapping",
            Mapping::AddressAndPortDependent => "address-and-port-dependent mapping (a \"symmetric\" NAT)",
        }
    }

    /// What this means for the Realtime API, which answers with public host candidates.
    pub fn meaning(self) -> &'static str {
        match self {
            Mapping::NoNat | Mapping::EndpointIndependent => {
                "srflx candidates are reusable by any peer: fine for the Realtime API and for peer-to-peer"
            }
            Mapping::AddressDependent | Mapping::AddressAndPortDependent => {
                "the srflx candidate only fits the STUN server, but OpenAI's media servers offer public host candidates, \
                 so ICE still connects through a peer-reflexive candidate whenever outbound UDP 3478 (or TCP 443) is \
                 allowed; TURN is needed only when both ends are behind such NATs (peer-to-peer) or UDP is blocked"
            }
        }
    }
}

impl Filtering {
    pub fn describe(self) -> &'static str {
        match self {
            Filtering::EndpointIndependent => "endpoint-independent filtering",
            Filtering::AddressDependent => "address-dependent filtering",
            Filtering::AddressAndPortDependent => "address-and-port-dependent filtering",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Behaviour {
    pub mapping: Option<Mapping>,
    pub filtering: Option<Filtering>,
    /// What could not be determined, and why.
    pub notes: Vec<String>,
}

/// One Binding transaction on an unconnected socket (replies may come from another address).
async fn binding(sock: &UdpSocket, to: SocketAddr, change: Option<(bool, bool)>, until: Instant) -> Option<msg::Reply> {
    let attrs = change.map(|(ip, port)| vec![msg::change_request(ip, port)]).unwrap_or_default();
    let (tid, bytes) = msg::request(BINDING, attrs, None);
    let end = tokio::time::Instant::from_std(until);
    let mut rto = crate::stun::conn::RTO;
    let mut buf = vec![0u8; 2048];
    loop {
        if tokio::time::Instant::now() >= end || sock.send_to(&bytes, to).await.is_err() {
            return None;
        }
        let wait = (tokio::time::Instant::now() + rto).min(end);
        rto *= 2;
        while let Ok(Ok((n, _from))) = tokio::time::timeout_at(wait, sock.recv_from(&mut buf)).await {
            if msg::transaction_id(&buf[..n]) == Some(*tid.as_bytes())
                && let Ok(m) = msg::decode(&buf[..n], None)
            {
                return Some(msg::read(&m));
            }
        }
    }
}

/// Run both tests (concurrently, on separate sockets) within `deadline`. `local_ip` is this host's
/// address on the path to the server, to recognise "no NAT".
pub async fn discover(
    primary: SocketAddr,
    other: SocketAddr,
    local_ip: std::net::IpAddr,
    deadline: Instant,
) -> Behaviour {
    let mapping = async {
        let sock = crate::stun::conn::udp_socket(primary, None, crate::stun::conn::Port::Own).ok()?;
        let port = sock.local_addr().ok()?.port();
        let m1 = binding(&sock, primary, None, deadline).await?.mapped?;
        if m1 == SocketAddr::new(local_ip, port) {
            return Some(Ok(Mapping::NoNat));
        }
        let m2 = binding(&sock, SocketAddr::new(other.ip(), primary.port()), None, deadline).await?.mapped?;
        if m2 == m1 {
            return Some(Ok(Mapping::EndpointIndependent));
        }
        let m3 = binding(&sock, other, None, deadline).await?.mapped?;
        Some(Ok::<_, String>(if m3 == m2 { Mapping::AddressDependent } else { Mapping::AddressAndPortDependent }))
    };
    let filtering = async {
        let sock = crate::stun::conn::udp_socket(primary, None, crate::stun::conn::Port::Own).ok()?;
        binding(&sock, primary, None, deadline).await?;
        // A missing reply is the answer here, so each probe gets a short, fixed share of the time.
        let share = deadline.saturating_duration_since(Instant::now()) / 2;
        let probe_until = Instant::now() + share.min(Duration::from_millis(1500));
        if binding(&sock, primary, Some((true, true)), probe_until).await.is_some() {
            return Some(Filtering::EndpointIndependent);
        }
        let probe_until = Instant::now() + share.min(Duration::from_millis(1500));
        Some(if binding(&sock, primary, Some((false, true)), probe_until).await.is_some() {
            Filtering::AddressDependent
        } else {
            Filtering::AddressAndPortDependent
        })
    };
    let (m, f) = tokio::join!(mapping, filtering);
    let mut b = Behaviour::default();
    match m {
        Some(Ok(m)) => b.mapping = Some(m),
        _ => b.notes.push("mapping behaviour undetermined (a test got no reply)".into()),
    }
    match f {
        Some(f) => b.filtering = Some(f),
        None => b.notes.push("filtering behaviour undetermined (no reply to the first test)".into()),
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symmetric_nat_is_not_declared_hopeless() {
        let m = Mapping::AddressAndPortDependent.meaning();
        assert!(m.contains("peer-reflexive") && m.contains("TURN is needed only when"), "{m}");
        assert!(!m.contains("always"));
    }
}
