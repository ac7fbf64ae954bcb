//! Building STUN/TURN messages and reading replies, with stun-rs doing the wire format.
//!
//! Replies are checked before stun-rs sees them (length, magic cookie, message class) so that a
//! peer that is not a STUN server gets a precise diagnosis rather than a generic decode error.

use std::net::SocketAddr;
use stun_rs::attributes::discovery::{ChangeRequest, ChangeRequestFlags};
use stun_rs::attributes::stun::{ErrorCode, Fingerprint, MessageIntegrity, Nonce, Realm, Software, UserName};
use stun_rs::attributes::turn::{Data, LifeTime, RequestedTrasport, XorPeerAddress};
use stun_rs::{
    DecoderContextBuilder, HMACKey, MessageClass, MessageDecoderBuilder, MessageEncoderBuilder, MessageMethod,
    StunAttribute, StunMessage, StunMessageBuilder, TransactionId,
};

pub use stun_rs::methods::{ALLOCATE, BINDING, CREATE_PERMMISSION as CREATE_PERMISSION, DATA, REFRESH, SEND};

/// STUN header: 20 bytes (RFC 8489 §5).
pub const HEADER: usize = 20;
const MAGIC_COOKIE: u32 = 0x2112_A442;

/// Why bytes that came back are not a usable reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformed {
    /// Fewer bytes than the header, or than the header's length field announces.
    Truncated { got: usize, want: usize },
    /// No magic cookie / top bits set: not STUN at all.
    NotStun,
    /// STUN framing, but stun-rs could not decode it.
    Undecodable(String),
    /// MESSAGE-INTEGRITY does not match our credentials.
    BadIntegrity,
}

impl std::fmt::Display for Malformed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Malformed::Truncated { got, want } => write!(f, "a truncated STUN message ({got} of {want} bytes)"),
            Malformed::NotStun => f.write_str("bytes that are not STUN (no magic cookie)"),
            Malformed::Undecodable(e) => write!(f, "an undecodable STUN message ({e})"),
            Malformed::BadIntegrity => f.write_str("a reply whose MESSAGE-INTEGRITY does not match the credentials"),
        }
    }
}

/// The total length of the STUN message at the start of `buf`, once its header is there.
pub fn framed_len(buf: &[u8]) -> Option<usize> {
    (buf.len() >= 4).then(|| HEADER + u16::from_be_bytes([buf[2], buf[3]]) as usize)
}

/// The transaction id of a STUN-looking datagram, without decoding the rest.
pub fn transaction_id(buf: &[u8]) -> Option<[u8; 12]> {
    (buf.len() >= HEADER && cookie_ok(buf)).then(|| buf[8..20].try_into().expect("12 bytes"))
}

fn cookie_ok(buf: &[u8]) -> bool {
    buf[0] & 0xC0 == 0 && u32::from_be_bytes([buf[4], buf[5], buf[6], buf[7]]) == MAGIC_COOKIE
}

/// Decode one message, validating MESSAGE-INTEGRITY when `key` is given.
pub fn decode(buf: &[u8], key: Option<&HMACKey>) -> Result<StunMessage, Malformed> {
    if buf.len() < HEADER {
        return Err(Malformed::Truncated { got: buf.len(), want: HEADER });
    }
    if !cookie_ok(buf) {
        return Err(Malformed::NotStun);
    }
    let want = framed_len(buf).expect("header present");
    if buf.len() < want {
        return Err(Malformed::Truncated { got: buf.len(), want });
    }
    let decoder = match key {
        Some(k) => MessageDecoderBuilder::default()
            .with_context(DecoderContextBuilder::default().with_key(k.clone()).with_validation().build())
            .build(),
        None => MessageDecoderBuilder::default().build(),
    };
    match decoder.decode(&buf[..want]) {
        Ok((m, _)) => Ok(m),
        Err(e) if e.to_string().contains("validation failed") => Err(Malformed::BadIntegrity),
        Err(e) => Err(Malformed::Undecodable(e.to_string())),
    }
}

