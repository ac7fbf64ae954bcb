//! A minimal TURN client (RFC 8656), for the turn check and the WebRTC peer's relay candidates:
//! Allocate with the long-term credential mechanism, permissions, Send/Data indications, and
//! Refresh to release the allocation.

use crate::stun::conn::{Answer, Conn, TxError};
use crate::stun::msg::{self, ALLOCATE, CREATE_PERMISSION, DATA, LongTerm, REFRESH, SEND};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

/// Requested allocation lifetime (seconds). Short: the check releases it anyway.
const LIFETIME_S: u32 = 120;
/// 438 Stale Nonce retries per request (RFC 8489 §9.2.5: retry with the new nonce).
const STALE_RETRIES: u32 = 2;

#[derive(Debug, Clone, PartialEq)]
pub enum AllocError {
    Tx(TxError),
    /// The server wants credentials (401) and we have none.
    NeedsCredentials {
        realm: String,
    },
    /// 401 without REALM/NONCE: not how a TURN server answers.
    NoChallenge,
    /// 401 again after authenticating.
    Rejected {
        realm: String,
    },
    StaleNonce,
    /// The credentials cannot be encoded (a username too long, a password SASLprep refuses).
    Credentials(String),
    /// A success reply whose MESSAGE-INTEGRITY does not verify with our key.
    BadIntegrity,
    Error {
        code: u16,
        reason: String,
    },
    NoRelayedAddress,
}

/// An open allocation on one connection.
pub struct Allocation {
    pub conn: Conn,
    pub auth: Option<LongTerm>,
    pub relayed: SocketAddr,
    pub mapped: Option<SocketAddr>,
    pub lifetime: Option<u32>,
    pub realm: Option<String>,
}

/// Allocate on `conn`. `creds` are (username, password); without them only an open relay works.
/// The server must answer the first request by `first_answer`; the rest is bounded by `deadline`.
pub async fn allocate(
    mut conn: Conn,
    creds: Option<(&str, &str)>,
    first_answer: Instant,
    deadline: Instant,
) -> Result<Allocation, (AllocError, Option<String>)> {
    let base = || vec![msg::requested_transport_udp(), msg::lifetime(LIFETIME_S)];
    let (tid, bytes) = msg::request(ALLOCATE, base(), None);
    let first = conn.transact(&tid, &bytes, None, first_answer).await.map_err(|e| (AllocError::Tx(e), None))?;
    if first.reply.success {
        return done(conn, None, first, None);
    }
    let (code, reason) = first.reply.error.clone().unwrap_or((0, String::new()));
    if code != 401 {
        return Err((AllocError::Error { code, reason }, None));
    }
    let (Some(realm), Some(nonce)) = (first.reply.realm.clone(), first.reply.nonce.clone()) else {
        return Err((AllocError::NoChallenge, None));
    };
    let Some((user, pass)) = creds else {
        return Err((AllocError::NeedsCredentials { realm: realm.clone() }, Some(realm)));
    };
    let mut auth =
        LongTerm::new(user, pass, &realm, &nonce).map_err(|e| (AllocError::Credentials(e), Some(realm.clone())))?;
    let answer = signed(&mut conn, &mut auth, ALLOCATE, &base, deadline).await.map_err(|e| (e, Some(realm.clone())))?;
    done(conn, Some(auth), answer, Some(realm))
}

fn done(
    conn: Conn,
    auth: Option<LongTerm>,
    a: Answer,
    realm: Option<String>,
) -> Result<Allocation, (AllocError, Option<String>)> {
    let relayed = a.reply.relayed.ok_or((AllocError::NoRelayedAddress, realm.clone()))?;
    Ok(Allocation { conn, auth, relayed, mapped: a.reply.mapped, lifetime: a.reply.lifetime, realm })
}

/// A signed request, retried with a fresh nonce on 438; other errors classified.
async fn signed(
    conn: &mut Conn,
    auth: &mut LongTerm,
    method: stun_rs::MessageMethod,
    attrs: &(dyn Fn() -> Vec<stun_rs::StunAttribute> + Sync),
    deadline: Instant,
) -> Result<Answer, AllocError> {
    for _ in 0..=STALE_RETRIES {
        let (tid, bytes) = msg::request(method, attrs(), Some(auth));
        // Error replies to a signed request may be unsigned (a 401 never is signed with our key),
        // so integrity is checked only on success.
        let a = conn.transact(&tid, &bytes, None, deadline).await.map_err(AllocError::Tx)?;
        if a.reply.success {
            return verify(&a, auth).map(|_| a);
        }
        match a.reply.error.clone().unwrap_or((0, String::new())) {
            (438, _) => match a.reply.nonce.as_deref().map(|n| auth.renew(n)) {
                Some(Ok(())) => {}
                _ => return Err(AllocError::StaleNonce),
            },
            (401, _) => return Err(AllocError::Rejected { realm: auth.realm().to_owned() }),
            (code, reason) => return Err(AllocError::Error { code, reason }),
        }
    }
    Err(AllocError::StaleNonce)
}

