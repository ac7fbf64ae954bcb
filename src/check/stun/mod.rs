//! The STUN check: each configured server, concurrently, over its transport; the mapped address
//! (srflx candidate), RTTs, and what the answers say about NAT and firewalls (RFC 8489, RFC 5780).

mod cause;
pub mod nat;

pub use cause::{StunCause, StunKind};

use crate::args::OptionGroup;
use crate::check::kind::CauseTable;
use crate::check::{CheckSpec, Ctx, Outcome, check_fn};
use crate::report::{Candidate, CandidateType, CheckId, CheckResult, Side};
use crate::stun::conn::{Answer, Conn, TxError};
use crate::stun::msg::{self, BINDING};
use crate::stun::{IceUrl, Transport};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Binding requests per server: enough for a min and a median, few enough to stay fast.
const SAMPLES: usize = 3;

pub const SPEC: CheckSpec = CheckSpec {
    title: "STUN reachability and NAT",
    about: "Check STUN reachability and NAT behaviour (RFC 8489, RFC 5780)",
    waits: "3 s for every server at once (RFC 8489 retransmissions from 500 ms, capped), and the NAT \
            filtering tests up to 1.5 s each (a filtering NAT's silence is the answer)",
    budget: |_| Duration::from_secs(3),
    budget_text: "3s",
    needs: &[],
    after: &[],
    options: &[OptionGroup::Ice],
    in_selftest: true,
    in_browser: false,
    stage: "STUN",
    causes: CauseTable(&[cause::CAUSES]),
    run: check_fn!(run),
};

/// What one server said (and what probing it showed).
#[derive(Debug, Clone)]
pub struct ServerProbe {
    pub url: IceUrl,
    pub addr: Option<SocketAddr>,
    pub dns: Option<Duration>,
    pub local: Option<SocketAddr>,
    pub mapped: Option<SocketAddr>,
    pub rtts: Vec<Duration>,
    pub other_address: Option<SocketAddr>,
    pub failure: Option<Failure>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Dns(String),
    Tx(TxError),
    Error(u16, String),
    NoMapped,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Dns(e) => write!(f, "DNS: {e}"),
            Failure::Tx(e) => write!(f, "{e}"),
            Failure::Error(code, reason) => write!(f, "error {code} {reason}"),
            Failure::NoMapped => f.write_str("no mapped address in the reply"),
        }
    }
}

impl ServerProbe {
    pub fn new(url: IceUrl) -> ServerProbe {
        ServerProbe {
            url,
            addr: None,
            dns: None,
            local: None,
            mapped: None,
            rtts: Vec::new(),
            other_address: None,
            failure: None,
        }
    }
}

pub async fn run(ctx: &Ctx) -> CheckResult {
    let mut out = Outcome::new(CheckId::Stun);
    let s = &ctx.settings;
    if s.stun_is_default {
        out.evidence.detail("servers", "built-in defaults (pass --stun to test your app's servers)");
    }
    let tls = crate::net::tls::client_config(s.ca_cert.as_deref(), crate::net::tls::Alpn::None).ok().map(Arc::new);
    let reports = probe_all(&s.stun, tls, ctx.deadline).await;
    record(&mut out, &reports);
    let verdict = judge(&reports);

    // RFC 5780 discovery, when a server offers a second address and we are not out of time.
    let mut nat_note = None;
    if let Some(r) =
        reports.iter().find(|r| r.failure.is_none() && r.url.transport == Transport::Udp && r.other_address.is_some())
        && let (Some(primary), Some(other), Some(local)) = (r.addr, r.other_address, r.local)
        && other.ip() != primary.ip()
    {
        let b = nat::discover(primary, other, local.ip(), ctx.deadline).await;
        if let Some(m) = b.mapping {
            out.evidence.detail("nat_mapping", m.describe());
            out.evidence.detail("nat_meaning", m.meaning());
            // "no NAT" is already in the summary from the mapped addresses.
            if m != nat::Mapping::NoNat {
                nat_note = Some(m.describe());
            }
        }
        if let Some(f) = b.filtering {
            out.evidence.detail("nat_filtering", f.describe());
        }
        for n in b.notes {
            out.evidence.detail("nat_note", n);
        }
    }

    out.judged(verdict.map(|(summary, warning)| match nat_note {
        Some(n) => (format!("{summary}; {n}"), warning),
        None => (summary, warning),
    }))
}