/// Encode one of our own messages. The largest has a username, realm and nonce at their maximum
/// lengths (RFC 8489 §14: 513 + 763 + 763 bytes) and a few small attributes: 4 KiB holds it, and
/// `LongTerm` refuses anything longer before a message is built.
pub fn encode(msg: &StunMessage) -> Vec<u8> {
    let mut buf = vec![0u8; 4096];
    let n = MessageEncoderBuilder::default().build().encode(&mut buf, msg).expect("our own messages fit 4 KiB");
    buf.truncate(n);
    buf
}

/// Credentials for the long-term mechanism (RFC 8489 §9.2), once the server's realm and nonce
/// are known. The attributes are built (and so validated) once, here: a username over the
/// protocol's limit or a password SASLprep refuses is an error now, never a panic later.
#[derive(Clone)]
pub struct LongTerm {
    username: UserName,
    realm: Realm,
    nonce: Nonce,
    pub key: HMACKey,
    /// How many times a 438 Stale Nonce made us retry with a new nonce.
    pub stale_retries: u32,
}

impl LongTerm {
    pub fn new(username: &str, password: &str, realm: &str, nonce: &str) -> Result<LongTerm, String> {
        let algorithm = stun_rs::Algorithm::from(stun_rs::AlgorithmId::MD5);
        let key = HMACKey::new_long_term(username, realm, password, algorithm).map_err(|e| format!("{e}"))?;
        Ok(LongTerm {
            username: UserName::new(username).map_err(|e| format!("username: {e}"))?,
            realm: Realm::new(realm).map_err(|e| format!("realm: {e}"))?,
            nonce: Nonce::new(nonce).map_err(|e| format!("nonce: {e}"))?,
            key,
            stale_retries: 0,
        })
    }

    pub fn realm(&self) -> &str {
        self.realm.as_str()
    }

    /// Take the new nonce of a 438 Stale Nonce answer (RFC 8489 §9.2.5).
    pub fn renew(&mut self, nonce: &str) -> Result<(), String> {
        self.nonce = Nonce::new(nonce).map_err(|e| format!("nonce: {e}"))?;
        self.stale_retries += 1;
        Ok(())
    }
}

/// A request of `method` with `attrs`, signed when `auth` is given, with a FINGERPRINT.
pub fn request(method: MessageMethod, attrs: Vec<StunAttribute>, auth: Option<&LongTerm>) -> (TransactionId, Vec<u8>) {
    build(method, MessageClass::Request, attrs, auth)
}

pub fn indication(method: MessageMethod, attrs: Vec<StunAttribute>) -> Vec<u8> {
    build(method, MessageClass::Indication, attrs, None).1
}

/// A response to transaction `tid` (for fake servers in tests): success or error `code`, signed
/// with `key` when given.
pub fn response(
    method: MessageMethod,
    tid: [u8; 12],
    error: Option<(u16, &str)>,
    attrs: Vec<StunAttribute>,
    key: Option<&HMACKey>,
) -> Vec<u8> {
    let class = if error.is_some() { MessageClass::ErrorResponse } else { MessageClass::SuccessResponse };
    let mut b = StunMessageBuilder::new(method, class).with_transaction_id(TransactionId::from(tid));
    if let Some((code, reason)) = error {
        b = b.with_attribute(ErrorCode::from(stun_rs::ErrorCode::new(code, reason).expect("valid error code")));
    }
    for a in attrs {
        b = b.with_attribute(a);
    }
    if let Some(k) = key {
        b = b.with_attribute(MessageIntegrity::new(k.clone()));
    }
    encode(&b.build())
}

pub fn realm(r: &str) -> StunAttribute {
    Realm::new(r).expect("realm").into()
}

pub fn nonce(n: &str) -> StunAttribute {
    Nonce::new(n).expect("nonce").into()
}

pub fn xor_mapped(a: SocketAddr) -> StunAttribute {
    stun_rs::attributes::stun::XorMappedAddress::from(a).into()
}

pub fn xor_relayed(a: SocketAddr) -> StunAttribute {
    stun_rs::attributes::turn::XorRelayedAddress::from(a).into()
}