/// RFC 8489 §9.2.4: a success response to an authenticated request carries MESSAGE-INTEGRITY
/// made with the same key; one that does not verify was not made by a server that knows it.
fn verify(a: &Answer, auth: &LongTerm) -> Result<(), AllocError> {
    match msg::decode(&a.raw, Some(&auth.key)) {
        Err(msg::Malformed::BadIntegrity) => Err(AllocError::BadIntegrity),
        _ => Ok(()),
    }
}

impl Allocation {
    pub async fn permit(&mut self, peer: std::net::IpAddr, deadline: Instant) -> Result<(), AllocError> {
        let attrs = move || vec![msg::peer(SocketAddr::new(peer, 0))];
        match &mut self.auth {
            Some(auth) => signed(&mut self.conn, auth, CREATE_PERMISSION, &attrs, deadline).await.map(|_| ()),
            None => {
                let (tid, bytes) = msg::request(CREATE_PERMISSION, attrs(), None);
                let a = self.conn.transact(&tid, &bytes, None, deadline).await.map_err(AllocError::Tx)?;
                if a.reply.success { Ok(()) } else { Err(error_of(&a)) }
            }
        }
    }

    pub async fn send_to(&mut self, peer: SocketAddr, payload: &[u8]) -> Result<(), TxError> {
        let bytes = msg::indication(SEND, vec![msg::peer(peer), msg::data(payload.to_vec())]);
        self.conn.send(&bytes).await
    }

    /// The next Data indication's (peer, payload), until `until`.
    pub async fn recv_data(&mut self, until: Instant) -> Result<Option<(SocketAddr, Vec<u8>)>, TxError> {
        let end = tokio::time::Instant::from_std(until);
        loop {
            let Some(raw) = self.conn.recv(end).await? else { return Ok(None) };
            let Ok(m) = msg::decode(&raw, None) else { continue };
            if m.method() != DATA {
                continue;
            }
            let r = msg::read(&m);
            if let (Some(p), Some(d)) = (r.peer, r.data) {
                return Ok(Some((p, d)));
            }
        }
    }

    /// Release the allocation (Refresh with LIFETIME 0, RFC 8656 §7); best effort, bounded.
    pub async fn release(mut self) {
        let until = Instant::now() + Duration::from_millis(1500);
        let attrs = || vec![msg::lifetime(0)];
        if let Some(auth) = &mut self.auth {
            let _ = signed(&mut self.conn, auth, REFRESH, &attrs, until).await;
        } else {
            let (tid, bytes) = msg::request(REFRESH, attrs(), None);
            let _ = self.conn.transact(&tid, &bytes, None, until).await;
        }
    }
}

fn error_of(a: &Answer) -> AllocError {
    let (code, reason) = a.reply.error.clone().unwrap_or((0, String::new()));
    AllocError::Error { code, reason }
}

/// TURN REST credentials (draft-uberti-behave-turn-rest, coturn's use-auth-secret):
/// username "expiry:user", password base64(HMAC-SHA1(secret, username)).
pub fn rest_credentials(secret: &str, user: &str, ttl: Duration) -> (String, String) {
    use base64::Engine;
    use hmac::{Hmac, Mac};
    let expiry = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
        + ttl.as_secs();
    let username = format!("{expiry}:{user}");
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(username.as_bytes());
    let password = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    (username, password)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rest_credentials_follow_the_convention() {
        let (u, p) = rest_credentials("northsea", "alice", Duration::from_secs(3600));
        let (expiry, user) = u.split_once(':').unwrap();
        assert_eq!(user, "alice");
        assert!(expiry.parse::<u64>().unwrap() > 1_700_000_000);
        // Recompute independently: base64 of a 20-byte HMAC-SHA1 is 28 characters.
        assert_eq!(p.len(), 28);
        use base64::Engine;
        use hmac::{Hmac, Mac};
        let mut mac = Hmac::<sha1::Sha1>::new_from_slice(b"northsea").unwrap();
        mac.update(u.as_bytes());
        assert_eq!(base64::engine::general_purpose::STANDARD.decode(&p).unwrap(), mac.finalize().into_bytes().to_vec());
    }
}
