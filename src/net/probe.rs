//! A timed connection probe: DNS, TCP connect, proxy CONNECT, TLS and time to first byte, each
//! measured on one real connection to the API host, so a failure names its phase.
//!
//! reqwest hides these phases, so the probe makes its own connection first. It sends one
//! unauthenticated `GET /v1/models` (no key is ever sent on the probe connection) and reads only
//! the first bytes of the answer; classifying the answer is the HTTP client's job.

use super::tls::{ChainInfo, Recorder};
use crate::wait::Wait;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout_at;
use url::Url;

/// Why the probe could not get an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum ProbeFailure {
    Dns {
        host: String,
        error: String,
    },
    Refused {
        addr: SocketAddr,
        via_proxy: bool,
    },
    Unreachable {
        addr: SocketAddr,
        error: String,
        via_proxy: bool,
    },
    ConnectTimeout {
        addrs: Vec<SocketAddr>,
        via_proxy: bool,
        wait: Wait,
    },
    ProxyAuthRequired,
    ProxyRefused {
        status: u16,
    },
    Tls(TlsFailure),
    /// Connected, but nothing came back in time.
    NoAnswer {
        phase: &'static str,
        wait: Wait,
    },
    /// The peer closed or reset the connection.
    Closed {
        phase: &'static str,
        error: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum TlsFailure {
    /// The chain does not lead to a public root: usually TLS interception.
    Untrusted(Option<ChainInfo>),
    /// The verifier refused the certificate for another reason, in its words.
    Refused(String),
    Expired,
    WrongName(Option<ChainInfo>),
    /// The peer did not answer with TLS at all (plain HTTP on 443, a captive portal).
    NotTls,
    Other(String),
}

/// What the probe measured, complete or not.
#[derive(Debug, Clone, Default)]
pub struct Probe {
    pub timings: Vec<(&'static str, Duration)>,
    pub details: Vec<(&'static str, String)>,
    pub failure: Option<ProbeFailure>,
    /// The HTTP status line's code of the probe request, when one came back.
    pub status: Option<u16>,
}

/// How long a real client waits for each phase of reaching the API. A healthy API gets through
/// each in well under a second from anywhere in the world (a TCP connect is one round trip, the
/// probe's unauthenticated request is answered 401 at once); with these limits a dead or silent
/// network gets its verdict in seconds, while each API request later gets its own, longer limit.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub dns: Duration,
    /// Linux sends the SYN again after 1 s and 3 s: two retransmissions fit.
    pub connect: Duration,
    /// The TLS handshake, or the proxy's CONNECT (which includes its own connection upstream).
    pub handshake: Duration,
    pub first_byte: Duration,
}

pub const LIMITS: Limits = Limits {
    dns: Duration::from_secs(3),
    connect: Duration::from_secs(3),
    handshake: Duration::from_secs(4),
    first_byte: Duration::from_secs(4),
};

pub struct ProbeTarget<'a> {
    pub url: &'a Url,
    pub proxy: Option<&'a Url>,
    pub tls: Arc<rustls::ClientConfig>,
    pub limits: Limits,
    /// The check's deadline, and the budget it stands for (for messages).
    pub deadline: Instant,
    pub budget: Duration,
}

impl ProbeTarget<'_> {
    fn wait(&self, limit: Duration) -> Wait {
        Wait::new(limit, self.deadline, self.budget)
    }
}

trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

pub async fn run(t: &ProbeTarget<'_>) -> Probe {
    let mut p = Probe::default();
    if let Err(f) = steps(t, &mut p).await {
        p.failure = Some(f);
    }
    p
}

