//! A STUN connection over UDP, TCP or TLS, and request/response transactions on it.
//!
//! UDP sockets are connected to the server: Linux then reports an ICMP port-unreachable as
//! ECONNREFUSED on the socket, which is how "rejected" is told apart from "silently dropped".
//! Retransmission follows RFC 8489 §6.2.1 (RTO 500 ms, doubling, up to Rc = 7 sends) but never
//! outlives the caller's deadline: a dead network gives its verdict in seconds, not 39.5 s.

use super::msg::{self, Malformed};
use super::url::Transport;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpStream, UdpSocket};
use tokio::time::timeout_at;

/// RFC 8489 §6.2.1 defaults.
pub const RTO: Duration = Duration::from_millis(500);
pub const RC: u32 = 7;

/// Mismatched replies tolerated in one transaction before the peer is judged confused.
const MAX_MISMATCHED: u32 = 3;

#[derive(Debug, Clone, PartialEq)]
pub enum TxError {
    /// Nothing came back before the deadline (`sent` requests went out).
    Timeout {
        sent: u32,
    },
    /// ICMP port unreachable (UDP) or a TCP RST: something answered "no".
    Refused,
    /// The stream closed before a reply.
    Closed,
    /// Replies came back, but none for our transaction.
    Mismatched {
        count: u32,
    },
    /// Bytes came back that are not a usable STUN reply.
    Malformed(Malformed),
    Io(String),
}

impl std::fmt::Display for TxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TxError::Timeout { sent } => write!(f, "no reply to {sent} request(s)"),
            TxError::Refused => f.write_str("rejected (ICMP port unreachable or TCP reset)"),
            TxError::Closed => f.write_str("the connection closed before a reply"),
            TxError::Mismatched { count } => write!(f, "{count} replies for other transactions, none for ours"),
            TxError::Malformed(m) => write!(f, "answered with {m}"),
            TxError::Io(e) => f.write_str(e),
        }
    }
}

fn io_err(e: std::io::Error) -> TxError {
    match e.kind() {
        std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::ConnectionReset => TxError::Refused,
        std::io::ErrorKind::UnexpectedEof => TxError::Closed,
        _ => TxError::Io(e.to_string()),
    }
}

pub trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}

/// One transport to one STUN/TURN server.
pub enum Conn {
    Udp(UdpSocket),
    Stream { io: Box<dyn Stream>, buf: Vec<u8>, local: Option<SocketAddr> },
}

/// A reply and how long it took.
#[derive(Debug, Clone)]
pub struct Answer {
    pub reply: msg::Reply,
    /// From the send that was answered (RFC 6298 §3's Karn rule: with retransmissions the first
    /// send's RTT is unknown, so it is the last send's).
    pub rtt: Duration,
    pub sent: u32,
    /// The reply as received, for checks that need to decode it again (integrity).
    pub raw: Vec<u8>,
}

impl Conn {
    /// Connect to `server` over `transport`, from `bind` (any address when `None`).
    pub async fn open(
        transport: Transport,
        server: SocketAddr,
        bind: Option<SocketAddr>,
        tls: Option<(Arc<rustls::ClientConfig>, String)>,
        deadline: Instant,
    ) -> Result<Conn, TxError> {
        let until = tokio::time::Instant::from_std(deadline);
        match transport {
            Transport::Udp => {
                let sock = udp_socket(server, bind, Port::Own).map_err(io_err)?;
                sock.connect(server).await.map_err(io_err)?;
                Ok(Conn::Udp(sock))
            }
            Transport::Tcp | Transport::Tls => {
                let tcp = match timeout_at(until, TcpStream::connect(server)).await {
                    Err(_) => return Err(TxError::Timeout { sent: 0 }),
                    Ok(r) => r.map_err(io_err)?,
                };
                let _ = tcp.set_nodelay(true);
                let local = tcp.local_addr().ok();
                if transport == Transport::Tcp {
                    return Ok(Conn::Stream { io: Box::new(tcp), buf: Vec::new(), local });
                }
                let (cfg, host) = tls.ok_or_else(|| TxError::Io("TLS needs a configuration".into()))?;
                let name = rustls::pki_types::ServerName::try_from(host).map_err(|e| TxError::Io(e.to_string()))?;
                match timeout_at(until, tokio_rustls::TlsConnector::from(cfg).connect(name, tcp)).await {
                    Err(_) => Err(TxError::Timeout { sent: 0 }),
                    Ok(Err(e)) => Err(TxError::Io(format!("TLS: {e}"))),
                    Ok(Ok(s)) => Ok(Conn::Stream { io: Box::new(s), buf: Vec::new(), local }),
                }
            }
        }
    }

    pub fn local_addr(&self) -> Option<SocketAddr> {
        match self {
            Conn::Udp(s) => s.local_addr().ok(),
            Conn::Stream { local, .. } => *local,
        }
    }