/// Probe every server concurrently. UDP servers share one local port, so their mapped addresses
/// can be compared: different mappings for the same local endpoint mean the NAT's mapping depends
/// on the destination (RFC 5780 §4.3 without needing OTHER-ADDRESS).
pub async fn probe_all(urls: &[IceUrl], tls: Option<Arc<rustls::ClientConfig>>, deadline: Instant) -> Vec<ServerProbe> {
    let resolved = resolve_all(urls, deadline).await;
    let conns = open_shared_udp(urls, &resolved).await;
    let tasks = urls
        .iter()
        .zip(resolved)
        .zip(conns)
        .map(|((u, (addr, dns)), conn)| probe_server(u, addr, dns, conn, tls.clone(), deadline));
    futures_util::future::join_all(tasks).await
}

/// A server's address (or why there is none) and how long the lookup took.
type Resolved = (Result<SocketAddr, String>, Duration);

/// Resolve every server's name at once, all bounded by `deadline`, in the order of `urls`.
async fn resolve_all(urls: &[IceUrl], deadline: Instant) -> Vec<Resolved> {
    let until = tokio::time::Instant::from_std(deadline);
    futures_util::future::join_all(urls.iter().map(|u| resolve(u, until))).await
}

/// One server's name to one address, timed: the DNS time is reported next to the RTTs.
async fn resolve(u: &IceUrl, until: tokio::time::Instant) -> Resolved {
    let start = Instant::now();
    let r = tokio::time::timeout_at(until, tokio::net::lookup_host((u.host.as_str(), u.port))).await;
    let addr = match r {
        Err(_) => Err("no answer from the resolver".to_owned()),
        Ok(Err(e)) => Err(e.to_string()),
        // IPv4 first: it is what most STUN deployments and NATs are about.
        Ok(Ok(a)) => {
            let all: Vec<SocketAddr> = a.collect();
            all.iter().find(|a| a.is_ipv4()).or(all.first()).copied().ok_or_else(|| "no addresses".to_owned())
        }
    };
    (addr, start.elapsed())
}

/// The UDP servers' sockets, opened before any probe starts so that they can share a local port;
/// `None` where the server did not resolve or is reached over TCP or TLS (opened by its probe).
async fn open_shared_udp(urls: &[IceUrl], resolved: &[Resolved]) -> Vec<Option<Result<Conn, TxError>>> {
    // One shared local port for the UDP servers (each socket connected to its own server).
    let mut shared_port: Option<u16> = None;
    let mut seen = std::collections::HashSet::new();
    let mut conns = Vec::new();
    for (u, (addr, _)) in urls.iter().zip(resolved) {
        let conn = match (addr, u.transport) {
            (Ok(a), Transport::Udp) => {
                let reuse = seen.insert(*a);
                let bind = shared_port.filter(|_| reuse).map(|p| SocketAddr::new(unspecified(a), p));
                let sock = connect_udp(*a, bind).await;
                if let Ok(connected) = &sock
                    && shared_port.is_none()
                {
                    shared_port = connected.local_addr().ok().map(|l| l.port());
                }
                Some(sock.map(Conn::Udp))
            }
            _ => None,
        };
        conns.push(conn);
    }
    conns
}

/// A UDP socket that may share its local port, bound to `bind` (any port when `None`) and
/// connected to `server`, so that an ICMP port unreachable reads as "rejected".
async fn connect_udp(server: SocketAddr, bind: Option<SocketAddr>) -> Result<tokio::net::UdpSocket, TxError> {
    let sock = crate::stun::conn::udp_socket(server, bind, crate::stun::conn::Port::Shared)
        .map_err(|e| TxError::Io(e.to_string()))?;
    sock.connect(server).await.map_err(|e| TxError::Io(e.to_string()))?;
    Ok(sock)
}