fn build(
    method: MessageMethod,
    class: MessageClass,
    attrs: Vec<StunAttribute>,
    auth: Option<&LongTerm>,
) -> (TransactionId, Vec<u8>) {
    let tid = TransactionId::default();
    let mut b = StunMessageBuilder::new(method, class).with_transaction_id(tid);
    for a in attrs {
        b = b.with_attribute(a);
    }
    b = b.with_attribute(
        Software::new(concat!("realtime-doctor ", env!("CARGO_PKG_VERSION"))).expect("short software name"),
    );
    if let Some(lt) = auth {
        // Order matters (RFC 8489 §14.5): USERNAME, REALM, NONCE, then MESSAGE-INTEGRITY, FINGERPRINT.
        b = b
            .with_attribute(lt.username.clone())
            .with_attribute(lt.realm.clone())
            .with_attribute(lt.nonce.clone())
            .with_attribute(MessageIntegrity::new(lt.key.clone()));
    }
    if class != MessageClass::Indication {
        b = b.with_attribute(Fingerprint::default());
    }
    (tid, encode(&b.build()))
}

pub fn change_request(ip: bool, port: bool) -> StunAttribute {
    let mut flags = enumflags2::BitFlags::empty();
    if ip {
        flags |= ChangeRequestFlags::ChangeIp;
    }
    if port {
        flags |= ChangeRequestFlags::ChangePort;
    }
    ChangeRequest::new(Some(flags)).into()
}

pub fn requested_transport_udp() -> StunAttribute {
    RequestedTrasport::new(stun_rs::protocols::UDP).into()
}

pub fn lifetime(s: u32) -> StunAttribute {
    LifeTime::new(s).into()
}

pub fn peer(addr: SocketAddr) -> StunAttribute {
    XorPeerAddress::from(addr).into()
}

pub fn data(bytes: Vec<u8>) -> StunAttribute {
    Data::new(bytes).into()
}

/// What a reply says, read once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reply {
    pub success: bool,
    pub error: Option<(u16, String)>,
    pub mapped: Option<SocketAddr>,
    pub relayed: Option<SocketAddr>,
    pub lifetime: Option<u32>,
    pub realm: Option<String>,
    pub nonce: Option<String>,
    pub other_address: Option<SocketAddr>,
    pub response_origin: Option<SocketAddr>,
    pub peer: Option<SocketAddr>,
    pub data: Option<Vec<u8>>,
    pub has_integrity: bool,
}

pub fn read(m: &StunMessage) -> Reply {
    let mut r = Reply { success: m.class() == MessageClass::SuccessResponse, ..Default::default() };
    for a in m.attributes() {
        match a {
            StunAttribute::ErrorCode(e) => r.error = Some(error_of(e)),
            StunAttribute::XorMappedAddress(x) => r.mapped = Some(*x.socket_address()),
            StunAttribute::XorRelayedAddress(x) => r.relayed = Some(*x.socket_address()),
            StunAttribute::XorPeerAddress(x) => r.peer = Some(*x.socket_address()),
            StunAttribute::LifeTime(l) => r.lifetime = Some(l.as_u32()),
            StunAttribute::Realm(x) => r.realm = Some(x.as_str().to_owned()),
            StunAttribute::Nonce(x) => r.nonce = Some(x.as_str().to_owned()),
            StunAttribute::OtherAddress(x) => r.other_address = Some(*x.socket_address()),
            StunAttribute::ResponseOrigin(x) => r.response_origin = Some(*x.socket_address()),
            StunAttribute::Data(d) => r.data = Some(d.as_bytes().to_vec()),
            StunAttribute::MessageIntegrity(_) => r.has_integrity = true,
            // The old MAPPED-ADDRESS, used by RFC 3489 servers that do not XOR.
            StunAttribute::MappedAddress(x) if r.mapped.is_none() => r.mapped = Some(*x.socket_address()),
            _ => {}
        }
    }
    r
}

