//! Why the STUN check did not pass, and what to do about each reason.

use crate::check::Diagnosis;
use crate::report::{Fix, Status};

const WEBRTC: &str = "https://platform.openai.com/docs/guides/realtime-webrtc";

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
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

impl Diagnosis for StunCause {
    fn id(&self) -> &'static str {
        match self {
            StunCause::Dns { .. } => "dns_failure",
            StunCause::UdpBlocked { .. } => "udp_blocked",
            StunCause::UdpRejected => "udp_rejected",
            StunCause::StreamBlocked => "tcp_blocked",
            StunCause::NotStun { .. } => "not_stun",
            StunCause::ErrorResponse { .. } => "error_response",
            StunCause::NoMappedAddress { .. } => "no_mapped_address",
            StunCause::AllFailed { .. } => "all_failed",
            StunCause::SomeFailed { .. } => "some_unreachable",
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cause_has_a_fix() {
        let all = [
            StunCause::Dns { detail: "x".into() },
            StunCause::UdpBlocked { servers: 2 },
            StunCause::UdpRejected,
            StunCause::StreamBlocked,
            StunCause::NotStun { server: "s".into(), what: "w".into() },
            StunCause::ErrorResponse { server: "s".into(), code: 400, reason: "Bad Request".into() },
            StunCause::NoMappedAddress { server: "s".into() },
            StunCause::AllFailed { detail: "d".into() },
            StunCause::SomeFailed { failed: 1, total: 2, which: "w".into() },
        ];
        let mut ids = std::collections::HashSet::new();
        for c in &all {
            assert!(ids.insert(c.id()));
            assert!(c.fix().text.len() > 20);
        }
        assert!(StunCause::UdpBlocked { servers: 1 }.fix().text.contains("TCP"));
    }
}