/// One server, start to finish: its DNS answer, a connection (the shared UDP socket, or one of
/// its own over TCP or TLS), then the Binding samples.
async fn probe_server(
    u: &IceUrl,
    addr: Result<SocketAddr, String>,
    dns: Duration,
    conn: Option<Result<Conn, TxError>>,
    tls: Option<Arc<rustls::ClientConfig>>,
    deadline: Instant,
) -> ServerProbe {
    let mut r = ServerProbe::new(u.clone());
    let addr = match addr {
        Ok(a) => a,
        Err(e) => {
            r.failure = Some(Failure::Dns(e));
            return r;
        }
    };
    r.addr = Some(addr);
    r.dns = Some(dns);
    let conn = match conn {
        Some(c) => c,
        None => Conn::open(u.transport, addr, None, tls.map(|t| (t, u.host.clone())), deadline).await,
    };
    let mut conn = match conn {
        Ok(c) => c,
        Err(e) => {
            r.failure = Some(Failure::Tx(e));
            return r;
        }
    };
    r.local = conn.local_addr();
    sample_bindings(&mut r, &mut conn, deadline).await;
    r
}

/// Send up to [`SAMPLES`] Binding requests, one after another, into `r`: the first failure ends
/// the sampling, and is the server's failure unless an earlier sample was answered.
async fn sample_bindings(r: &mut ServerProbe, conn: &mut Conn, deadline: Instant) {
    for i in 0..SAMPLES {
        let (tid, bytes) = msg::request(BINDING, vec![], None);
        match conn.transact(&tid, &bytes, None, deadline).await {
            Ok(a) => {
                if let Err(f) = take_answer(r, &a) {
                    r.failure = Some(f);
                    break;
                }
            }
            // A later sample lost is not a failure once the server has answered.
            Err(_) if i > 0 => break,
            Err(e) => {
                r.failure = Some(Failure::Tx(e));
                break;
            }
        }
    }
}

/// Classify one Binding answer: an error response or a success without a mapped address is a
/// failure; otherwise its mapped address, OTHER-ADDRESS and RTT go into `r`.
fn take_answer(r: &mut ServerProbe, a: &Answer) -> Result<(), Failure> {
    if let Some((code, reason)) = a.reply.error.clone().filter(|_| !a.reply.success) {
        return Err(Failure::Error(code, reason));
    }
    let Some(mapped) = a.reply.mapped else {
        return Err(Failure::NoMapped);
    };
    r.mapped = Some(mapped);
    r.other_address = a.reply.other_address.or(r.other_address);
    // Only unambiguous samples count towards the RTT (RFC 6298 §3, Karn).
    if a.sent == 1 {
        r.rtts.push(a.rtt);
    }
    Ok(())
}

fn unspecified(a: &SocketAddr) -> std::net::IpAddr {
    if a.is_ipv4() { std::net::Ipv4Addr::UNSPECIFIED.into() } else { std::net::Ipv6Addr::UNSPECIFIED.into() }
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 1.0 { format!("{ms:.2} ms") } else { format!("{ms:.1} ms") }
}

/// (min, median) of the RTT samples.
pub fn rtt_stats(rtts: &[Duration]) -> Option<(Duration, Duration)> {
    let mut v = rtts.to_vec();
    v.sort();
    Some((*v.first()?, v[v.len() / 2]))
}

fn record(out: &mut Outcome, reports: &[ServerProbe]) {
    let mut hosts = Vec::new();
    for r in reports {
        let name = r.url.to_string();
        let value = match (&r.failure, r.mapped) {
            (Some(f), _) => match r.addr {
                Some(addr) => format!("{addr}: {f}"),
                // No address: the DNS error says it all.
                None => f.to_string(),
            },
            (None, Some(m)) => {
                let rtt = rtt_stats(&r.rtts)
                    .map(|(min, med)| format!(", rtt min {} median {}", ms(min), ms(med)))
                    .unwrap_or_default();
                let local = r.local.map(|l| format!(" from {l}")).unwrap_or_default();
                let other = r.other_address.map(|o| format!(", OTHER-ADDRESS {o}")).unwrap_or_default();
                format!(
                    "{} answers over {}{local}: mapped {m}{rtt}{other}",
                    r.addr.map(|a| a.to_string()).unwrap_or_default(),
                    r.url.transport
                )
            }
            (None, None) => "no answer".into(),
        };
        out.evidence.detail(name.clone(), value);
        if let Some(d) = r.dns {
            out.evidence.timing(format!("dns {}", r.url.host), d);
        }
        if let Some((min, _)) = rtt_stats(&r.rtts) {
            out.evidence.timing(format!("rtt {}:{}", r.url.host, r.url.port), min);
        }
        let proto = r.url.transport.protocol();
        if let Some(l) = r.local
            && !hosts.contains(&l)
        {
            hosts.push(l);
            out.evidence.candidates.push(Candidate::new(CandidateType::Host, proto, l, Side::Local));
        }
        // A mapping equal to the local address is a host candidate, not a server-reflexive one.
        if let Some(m) = r.mapped.filter(|m| r.local != Some(*m)) {
            out.evidence.candidates.push(Candidate::new(CandidateType::Srflx, proto, m, Side::Local).from(name));
        }
    }
}

