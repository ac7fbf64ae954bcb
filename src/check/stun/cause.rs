//! Why the STUN check did not pass, and what to do about each reason.

use crate::check::kind::{CauseKind, Diagnosis, ids};
use crate::report::{Fix, Status};

const WEBRTC: &str = "https://platform.openai.com/docs/guides/realtime-webrtc";

#[derive(Debug, Clone, PartialEq, thiserror::Error, strum::EnumDiscriminants)]
#[strum_discriminants(name(StunKind), derive(strum::EnumIter, Hash), vis(pub))]
pub enum StunCause {
    #[error("no STUN server name resolves ({detail})")]
    Dns { detail: String },
    #[error("no reply from any of {servers} STUN server(s) over UDP: outbound UDP is silently dropped")]
    UdpBlocked { servers: usize },
    #[error(
        "every STUN server rejected UDP (ICMP port unreachable): a firewall rejects outbound UDP, or nothing listens there"
    )]
    UdpRejected,
    #[error("no STUN server answered over TCP/TLS")]
    StreamBlocked,
    #[error("{server} is not a STUN server: it {what}")]
    NotStun { server: String, what: String },
    #[error("{server} refused the Binding request with error {code} {reason}")]
    ErrorResponse { server: String, code: u16, reason: String },
    #[error("{server} answered without a mapped address")]
    NoMappedAddress { server: String },
    #[error("no STUN server answered: {detail}")]
    AllFailed { detail: String },
    #[error("{failed} of {total} STUN servers did not answer ({which})")]
    SomeFailed { failed: usize, total: usize, which: String },
}

ids!(StunKind {
    Dns => "dns_failure",
    UdpBlocked => "udp_blocked",
    UdpRejected => "udp_rejected",
    StreamBlocked => "tcp_blocked",
    NotStun => "not_stun",
    ErrorResponse => "error_response",
    NoMappedAddress => "no_mapped_address",
    AllFailed => "all_failed",
    SomeFailed => "some_unreachable",
});

/// The kind enum these causes are reported with, for cause tables.
pub const CAUSES: crate::check::kind::Family = crate::check::kind::Family::of::<StunKind, StunCause>();

impl Diagnosis for StunCause {
    fn kind(&self) -> CauseKind {
        CauseKind::of(StunKind::from(self))
    }

    fn status(&self) -> Status {
        match self {
            StunCause::SomeFailed { .. } => Status::Warn,
            _ => Status::Fail,
        }
    }

    fn fix(&self) -> Fix {
        match self {
            StunCause::Dns { .. } => Fix::new("Check the STUN host names and this machine's DNS; offline, STUN cannot work at all."),
            StunCause::UdpBlocked { .. } | StunCause::UdpRejected => Fix::new(
                "Allow outbound UDP (3478 and 19302 for STUN; OpenAI's media servers answer on UDP 3478). If UDP must stay \
                 blocked, the Realtime API can still connect over ICE-TCP to port 443 (higher latency), or configure a TURN \
                 server over TCP/TLS on 443 (turns:host:443?transport=tcp) in iceServers.",
            )
            .doc(WEBRTC),
            StunCause::StreamBlocked => Fix::new("Allow outbound TCP to the STUN server's port, or use UDP STUN."),
            StunCause::NotStun { .. } => Fix::new("Check the URL's port: something other than a STUN server listens there (STUN is 3478, stuns 5349)."),
            StunCause::ErrorResponse { .. } => Fix::new("The server refuses plain Binding requests: use a STUN server that accepts them, or check its configuration."),
            StunCause::NoMappedAddress { .. } => Fix::new("The server's reply carries no XOR-MAPPED-ADDRESS: use a standards-compliant STUN server (RFC 8489)."),
            StunCause::AllFailed { .. } => Fix::new("See each server's line in the evidence; check firewalls for outbound UDP 3478 and the server URLs."),
            StunCause::SomeFailed { .. } => Fix::new("Remove the servers that do not answer from your app's iceServers: every dead server slows ICE gathering."),
        }
    }
}

impl crate::check::kind::Examples for StunCause {
    fn examples() -> Vec<StunCause> {
        vec![
            StunCause::Dns { detail: "x".into() },
            StunCause::UdpBlocked { servers: 2 },
            StunCause::UdpRejected,
            StunCause::StreamBlocked,
            StunCause::NotStun { server: "s".into(), what: "w".into() },
            StunCause::ErrorResponse { server: "s".into(), code: 400, reason: "Bad Request".into() },
            StunCause::NoMappedAddress { server: "s".into() },
            StunCause::AllFailed { detail: "d".into() },
            StunCause::SomeFailed { failed: 1, total: 2, which: "w".into() },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocked_udp_points_at_the_tcp_paths() {
        assert!(StunCause::UdpBlocked { servers: 1 }.fix().text.contains("TCP"));
    }
}
