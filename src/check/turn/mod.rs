//! The TURN check: for each configured URL (server and transport), concurrently: Allocate with the
//! long-term credential mechanism, prove the relay relays (two allocations exchange data through
//! it), report the relay candidate and timings, and release the allocations (RFC 8656).

mod cause;

pub use cause::{TurnCause, TurnKind};

use crate::args::OptionGroup;
use crate::check::kind::CauseTable;
use crate::check::{CheckSpec, Ctx, Outcome, check_fn};
use crate::report::{Candidate, CandidateType, CheckId, CheckResult, Protocol, Side};
use crate::secret::Secret;
use crate::settings::TurnAuth;
use crate::stun::conn::{Conn, TxError};
use crate::stun::turn::{self as client, AllocError, Allocation};
use crate::stun::{IceUrl, Transport};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// TURN REST credentials are made valid for a day, as coturn's examples do.
const REST_TTL: Duration = Duration::from_secs(86_400);

/// A TURN server silent this long to an Allocate is unreachable: RFC 8489's retransmissions from
/// 500 ms have sent three requests by then, and a healthy server answers the first in one round trip.
pub const ANSWER_LIMIT: Duration = Duration::from_secs(3);

pub const SPEC: CheckSpec = CheckSpec {
    title: "TURN relay",
    about: "Check TURN allocation and that the relay really relays (RFC 8656)",
    waits: "3 s for the first answer to an Allocate (or the TCP/TLS connection), then the rest of the \
            check's budget for the second allocation, permissions and the relayed round trip",
    budget: |_| Duration::from_secs(5),
    budget_text: "5s",
    needs: &[],
    after: &[],
    options: &[OptionGroup::Ice],
    in_selftest: true,
    in_browser: false,
    stage: "TURN",
    causes: CauseTable(&[cause::CAUSES]),
    run: check_fn!(run),
};

