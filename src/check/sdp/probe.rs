//! Our own ICE connectivity checks to the answer's candidates: a Binding request with USERNAME
//! `remote:local`, PRIORITY, ICE-CONTROLLING and MESSAGE-INTEGRITY keyed with the remote ice-pwd
//! (RFC 8445 §7.2.2, short-term credentials). Over TCP, passive candidates get RFC 6544 / RFC 4571
//! framing (a 16-bit length before each message).

use crate::peer::sdp::SdpCandidate;
use crate::report::Protocol;
use crate::stun::msg::{self, BINDING};
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use stun_rs::attributes::ice::{IceControlling, Priority};
use stun_rs::attributes::stun::{MessageIntegrity, UserName};
use stun_rs::{HMACKey, MessageClass, StunMessageBuilder, TransactionId};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn request(local: &(String, String), remote: &(String, String)) -> Result<(TransactionId, Vec<u8>, HMACKey), String> {
    let key = HMACKey::new_short_term(&remote.1).map_err(|e| e.to_string())?;
    let tid = TransactionId::default();
    let m = StunMessageBuilder::new(BINDING, MessageClass::Request)
        .with_transaction_id(tid)
        .with_attribute(UserName::new(format!("{}:{}", remote.0, local.0)).map_err(|e| e.to_string())?)
        // Peer-reflexive priority for a host-type candidate (RFC 8445 §5.1.2.1).
        .with_attribute(Priority::new((110u32 << 24) | (65535 << 8) | 255))
        .with_attribute(IceControlling::new(fastrand::u64(..)))
        .with_attribute(MessageIntegrity::new(key.clone()))
        .with_attribute(stun_rs::attributes::stun::Fingerprint::default())
        .build();
    Ok((tid, msg::encode(&m), key))
}

/// A candidate silent this long is dead: 2 s is four RFC 8489 retransmissions, far beyond any RTT.
pub const LIMIT: Duration = Duration::from_secs(2);

/// Probe every candidate concurrently, until `deadline`; each result is the RTT or why not.
pub async fn all(
    cands: &[SdpCandidate],
    local: &(String, String),
    remote: &(String, String),
    deadline: Instant,
) -> Vec<(SdpCandidate, Result<Duration, String>)> {
    // Active TCP candidates dial out; there is nothing to connect to, so they are not probed.
    let tasks = cands.iter().filter(|c| c.tcp_type.as_deref() != Some("active")).map(|c| async move {
        let res = match c.address.parse::<std::net::IpAddr>() {
            Err(_) => Err("not an IP address (mDNS?)".to_owned()),
            Ok(ip) => {
                let addr = SocketAddr::new(ip, c.port);
                if c.protocol == Protocol::Udp {
                    udp(addr, local, remote, deadline).await
                } else if c.tcp_type.as_deref() == Some("passive") {
                    tcp(addr, local, remote, deadline).await
                } else {
                    Err("an active TCP candidate: nothing to connect to".to_owned())
                }
            }
        };
        (c.clone(), res)
    });
    futures_util::future::join_all(tasks).await
}

async fn udp(
    addr: SocketAddr,
    local: &(String, String),
    remote: &(String, String),
    deadline: Instant,
) -> Result<Duration, String> {
    let (tid, bytes, key) = request(local, remote)?;
    let mut conn = crate::stun::conn::Conn::open(crate::stun::Transport::Udp, addr, None, None, deadline)
        .await
        .map_err(|e| e.to_string())?;
    let a = conn.transact(&tid, &bytes, Some(&key), deadline).await.map_err(|e| e.to_string())?;
    if a.reply.success { Ok(a.rtt) } else { Err(format!("error {:?}", a.reply.error)) }
}

async fn tcp(
    addr: SocketAddr,
    local: &(String, String),
    remote: &(String, String),
    deadline: Instant,
) -> Result<Duration, String> {
    let until = tokio::time::Instant::from_std(deadline);
    let (tid, bytes, key) = request(local, remote)?;
    let mut s = match tokio::time::timeout_at(until, tokio::net::TcpStream::connect(addr)).await {
        Err(_) => return Err("no answer to the TCP connection (dropped)".into()),
        Ok(Err(e)) => return Err(format!("TCP: {e}")),
        Ok(Ok(s)) => s,
    };
    let start = Instant::now();
    let mut framed = (bytes.len() as u16).to_be_bytes().to_vec();
    framed.extend_from_slice(&bytes);
    let io = async {
        s.write_all(&framed).await?;
        loop {
            let mut len = [0u8; 2];
            s.read_exact(&mut len).await?;
            let mut m = vec![0u8; u16::from_be_bytes(len) as usize];
            s.read_exact(&mut m).await?;
            if msg::transaction_id(&m) == Some(*tid.as_bytes()) {
                return Ok::<_, std::io::Error>(m);
            }
        }
    };
    match tokio::time::timeout_at(until, io).await {
        Err(_) => Err("connected, but no answer to the check".into()),
        Ok(Err(e)) => Err(format!("TCP: {e}")),
        Ok(Ok(m)) => match msg::decode(&m, Some(&key)) {
            Ok(m) if m.class() == MessageClass::SuccessResponse => Ok(start.elapsed()),
            Ok(_) => Err("an error response".into()),
            Err(e) => Err(e.to_string()),
        },
    }
}