async fn steps(t: &ProbeTarget<'_>, p: &mut Probe) -> Result<(), ProbeFailure> {
    let tcp = connect(t, p).await?;
    let https = t.url.scheme() == "https";
    let host = t.url.host_str().unwrap_or_default().to_owned();
    let mut stream: Box<dyn Io> = if https {
        let tcp = if t.proxy.is_some() { tunnel(t, p, tcp).await? } else { tcp };
        let start = Instant::now();
        let name =
            rustls::pki_types::ServerName::try_from(host.trim_start_matches('[').trim_end_matches(']').to_owned())
                .map_err(|e| ProbeFailure::Tls(TlsFailure::Other(e.to_string())))?;
        let connector = tokio_rustls::TlsConnector::from(t.tls.clone());
        let wait = t.wait(t.limits.handshake);
        match timeout_at(wait.tokio(), connector.connect(name.clone(), tcp)).await {
            Err(_) => return Err(ProbeFailure::NoAnswer { phase: "tls", wait }),
            Ok(Err(e)) => return Err(ProbeFailure::Tls(explain_tls(t, p, &e, name).await)),
            Ok(Ok(tls)) => {
                p.timings.push(("tls", start.elapsed()));
                let (_, conn) = tls.get_ref();
                if let Some(v) = conn.protocol_version() {
                    p.details.push(("tls_version", format!("{v:?}").replace('_', ".")));
                }
                if let Some(cert) = conn.peer_certificates().and_then(|c| c.last())
                    && let Some((_, issuer)) = super::tls::names(cert)
                {
                    p.details.push(("tls_issuer", issuer));
                }
                Box::new(tls)
            }
        }
    } else {
        Box::new(tcp)
    };

    // First byte: an unauthenticated request, so no secret travels on the probe connection.
    let path = format!("{}/v1/models", t.url.path().trim_end_matches('/'));
    let target =
        if t.proxy.is_some() && !https { format!("{}://{}{}", t.url.scheme(), authority(t.url), path) } else { path };
    let req = format!(
        "GET {target} HTTP/1.1\r\nHost: {}\r\nUser-Agent: realtime-doctor/{}\r\nAccept: application/json\r\nConnection: close\r\n\r\n",
        authority(t.url),
        env!("CARGO_PKG_VERSION")
    );
    let start = Instant::now();
    let mut buf = [0u8; 512];
    let io = async {
        stream.write_all(req.as_bytes()).await?;
        stream.flush().await?;
        stream.read(&mut buf).await
    };
    let wait = t.wait(t.limits.first_byte);
    match timeout_at(wait.tokio(), io).await {
        Err(_) => Err(ProbeFailure::NoAnswer { phase: "first_byte", wait }),
        Ok(Err(e)) => Err(ProbeFailure::Closed { phase: "first_byte", error: e.to_string() }),
        Ok(Ok(0)) => Err(ProbeFailure::Closed { phase: "first_byte", error: "closed without an answer".into() }),
        Ok(Ok(n)) => {
            p.timings.push(("first_byte", start.elapsed()));
            p.status = super::proxy::parse_status(&buf[..n]);
            Ok(())
        }
    }
}

fn authority(u: &Url) -> String {
    match u.port() {
        Some(port) => format!("{}:{port}", u.host_str().unwrap_or_default()),
        None => u.host_str().unwrap_or_default().to_owned(),
    }
}

/// DNS and TCP connect to the API host, or to the proxy when one applies.
async fn connect(t: &ProbeTarget<'_>, p: &mut Probe) -> Result<TcpStream, ProbeFailure> {
    let via_proxy = t.proxy.is_some();
    let hop = t.proxy.unwrap_or(t.url);
    let host = hop.host_str().unwrap_or_default().trim_start_matches('[').trim_end_matches(']').to_owned();
    let port = hop.port_or_known_default().unwrap_or(443);
    if via_proxy {
        p.details.push(("proxy", super::proxy::shown(hop)));
    }

    let start = Instant::now();
    let wait = t.wait(t.limits.dns);
    let lookup = timeout_at(wait.tokio(), tokio::net::lookup_host((host.clone(), port))).await;
    let addrs: Vec<SocketAddr> = match lookup {
        Err(_) => {
            return Err(ProbeFailure::Dns { host, error: format!("no answer from the resolver {}", wait.words()) });
        }
        Ok(Err(e)) => return Err(ProbeFailure::Dns { host, error: e.to_string() }),
        Ok(Ok(a)) => a.collect(),
    };
    if addrs.is_empty() {
        return Err(ProbeFailure::Dns { host, error: "no addresses".into() });
    }
    p.timings.push(("dns", start.elapsed()));
    p.details.push(("resolved", addrs.iter().map(|a| a.ip().to_string()).collect::<Vec<_>>().join(", ")));

    // Try each address in turn, giving each a fair share of what is left (RFC 8305's spirit, without
    // racing): a dead IPv6 route must not eat the whole limit before IPv4 is tried.
    let start = Instant::now();
    let wait = t.wait(t.limits.connect);
    let deadline = wait.tokio();
    let mut last = None;
    for (i, addr) in addrs.iter().enumerate() {
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        let share = left / (addrs.len() - i) as u32;
        let until = tokio::time::Instant::now() + share.max(Duration::from_millis(200)).min(left);
        match timeout_at(until, TcpStream::connect(addr)).await {
            Ok(Ok(s)) => {
                p.timings.push(("connect", start.elapsed()));
                p.details.push(("connected_to", addr.to_string()));
                if let Ok(local) = s.local_addr() {
                    p.details.push(("local_address", local.to_string()));
                }
                return Ok(s);
            }
            Ok(Err(e)) => {
                last = Some(match e.kind() {
                    std::io::ErrorKind::ConnectionRefused => ProbeFailure::Refused { addr: *addr, via_proxy },
                    std::io::ErrorKind::TimedOut => {
                        ProbeFailure::ConnectTimeout { addrs: vec![*addr], via_proxy, wait }
                    }
                    _ => ProbeFailure::Unreachable { addr: *addr, error: e.to_string(), via_proxy },
                })
            }
            Err(_) => last = Some(ProbeFailure::ConnectTimeout { addrs: addrs.clone(), via_proxy, wait }),
        }
    }
    Err(last.unwrap_or(ProbeFailure::ConnectTimeout { addrs, via_proxy, wait }))
}