/// The TURN credentials the settings give, as (username, password); TURN REST credentials are
/// derived here, and their password registered as a secret of the run.
pub fn credentials(ctx: &Ctx) -> Option<(String, Secret)> {
    match &ctx.settings.turn_auth {
        Some(TurnAuth::Static { username, password }) => Some((username.clone(), password.clone())),
        Some(TurnAuth::Rest { secret, user }) => {
            let (u, p) = client::rest_credentials(secret.expose(), user, REST_TTL);
            ctx.secrets.lock().expect("secrets lock").add(&p);
            Some((u, Secret::password(p)))
        }
        None => None,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Dns(String),
    Connect(TxError),
    Alloc(AllocError),
    /// Allocated, but the data did not make the round trip.
    Relay(String),
}

#[derive(Debug, Clone)]
pub struct UrlProbe {
    pub url: IceUrl,
    pub addr: Option<SocketAddr>,
    pub realm: Option<String>,
    pub relayed: Option<SocketAddr>,
    pub mapped: Option<SocketAddr>,
    pub lifetime: Option<u32>,
    pub relay_rtt: Option<Duration>,
    pub timings: Vec<(&'static str, Duration)>,
    pub failure: Option<Failure>,
}

impl UrlProbe {
    pub fn new(url: IceUrl) -> UrlProbe {
        UrlProbe {
            url,
            addr: None,
            realm: None,
            relayed: None,
            mapped: None,
            lifetime: None,
            relay_rtt: None,
            timings: Vec::new(),
            failure: None,
        }
    }
}

pub async fn run(ctx: &Ctx) -> CheckResult {
    let mut out = Outcome::new(CheckId::Turn);
    let s = &ctx.settings;
    if s.turn.is_empty() {
        return out.skip("no TURN server configured (OpenAI's SDKs use none); pass --turn URL to test your app's");
    }
    let creds = credentials(ctx);
    if let Some((u, _)) = &creds {
        if matches!(s.turn_auth, Some(TurnAuth::Rest { .. })) {
            out.evidence.detail("turn_credentials", format!("TURN REST, username {u}"));
        }
        out.evidence.detail("turn_username", u);
    }
    let tls = crate::net::tls::client_config(s.ca_cert.as_deref(), crate::net::tls::Alpn::None).ok().map(Arc::new);
    let first_answer = ctx.wait(ANSWER_LIMIT).until;
    let probes = futures_util::future::join_all(
        s.turn.iter().map(|u| probe(u, creds.clone(), tls.clone(), first_answer, ctx.deadline)),
    )
    .await;
    record(&mut out, &probes);
    out.judged(judge(&probes))
}

/// One URL, start to finish; never leaves an allocation behind when it got one. The server must
/// have answered by `first_answer`; everything is over by `deadline`.
pub async fn probe(
    url: &IceUrl,
    creds: Option<(String, Secret)>,
    tls: Option<Arc<rustls::ClientConfig>>,
    first_answer: Instant,
    deadline: Instant,
) -> UrlProbe {
    let mut r = UrlProbe::new(url.clone());
    let addr = match resolve(url, deadline).await {
        Ok(addr) => addr,
        Err(f) => {
            r.failure = Some(f);
            return r;
        }
    };
    r.addr = Some(addr);
    let creds_ref = creds.as_ref().map(|(u, p)| (u.as_str(), p.expose()));
    let Some(mut a) = first_allocation(&mut r, url, addr, creds_ref, &tls, first_answer, deadline).await else {
        return r;
    };

    // The second allocation is the peer: relay-to-relay works wherever the relay itself works.
    let mut b = match peer_allocation(url, addr, creds_ref, &tls, deadline).await {
        Ok(b) => b,
        Err(e) => {
            r.failure =
                Some(Failure::Relay(format!("a second allocation for the relay test failed: {}", alloc_words(&e))));
            a.release().await;
            return r;
        }
    };
    test_relay(&mut r, &mut a, &mut b, deadline).await;
    tokio::join!(a.release(), b.release());
    r
}

/// The server's first IPv4 address, looked up by `deadline`, or the DNS failure.
async fn resolve(url: &IceUrl, deadline: Instant) -> Result<SocketAddr, Failure> {
    let until = tokio::time::Instant::from_std(deadline);
    let addr = match tokio::time::timeout_at(until, tokio::net::lookup_host((url.host.as_str(), url.port))).await {
        Ok(Ok(mut a)) => a.find(|a| a.is_ipv4()),
        Ok(Err(e)) => return Err(Failure::Dns(e.to_string())),
        Err(_) => None,
    };
    addr.ok_or_else(|| Failure::Dns("no IPv4 address before the deadline".into()))
}

/// Connect and Allocate, both answered by `first_answer`: the timings and what the allocation
/// says go into `r`. `None` (with `r.failure` saying why) when there is no allocation to release.
async fn first_allocation(
    r: &mut UrlProbe,
    url: &IceUrl,
    addr: SocketAddr,
    creds: Option<(&str, &str)>,
    tls: &Option<Arc<rustls::ClientConfig>>,
    first_answer: Instant,
    deadline: Instant,
) -> Option<Allocation> {
    let start = Instant::now();
    let conn =
        match Conn::open(url.transport, addr, None, tls.clone().map(|t| (t, url.host.clone())), first_answer).await {
            Ok(c) => c,
            Err(e) => {
                r.failure = Some(Failure::Connect(e));
                return None;
            }
        };
    if url.transport != Transport::Udp {
        r.timings.push(("connect", start.elapsed()));
    }
    let start = Instant::now();
    let a = match client::allocate(conn, creds, first_answer, deadline).await {
        Ok(a) => a,
        Err((e, realm)) => {
            r.realm = realm;
            r.failure = Some(Failure::Alloc(e));
            return None;
        }
    };
    r.timings.push(("allocate", start.elapsed()));
    r.realm = a.realm.clone();
    r.relayed = Some(a.relayed);
    r.mapped = a.mapped;
    r.lifetime = a.lifetime;
    Some(a)
}

/// The relay test's peer: a second allocation on a connection of its own, all by `deadline`.
async fn peer_allocation(
    url: &IceUrl,
    addr: SocketAddr,
    creds: Option<(&str, &str)>,
    tls: &Option<Arc<rustls::ClientConfig>>,
    deadline: Instant,
) -> Result<Allocation, AllocError> {
    match Conn::open(url.transport, addr, None, tls.clone().map(|t| (t, url.host.clone())), deadline).await {
        Ok(c) => client::allocate(c, creds, deadline, deadline).await.map_err(|(e, _)| e),
        Err(e) => Err(AllocError::Tx(e)),
    }
}

/// Prove the relay relays: permissions both ways, then a relayed round trip from A to B and back.
/// The timings go into `r`, and what failed into `r.failure`; the allocations stay open.
async fn test_relay(r: &mut UrlProbe, a: &mut Allocation, b: &mut Allocation, deadline: Instant) {
    let start = Instant::now();
    let permitted = async {
        a.permit(b.relayed.ip(), deadline).await?;
        b.permit(a.relayed.ip(), deadline).await
    };
    match permitted.await {
        Ok(()) => {
            r.timings.push(("permission", start.elapsed()));
            match relay_round_trip(a, b, deadline).await {
                Ok(rtt) => {
                    r.relay_rtt = Some(rtt);
                    r.timings.push(("relayed_rtt", rtt));
                }
                Err(why) => r.failure = Some(Failure::Relay(why)),
            }
        }
        Err(e) => r.failure = Some(Failure::Alloc(e)),
    }
}

/// A ping from A through both relays to B, and B's pong back: retried until the deadline, since
/// UDP may drop one.
async fn relay_round_trip(a: &mut Allocation, b: &mut Allocation, deadline: Instant) -> Result<Duration, String> {
    let (a_relay, b_relay) = (a.relayed, b.relayed);
    let mut attempt = 0u32;
    while Instant::now() < deadline {
        attempt += 1;
        let ping = format!("realtime-doctor ping {attempt}").into_bytes();
        let sent = Instant::now();
        let step = (Instant::now() + Duration::from_millis(1000)).min(deadline);
        a.send_to(b_relay, &ping).await.map_err(|e| e.to_string())?;
        match b.recv_data(step).await.map_err(|e| e.to_string())? {
            Some((from, data)) if data == ping => {
                if from != a_relay {
                    return Err(format!("data arrived from {from}, not from the relay {a_relay}"));
                }
                b.send_to(a_relay, b"realtime-doctor pong").await.map_err(|e| e.to_string())?;
                if let Some((_, data)) = a.recv_data(step).await.map_err(|e| e.to_string())?
                    && data == b"realtime-doctor pong"
                {
                    return Ok(sent.elapsed());
                }
            }
            _ => continue,
        }
    }
    Err(format!("data sent through the relay did not come back ({attempt} attempts)"))
}

fn alloc_words(e: &AllocError) -> String {
    match e {
        AllocError::Tx(t) => t.to_string(),
        AllocError::NeedsCredentials { realm } => format!("credentials required (realm {realm:?})"),
        AllocError::NoChallenge => "401 without a realm and nonce".into(),
        AllocError::Rejected { realm } => format!("credentials rejected (realm {realm:?})"),
        AllocError::StaleNonce => "438 Stale Nonce, again and again".into(),
        AllocError::BadIntegrity => "a reply with a bad MESSAGE-INTEGRITY".into(),
        AllocError::Error { code, reason } => format!("error {code} {reason}"),
        AllocError::NoRelayedAddress => "success without XOR-RELAYED-ADDRESS".into(),
        AllocError::Credentials(why) => format!("credentials not usable: {why}"),
    }
}

fn words(f: &Failure) -> String {
    match f {
        Failure::Dns(e) => format!("DNS: {e}"),
        Failure::Connect(e) => e.to_string(),
        Failure::Alloc(e) => alloc_words(e),
        Failure::Relay(why) => why.clone(),
    }
}

fn record(out: &mut Outcome, reports: &[UrlProbe]) {
    for r in reports {
        let name = r.url.to_string();
        // Say how far it got: reached (any STUN answer), authenticated (a relay allocated).
        let stage = match (&r.failure, r.relayed) {
            (_, Some(_)) => "reached, authenticated",
            (Some(Failure::Alloc(AllocError::Tx(_)) | Failure::Connect(_) | Failure::Dns(_)), None) => "not reached",
            (Some(_), None) => "reached, not authenticated",
            (None, None) => "reached",
        };
        let value = match (&r.failure, r.addr) {
            // The name did not resolve: there is no address, and the DNS error says it all.
            (Some(f @ Failure::Dns(_)), _) | (Some(f), None) => words(f),
            (Some(f), Some(addr)) => format!("{addr} {stage}: {}", words(f)),
            (None, addr) => format!(
                "{} {stage}: relay {} (lifetime {} s), relayed round trip {:.1} ms",
                addr.map(|a| a.to_string()).unwrap_or_default(),
                r.relayed.map(|a| a.to_string()).unwrap_or_default(),
                r.lifetime.unwrap_or(0),
                r.relay_rtt.unwrap_or_default().as_secs_f64() * 1000.0
            ),
        };
        out.evidence.detail(name.clone(), value);
        if let Some(realm) = &r.realm {
            out.evidence.detail(format!("{name} realm"), realm);
        }
        for (phase, d) in &r.timings {
            out.evidence.timing(format!("{phase} {}", r.url.transport), *d);
        }
        // The relayed address is UDP whatever carries the TURN messages (RFC 8656 §3.1).
        if let Some(relay) = r.relayed {
            out.evidence
                .candidates
                .push(Candidate::new(CandidateType::Relay, Protocol::Udp, relay, Side::Local).from(&name));
        }
        if let Some(m) = r.mapped {
            let srflx = Candidate::new(CandidateType::Srflx, r.url.transport.protocol(), m, Side::Local);
            out.evidence.candidates.push(srflx.from(name));
        }
    }
}

/// The verdict over all URLs.
pub fn judge(reports: &[UrlProbe]) -> Result<(String, Option<TurnCause>), TurnCause> {
    let ok: Vec<&UrlProbe> = reports.iter().filter(|r| r.failure.is_none()).collect();
    let failed: Vec<&UrlProbe> = reports.iter().filter(|r| r.failure.is_some()).collect();
    if ok.is_empty() {
        return Err(most_telling(&failed));
    }
    let mut transports: Vec<String> = ok.iter().map(|r| r.url.transport.to_string()).collect();
    transports.dedup();
    let best = ok.iter().filter_map(|r| r.relay_rtt).min().unwrap_or_default();
    let relay = ok[0].relayed.map(|a| a.to_string()).unwrap_or_default();
    let summary = format!(
        "TURN relays over {}: relay {relay}, relayed round trip {:.1} ms",
        transports.join(", "),
        best.as_secs_f64() * 1000.0
    );
    if failed.is_empty() {
        return Ok((summary, None));
    }
    let udp_dead = failed.iter().any(|r| {
        r.url.transport == Transport::Udp
            && matches!(
                r.failure,
                Some(Failure::Connect(_))
                    | Some(Failure::Alloc(AllocError::Tx(TxError::Timeout { .. } | TxError::Refused)))
            )
    });
    let stream_ok: Vec<&&UrlProbe> = ok.iter().filter(|r| r.url.transport != Transport::Udp).collect();
    if udp_dead && !stream_ok.is_empty() {
        let works: Vec<String> = stream_ok.iter().map(|r| r.url.to_string()).collect();
        return Ok((summary, Some(TurnCause::UdpBlockedStreamWorks { works: works.join(", ") })));
    }
    Ok((
        summary,
        Some(TurnCause::SomeFailed {
            failed: failed.len(),
            total: reports.len(),
            which: failed
                .iter()
                .map(|r| format!("{}: {}", r.url, words(r.failure.as_ref().expect("failed"))))
                .collect::<Vec<_>>()
                .join("; "),
        }),
    ))
}

/// When every URL failed, the cause that tells the user most: credentials and protocol errors
/// before "unreachable".
fn most_telling(failed: &[&UrlProbe]) -> TurnCause {
    for r in failed {
        let server = r.url.to_string();
        let cause = match r.failure.clone().expect("failed") {
            Failure::Alloc(AllocError::Rejected { realm }) => TurnCause::CredentialsRejected { server, realm },
            Failure::Alloc(AllocError::NeedsCredentials { realm }) => TurnCause::NoCredentials { server, realm },
            Failure::Alloc(AllocError::Error { code: 441, .. }) => TurnCause::WrongCredentials { server },
            Failure::Alloc(AllocError::Error { code: 437, .. }) => TurnCause::AllocationMismatch { server },
            Failure::Alloc(AllocError::Error { code: 486, .. }) => TurnCause::Quota { server },
            Failure::Alloc(AllocError::Error { code: 508, .. }) => TurnCause::Capacity { server },
            Failure::Alloc(AllocError::Error { code: 403, reason }) => TurnCause::Forbidden { server, what: reason },
            Failure::Alloc(AllocError::Error { code, reason }) => TurnCause::ErrorResponse { server, code, reason },
            Failure::Alloc(AllocError::StaleNonce) => TurnCause::StaleNonce { server },
            Failure::Alloc(AllocError::BadIntegrity)
            | Failure::Alloc(AllocError::Tx(TxError::Malformed(crate::stun::msg::Malformed::BadIntegrity))) => {
                TurnCause::BadIntegrity { server }
            }
            Failure::Alloc(AllocError::Tx(TxError::Malformed(m))) => {
                TurnCause::NotTurn { server, what: format!("answered with {m}") }
            }
            Failure::Alloc(AllocError::Tx(e @ TxError::Mismatched { .. })) => {
                TurnCause::NotTurn { server, what: e.to_string() }
            }
            Failure::Alloc(AllocError::NoChallenge) => {
                TurnCause::NotTurn { server, what: "answered 401 without a realm and nonce".into() }
            }
            Failure::Alloc(AllocError::Credentials(why)) => TurnCause::UnusableCredentials { server, why },
            Failure::Alloc(AllocError::NoRelayedAddress) => {
                TurnCause::NoRelay { server, why: "the Allocate success has no XOR-RELAYED-ADDRESS".into() }
            }
            Failure::Relay(why) => TurnCause::NoRelay { server, why },
            Failure::Connect(TxError::Io(e)) if e.starts_with("TLS") => TurnCause::Tls { server, error: e },
            _ => continue,
        };
        return cause;
    }
    if failed.iter().all(|r| matches!(r.failure, Some(Failure::Dns(_)))) {
        let r = failed[0];
        return TurnCause::Dns { host: r.url.host.clone(), error: words(r.failure.as_ref().expect("failed")) };
    }
    TurnCause::Unreachable {
        detail: failed
            .iter()
            .map(|r| format!("{}: {}", r.url, words(r.failure.as_ref().expect("failed"))))
            .collect::<Vec<_>>()
            .join("; "),
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
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// Replies to an Allocate: real ones (success, 401 challenge, error codes) with a byte changed
    /// or cut short, and noise; the first bytes of a reply carry the request's transaction id when
    /// `same_tid`.
    fn replies() -> impl Strategy<Value = (Vec<u8>, bool)> {
        let relay: SocketAddr = "198.51.100.9:50000".parse().unwrap();
        let templates = vec![
            msg::response(msg::ALLOCATE, [0; 12], None, vec![msg::xor_relayed(relay), msg::lifetime(60)], None),
            msg::response(
                msg::ALLOCATE,
                [0; 12],
                Some((401, "Unauthorized")),
                vec![msg::realm("r"), msg::nonce("n")],
                None,
            ),
            msg::response(msg::ALLOCATE, [0; 12], Some((486, "Allocation Quota Reached")), vec![], None),
            msg::response(msg::ALLOCATE, [0; 12], None, vec![], None),
        ];
        let mutated = (prop::sample::select(templates), any::<prop::sample::Index>(), any::<u8>(), any::<bool>())
            .prop_map(|(mut b, at, byte, cut)| {
                let i = at.index(b.len());
                if cut {
                    b.truncate(i)
                } else {
                    b[i] = byte
                }
                b
            });
        (prop_oneof![mutated, prop::collection::vec(any::<u8>(), 0..200)], any::<bool>())
    }

    #[test]
    fn prop_any_answer_to_an_allocate_ends_in_a_cause() {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        props::check("turn reply on a stream", replies(), |(mut reply, same_tid)| {
            let failure = rt.block_on(async {
                let (client, mut server) = tokio::io::duplex(1 << 16);
                tokio::spawn(async move {
                    let mut request = [0u8; 20];
                    if server.read_exact(&mut request).await.is_ok() && same_tid && reply.len() >= 20 {
                        reply[8..20].copy_from_slice(&request[8..20]);
                    }
                    let _ = server.write_all(&reply).await;
                });
                let conn = Conn::Stream { io: Box::new(client), buf: Vec::new(), local: None };
                let deadline = Instant::now() + Duration::from_millis(300);
                match client::allocate(conn, Some(("user", "pass")), deadline, deadline).await {
                    Ok(a) => {
                        a.release().await;
                        None
                    }
                    Err((e, _)) => Some(Failure::Alloc(e)),
                }
            });
            let Some(failure) = failure else { return Ok(()) };
            let mut probe = UrlProbe::new(IceUrl::parse("turn:192.0.2.1:3478?transport=tcp").unwrap());
            probe.failure = Some(failure);
            let cause = judge(&[probe]).expect_err("a failure is never a pass");
            prop_assert_eq!(cause.status(), Status::Fail);
            prop_assert!(cause.fix().text.len() > 20 && !cause.to_string().is_empty());
            Ok(())
        });
    }
}
