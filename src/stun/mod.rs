//! STUN and TURN client plumbing shared by the `stun`, `turn` (and later ICE) checks: server URLs,
//! message building and parsing with stun-rs, and transactions over UDP, TCP and TLS with
//! RFC 8489 retransmission capped by the check's deadline.

pub mod conn;
pub mod msg;
pub mod turn;
pub mod url;

pub use url::{IceUrl, Scheme, Transport};