/// The verdict over all servers: the summary and an optional warning, or the cause of failure.
pub fn judge(reports: &[ServerProbe]) -> Result<(String, Option<StunCause>), StunCause> {
    let ok: Vec<&ServerProbe> = reports.iter().filter(|r| r.failure.is_none() && r.mapped.is_some()).collect();
    let failed: Vec<&ServerProbe> = reports.iter().filter(|r| r.failure.is_some()).collect();
    if ok.is_empty() {
        return Err(all_failed(&failed));
    }
    let mut parts = vec![format!("{}/{} server(s) answer", ok.len(), reports.len())];
    let mapped: Vec<SocketAddr> = ok.iter().filter_map(|r| r.mapped).collect();
    let udp: Vec<&&ServerProbe> = ok.iter().filter(|r| r.url.transport == Transport::Udp).collect();
    let natted = ok.iter().any(|r| r.local.is_some_and(|l| Some(l) != r.mapped));
    let first = mapped[0];
    if ok.iter().all(|r| r.local.is_some() && r.local == r.mapped) {
        parts.push(format!("no NAT (mapped address {first} is the local address)"));
    } else if natted {
        parts.push(format!("behind NAT: srflx {first}"));
    } else {
        parts.push(format!("srflx {first}"));
    }
    let mut distinct: Vec<SocketAddr> = udp.iter().filter_map(|r| r.mapped).collect();
    distinct.sort();
    distinct.dedup();
    if distinct.len() > 1 {
        parts.push(format!(
            "servers see {} different mappings of one local port: the NAT's mapping depends on the destination (address-dependent)",
            distinct.len()
        ));
    }
    let all_rtts: Vec<Duration> = ok.iter().flat_map(|r| r.rtts.iter().copied()).collect();
    if let Some((min, med)) = rtt_stats(&all_rtts) {
        parts.push(format!("rtt min {} median {}", ms(min), ms(med)));
    }
    let warning = (!failed.is_empty()).then(|| StunCause::SomeFailed {
        failed: failed.len(),
        total: reports.len(),
        which: failed
            .iter()
            .map(|r| format!("{}: {}", r.url, r.failure.as_ref().expect("failed")))
            .collect::<Vec<_>>()
            .join("; "),
    });
    Ok((parts.join("; "), warning))
}