    pub async fn send(&mut self, bytes: &[u8]) -> Result<(), TxError> {
        match self {
            Conn::Udp(s) => s.send(bytes).await.map(|_| ()).map_err(io_err),
            Conn::Stream { io, .. } => {
                io.write_all(bytes).await.map_err(io_err)?;
                io.flush().await.map_err(io_err)
            }
        }
    }

    /// The next message (datagram, or framed message on a stream), raw.
    pub async fn recv(&mut self, until: tokio::time::Instant) -> Result<Option<Vec<u8>>, TxError> {
        match self {
            Conn::Udp(s) => {
                let mut buf = vec![0u8; 2048];
                match timeout_at(until, s.recv(&mut buf)).await {
                    Err(_) => Ok(None),
                    Ok(Err(e)) => Err(io_err(e)),
                    Ok(Ok(n)) => {
                        buf.truncate(n);
                        Ok(Some(buf))
                    }
                }
            }
            Conn::Stream { io, buf, .. } => loop {
                // RFC 8489 §6.2.2: over streams, messages are delimited by their length field.
                if let Some(len) = msg::framed_len(buf)
                    && buf.len() >= len
                {
                    return Ok(Some(buf.drain(..len).collect()));
                }
                if buf.len() >= 4 && (buf[0] & 0xC0 != 0) {
                    // Not STUN framing: hand back what there is for the caller to diagnose.
                    return Ok(Some(std::mem::take(buf)));
                }
                let mut chunk = [0u8; 2048];
                match timeout_at(until, io.read(&mut chunk)).await {
                    Err(_) => return Ok(None),
                    Ok(Err(e)) => return Err(io_err(e)),
                    Ok(Ok(0)) if buf.is_empty() => return Err(TxError::Closed),
                    Ok(Ok(0)) => return Ok(Some(std::mem::take(buf))),
                    Ok(Ok(n)) => buf.extend_from_slice(&chunk[..n]),
                }
            },
        }
    }

    /// Send a request and wait for its reply, retransmitting over UDP, until `deadline`.
    /// Replies for other transactions and indications are skipped; `key` validates integrity.
    pub async fn transact(
        &mut self,
        tid: &stun_rs::TransactionId,
        bytes: &[u8],
        key: Option<&stun_rs::HMACKey>,
        deadline: Instant,
    ) -> Result<Answer, TxError> {
        let end = tokio::time::Instant::from_std(deadline);
        let reliable = matches!(self, Conn::Stream { .. });
        let mut sent = 0u32;
        let mut rto = RTO;
        let mut mismatched = 0u32;
        loop {
            let now = tokio::time::Instant::now();
            if now >= end {
                return Err(if mismatched > 0 {
                    TxError::Mismatched { count: mismatched }
                } else {
                    TxError::Timeout { sent }
                });
            }
            self.send(bytes).await?;
            sent += 1;
            let sent_at = Instant::now();
            // The last send waits for what is left; RFC 8489 waits Rm*RTO after the Rc-th send.
            let wait_until = if reliable || sent >= RC { end } else { (now + rto).min(end) };
            rto *= 2;
            loop {
                let Some(raw) = self.recv(wait_until).await? else { break };
                if msg::transaction_id(&raw) != Some(*tid.as_bytes()) {
                    match msg::decode(&raw, None) {
                        // Indications (TURN Data) and stray replies are not ours: keep waiting.
                        Ok(m) if m.class() == stun_rs::MessageClass::Indication => continue,
                        Ok(_) => {
                            mismatched += 1;
                            if mismatched >= MAX_MISMATCHED {
                                return Err(TxError::Mismatched { count: mismatched });
                            }
                            continue;
                        }
                        Err(m) => return Err(TxError::Malformed(m)),
                    }
                }
                let message = msg::decode(&raw, key).map_err(TxError::Malformed)?;
                let reply = msg::read(&message);
                return Ok(Answer { reply, rtt: sent_at.elapsed(), sent, raw });
            }
        }
    }
}

/// Whether a UDP socket may share its local port with others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Port {
    /// Its own port.
    Own,
    /// Shared (SO_REUSEADDR/SO_REUSEPORT): several sockets on one local port, each connected to a
    /// different server, so their mapped addresses can be compared for the same local endpoint.
    Shared,
}

/// A UDP socket bound to `bind` (or the wildcard of `server`'s family).
pub fn udp_socket(server: SocketAddr, bind: Option<SocketAddr>, port: Port) -> std::io::Result<UdpSocket> {
    use socket2::{Domain, Protocol, Socket, Type};
    let local = bind.unwrap_or_else(|| match server {
        SocketAddr::V4(_) => "0.0.0.0:0".parse().expect("v4 any"),
        SocketAddr::V6(_) => "[::]:0".parse().expect("v6 any"),
    });
    let s = Socket::new(Domain::for_address(local), Type::DGRAM, Some(Protocol::UDP))?;
    if port == Port::Shared {
        s.set_reuse_address(true)?;
        #[cfg(unix)]
        s.set_reuse_port(true)?;
    }
    s.set_nonblocking(true)?;
    s.bind(&local.into())?;
    UdpSocket::from_std(s.into())
}