/// HTTP CONNECT through the proxy (RFC 9110 §9.3.6).
async fn tunnel(t: &ProbeTarget<'_>, p: &mut Probe, mut tcp: TcpStream) -> Result<TcpStream, ProbeFailure> {
    let start = Instant::now();
    let auth = format!("{}:{}", t.url.host_str().unwrap_or_default(), t.url.port_or_known_default().unwrap_or(443));
    let io = super::proxy::connect_head(&mut tcp, &auth);
    let wait = t.wait(t.limits.handshake);
    let head = match timeout_at(wait.tokio(), io).await {
        Err(_) => return Err(ProbeFailure::NoAnswer { phase: "proxy_connect", wait }),
        Ok(Err(e)) => return Err(ProbeFailure::Closed { phase: "proxy_connect", error: e.to_string() }),
        Ok(Ok(h)) => h,
    };
    match super::proxy::parse_status(&head) {
        Some(200..=299) => {
            p.timings.push(("proxy_connect", start.elapsed()));
            Ok(tcp)
        }
        Some(407) => Err(ProbeFailure::ProxyAuthRequired),
        Some(status) => Err(ProbeFailure::ProxyRefused { status }),
        None => Err(ProbeFailure::Closed { phase: "proxy_connect", error: "the proxy's answer is not HTTP".into() }),
    }
}

/// After a failed handshake, say why; for certificate problems, look at the chain once more with a
/// recording verifier on a fresh connection (nothing is sent over it).
async fn explain_tls(
    t: &ProbeTarget<'_>,
    p: &mut Probe,
    err: &std::io::Error,
    name: rustls::pki_types::ServerName<'static>,
) -> TlsFailure {
    use rustls::{CertificateError, Error};
    let Some(tls_err) = err.get_ref().and_then(|e| e.downcast_ref::<Error>()) else {
        return if err.kind() == std::io::ErrorKind::InvalidData {
            TlsFailure::NotTls
        } else {
            TlsFailure::Other(err.to_string())
        };
    };
    let wants_chain = match tls_err {
        Error::InvalidCertificate(CertificateError::Expired | CertificateError::ExpiredContext { .. }) => {
            return TlsFailure::Expired;
        }
        Error::InvalidCertificate(
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
        ) => false,
        Error::InvalidCertificate(CertificateError::UnknownIssuer) => true,
        // A self-signed `CA:TRUE` certificate (what `openssl req -x509` makes) that is not
        // trusted: untrusted like any other chain; when it was given with --ca-cert, the verifier
        // accepts it (see tls::Verifier).
        Error::InvalidCertificate(other) if format!("{other:?}").contains("CaUsedAsEndEntity") => true,
        Error::InvalidCertificate(other) => return TlsFailure::Refused(super::tls::refusal_words(other)),
        Error::InvalidMessage(_) | Error::InappropriateMessage { .. } => return TlsFailure::NotTls,
        other => return TlsFailure::Other(other.to_string()),
    };
    let chain = async {
        let mut scratch = Probe::default();
        let tcp = connect(t, &mut scratch).await.ok()?;
        let tcp = if t.proxy.is_some() { tunnel(t, &mut scratch, tcp).await.ok()? } else { tcp };
        let rec = Recorder::new();
        let cfg = rec.config().ok()?;
        let until = t.wait(t.limits.handshake).tokio();
        let _ = timeout_at(until, tokio_rustls::TlsConnector::from(Arc::new(cfg)).connect(name, tcp)).await;
        rec.seen.lock().ok()?.clone()
    }
    .await;
    if let Some(c) = &chain {
        p.details.push(("tls_subject", c.subject.clone()));
        p.details.push(("tls_issuer", c.issuer.clone()));
    }
    if wants_chain { TlsFailure::Untrusted(chain) } else { TlsFailure::WrongName(chain) }
}