fn all_failed(failed: &[&ServerProbe]) -> StunCause {
    let f = |r: &&ServerProbe| r.failure.clone().expect("failed");
    let all = |p: &dyn Fn(&Failure) -> bool| !failed.is_empty() && failed.iter().all(|r| p(&f(r)));
    let udp_only = failed.iter().all(|r| r.url.transport == Transport::Udp);
    if all(&|x| matches!(x, Failure::Dns(_))) {
        // Group hosts by error: offline, every name fails the same way.
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        for r in failed {
            let Failure::Dns(e) = f(r) else { continue };
            match groups.iter_mut().find(|(err, _)| *err == e) {
                Some((_, hosts)) => hosts.push(r.url.host.clone()),
                None => groups.push((e, vec![r.url.host.clone()])),
            }
        }
        let detail =
            groups.into_iter().map(|(e, hosts)| format!("{}: {e}", hosts.join(", "))).collect::<Vec<_>>().join("; ");
        return StunCause::Dns { detail };
    }
    // Servers whose names resolved decide the network verdict.
    let reached: Vec<&&ServerProbe> = failed.iter().filter(|r| !matches!(f(r), Failure::Dns(_))).collect();
    let reached_all = |p: &dyn Fn(&Failure) -> bool| reached.iter().all(|r| p(&f(r)));
    if let Some(r) = reached
        .iter()
        .find(|r| matches!(f(r), Failure::Tx(TxError::Malformed(_)) | Failure::Tx(TxError::Mismatched { .. })))
    {
        return StunCause::NotStun { server: r.url.to_string(), what: f(r).to_string() };
    }
    if let Some(r) = reached.iter().find(|r| matches!(f(r), Failure::Error(..)))
        && let Failure::Error(code, reason) = f(r)
    {
        return StunCause::ErrorResponse { server: r.url.to_string(), code, reason };
    }
    if let Some(r) = reached.iter().find(|r| f(r) == Failure::NoMapped) {
        return StunCause::NoMappedAddress { server: r.url.to_string() };
    }
    if udp_only && reached_all(&|x| matches!(x, Failure::Tx(TxError::Timeout { .. }))) {
        return StunCause::UdpBlocked { servers: reached.len() };
    }
    if udp_only && reached_all(&|x| matches!(x, Failure::Tx(TxError::Refused))) {
        return StunCause::UdpRejected;
    }
    if failed.iter().all(|r| r.url.transport != Transport::Udp) {
        return StunCause::StreamBlocked;
    }
    StunCause::AllFailed {
        detail: failed.iter().map(|r| format!("{}: {}", r.url, f(r))).collect::<Vec<_>>().join("; "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Diagnosis;
    use crate::report::Status;
    use crate::stun::msg;
    use crate::testing::props;
    use proptest::prelude::*;

    /// Replies a server could send to a Binding request: real ones with a byte changed or cut
    /// short, other protocols' first bytes, and noise. `tid` is filled in when asked.
    fn reply_bytes() -> impl Strategy<Value = (Vec<u8>, bool)> {
        let mapped = msg::xor_mapped("198.51.100.7:40000".parse().unwrap());
        let templates = vec![
            msg::response(BINDING, [0; 12], None, vec![mapped.clone()], None),
            msg::response(BINDING, [0; 12], Some((400, "Bad Request")), vec![], None),
            msg::response(BINDING, [0; 12], None, vec![], None),
            b"HTTP/1.1 400 Bad Request\r\n\r\n".to_vec(),
        ];
        let mutated = (prop::sample::select(templates), any::<prop::sample::Index>(), any::<u8>(), 0usize..4).prop_map(
            |(mut b, at, byte, how)| {
                let i = at.index(b.len());
                match how {
                    0 => b[i] = byte,
                    1 => b.truncate(i),
                    2 => b.extend(std::iter::repeat_n(byte, i)),
                    _ => {}
                }
                b
            },
        );
        (prop_oneof![mutated, prop::collection::vec(any::<u8>(), 0..300)], any::<bool>())
    }

    #[test]
    fn prop_any_reply_ends_in_a_verdict_with_a_cause() {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        props::check("stun reply on a stream", reply_bytes(), |(mut reply, same_tid)| {
            let url = IceUrl::parse("stun:192.0.2.1:3478?transport=tcp").unwrap();
            let probe = rt.block_on(async {
                let (client, mut server) = tokio::io::duplex(1 << 16);
                let mut conn = Conn::Stream { io: Box::new(client), buf: Vec::new(), local: None };
                let (tid, request) = msg::request(BINDING, vec![], None);
                if same_tid && reply.len() >= 20 {
                    reply[8..20].copy_from_slice(tid.as_bytes());
                }
                // The server reads the request, answers, and hangs up.
                tokio::spawn(async move {
                    let mut req = [0u8; 20];
                    if tokio::io::AsyncReadExt::read_exact(&mut server, &mut req).await.is_ok() {
                        let _ = tokio::io::AsyncWriteExt::write_all(&mut server, &reply).await;
                    }
                });
                let deadline = Instant::now() + Duration::from_millis(200);
                let mut p = ServerProbe::new(url);
                match conn.transact(&tid, &request, None, deadline).await {
                    Err(e) => p.failure = Some(Failure::Tx(e)),
                    Ok(a) if !a.reply.success => {
                        let (code, reason) = a.reply.error.unwrap_or((0, String::new()));
                        p.failure = Some(Failure::Error(code, reason));
                    }
                    Ok(a) => match a.reply.mapped {
                        Some(m) => p.mapped = Some(m),
                        None => p.failure = Some(Failure::NoMapped),
                    },
                }
                p
            });
            match judge(std::slice::from_ref(&probe)) {
                Ok((summary, _)) => prop_assert!(probe.mapped.is_some() && !summary.is_empty()),
                Err(cause) => {
                    prop_assert_eq!(cause.status(), Status::Fail);
                    prop_assert!(cause.fix().text.len() > 20 && !cause.to_string().is_empty());
                }
            }
            Ok(())
        });
    }
}