fn error_of(e: &ErrorCode) -> (u16, String) {
    let c = e.error_code();
    (c.error_code(), c.reason().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_binding() {
        let (tid, bytes) = request(BINDING, vec![], None);
        assert_eq!(transaction_id(&bytes), Some(*tid.as_bytes()));
        let m = decode(&bytes, None).unwrap();
        assert_eq!(m.method(), BINDING);
        assert_eq!(m.class(), MessageClass::Request);
    }

    #[test]
    fn rejects_non_stun_and_truncation() {
        assert!(matches!(decode(b"HTTP/1.1 400 Bad Request\r\n\r\n", None), Err(Malformed::NotStun)));
        let (_, bytes) = request(BINDING, vec![], None);
        assert!(matches!(decode(&bytes[..10], None), Err(Malformed::Truncated { got: 10, want: 20 })));
        assert!(matches!(decode(&bytes[..bytes.len() - 4], None), Err(Malformed::Truncated { .. })));
    }

    #[test]
    fn a_username_too_long_is_an_error_not_a_panic() {
        let long = "u".repeat(600);
        assert!(LongTerm::new(&long, "pass", "realm", "nonce").is_err());
        let mut ok = LongTerm::new("user", "pass", "realm", "nonce").unwrap();
        assert!(ok.renew(&"n".repeat(1000)).is_err());
        let (_, bytes) = request(ALLOCATE, vec![requested_transport_udp()], Some(&ok));
        assert!(decode(&bytes, Some(&ok.key)).is_ok());
    }

    #[test]
    fn integrity_is_checked() {
        let good = LongTerm::new("user", "pass", "realm", "nonce").unwrap();
        let bad = LongTerm::new("user", "wrong", "realm", "nonce").unwrap();
        let (_, bytes) = request(ALLOCATE, vec![requested_transport_udp()], Some(&good));
        assert!(decode(&bytes, Some(&good.key)).is_ok());
        assert!(matches!(decode(&bytes, Some(&bad.key)), Err(Malformed::BadIntegrity)));
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use crate::testing::props;
    use proptest::prelude::*;

    /// Our own messages and servers' replies, with long-term credentials and every attribute we read.
    fn messages() -> (Vec<Vec<u8>>, LongTerm) {
        let auth = LongTerm::new("user", "pass", "realm", "nonce").unwrap();
        let peer: SocketAddr = "198.51.100.9:5000".parse().unwrap();
        let (_, alloc) = request(ALLOCATE, vec![requested_transport_udp(), lifetime(60)], Some(&auth));
        let ok =
            response(ALLOCATE, [7; 12], None, vec![xor_relayed(peer), xor_mapped(peer), lifetime(60)], Some(&auth.key));
        let challenge = response(ALLOCATE, [7; 12], Some((401, "Unauthorized")), vec![realm("r"), nonce("n")], None);
        let data = indication(DATA, vec![self::peer(peer), self::data(b"ping".to_vec())]);
        (vec![alloc, ok, challenge, data, request(BINDING, vec![change_request(true, true)], None).1], auth)
    }

    #[test]
    fn prop_any_bytes_decode_or_are_named_malformed() {
        let (templates, auth) = messages();
        let read_all = |b: &[u8]| {
            let _ = (transaction_id(b), framed_len(b));
            for key in [None, Some(&auth.key)] {
                match decode(b, key) {
                    Ok(m) => {
                        let _ = read(&m);
                    }
                    Err(e) => assert!(!e.to_string().is_empty()),
                }
            }
        };
        props::check("stun noise", prop::collection::vec(any::<u8>(), 0..400), |b| {
            read_all(&b);
            Ok(())
        });
        let mutation = (
            0..templates.len(),
            prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4),
            any::<Option<prop::sample::Index>>(),
        );
        props::check("mutated stun", mutation, |(which, changes, cut)| {
            let mut b = templates[which].clone();
            for (at, byte) in changes {
                let i = at.index(b.len());
                b[i] = byte;
            }
            if let Some(at) = cut {
                b.truncate(at.index(b.len()));
            }
            read_all(&b);
            Ok(())
        });
    }
}
