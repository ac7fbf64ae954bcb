//! Why the TURN check did not pass, and what to do about each reason.

use crate::check::kind::{CauseKind, Diagnosis, ids};
use crate::report::{Fix, Status};

const COTURN_REST: &str = "https://datatracker.ietf.org/doc/html/draft-uberti-behave-turn-rest-00";

#[derive(Debug, Clone, PartialEq, thiserror::Error, strum::EnumDiscriminants)]
#[strum_discriminants(name(TurnKind), derive(strum::EnumIter, Hash), vis(pub))]
pub enum TurnCause {
    #[error("cannot resolve {host}: {error}")]
    Dns { host: String, error: String },
    #[error("no TURN server answered ({detail})")]
    Unreachable { detail: String },
    #[error("TURN over UDP is blocked; over TCP/TLS it relays ({works})")]
    UdpBlockedStreamWorks { works: String },
    #[error("{server} is not a TURN server: it {what}")]
    NotTurn { server: String, what: String },
    #[error("{server} requires credentials (401, realm {realm:?}) and none were given")]
    NoCredentials { server: String, realm: String },
    #[error("credentials rejected by {server} (401 after authenticating, realm {realm:?})")]
    CredentialsRejected { server: String, realm: String },
    #[error("credentials rejected by {server} (441 Wrong Credentials)")]
    WrongCredentials { server: String },
    #[error("the credentials for {server} cannot be put in a TURN request: {why}")]
    UnusableCredentials { server: String, why: String },
    #[error("{server} kept answering 438 Stale Nonce")]
    StaleNonce { server: String },
    #[error("{server} answered 437 Allocation Mismatch: an allocation already exists for this 5-tuple")]
    AllocationMismatch { server: String },
    #[error("{server} answered 486 Allocation Quota Reached")]
    Quota { server: String },
    #[error("{server} answered 508 Insufficient Capacity")]
    Capacity { server: String },
    #[error("{server} refused with 403 Forbidden{}", if what.is_empty() { String::new() } else { format!(" ({what})") })]
    Forbidden { server: String, what: String },
    #[error("{server} refused with error {code} {reason}")]
    ErrorResponse { server: String, code: u16, reason: String },
    #[error("{server}'s reply has a MESSAGE-INTEGRITY that does not match the credentials")]
    BadIntegrity { server: String },
    #[error("{server} reached, but no relay: {why}")]
    NoRelay { server: String, why: String },
    #[error("TLS to {server} failed: {error}")]
    Tls { server: String, error: String },
    #[error("{failed} of {total} TURN URLs failed ({which})")]
    SomeFailed { failed: usize, total: usize, which: String },
}

ids!(TurnKind {
    Dns => "dns_failure",
    Unreachable => "unreachable",
    UdpBlockedStreamWorks => "udp_blocked_tcp_works",
    NotTurn => "not_turn",
    NoCredentials => "no_credentials",
    CredentialsRejected => "credentials_rejected",
    WrongCredentials => "wrong_credentials",
    UnusableCredentials => "unusable_credentials",
    StaleNonce => "stale_nonce",
    AllocationMismatch => "allocation_mismatch",
    Quota => "allocation_quota",
    Capacity => "insufficient_capacity",
    Forbidden => "forbidden",
    ErrorResponse => "error_response",
    BadIntegrity => "bad_integrity",
    NoRelay => "no_relay",
    Tls => "tls_failure",
    SomeFailed => "some_failed",
});

/// The kind enum these causes are reported with, for cause tables.
pub const CAUSES: crate::check::kind::Family = crate::check::kind::Family::of::<TurnKind, TurnCause>();

impl Diagnosis for TurnCause {
    fn kind(&self) -> CauseKind {
        CauseKind::of(TurnKind::from(self))
    }

    fn status(&self) -> Status {
        match self {
            TurnCause::UdpBlockedStreamWorks { .. } | TurnCause::SomeFailed { .. } => Status::Warn,
            _ => Status::Fail,
        }
    }

    fn fix(&self) -> Fix {
        use TurnCause::*;
        match self {
            Dns { .. } => Fix::new("Check the TURN host name in your iceServers and this machine's DNS."),
            Unreachable { .. } => Fix::new("A firewall drops traffic to the TURN server: allow outbound UDP/TCP to its port, or offer TURN over TLS on 443 (turns:host:443?transport=tcp), which most firewalls pass."),
            UdpBlockedStreamWorks { .. } => Fix::new("Keep the TCP/TLS URL that relays in your app's iceServers (turns: on port 443 passes most firewalls), after the UDP one for when UDP is open; ask the network admin to allow outbound UDP to the TURN server for lower latency."),
            NotTurn { .. } => Fix::new("Check the URL's port and transport: something other than a TURN server answers there."),
            NoCredentials { .. } => Fix::new("Pass --turn-username and --turn-credential (or --turn-secret for TURN REST credentials), as your app's iceServers entry does."),
            CredentialsRejected { .. } => Fix::new("Check the username and credential; they must have been made for the server's realm. For TURN REST (use-auth-secret) credentials, check the shared secret and that the expiry timestamp is in the future and the clock is right.").doc(COTURN_REST),
            WrongCredentials { .. } => Fix::new("The username does not match the one that created the allocation: use one credential per connection."),
            UnusableCredentials { .. } => Fix::new("Check --turn-username and --turn-credential: a TURN username must be under 509 bytes and both must survive SASLprep (RFC 8489 §14.3 and §9.2.2); copy them exactly from your app's iceServers."),
            StaleNonce { .. } => Fix::new("The server rotates nonces faster than a request can use them: check its stale-nonce setting and clock."),
            AllocationMismatch { .. } => Fix::new("An old allocation still exists for this address: wait for it to expire (or restart the client) before allocating again."),
            Quota { .. } => Fix::new("The user has too many allocations: raise user-quota on the server, or close allocations your app leaks."),
            Capacity { .. } => Fix::new("The server is out of relay ports or bandwidth: raise total-quota / the port range, or add capacity."),
            Forbidden { .. } => Fix::new("The server forbids this relay or peer (denied-peer-ip, loopback peers): check the server's peer restrictions."),
            ErrorResponse { .. } => Fix::new("See the error code in RFC 8656 §18 and the server's logs."),
            BadIntegrity { .. } => Fix::new("The reply was not signed with your credentials: a middlebox may alter STUN, or the server's realm/credentials differ."),
            NoRelay { .. } => Fix::new("The server allocates but does not relay: check its relay-ip/external-ip settings and that its relay ports (min-port..max-port) are open."),
            Tls { .. } => Fix::new("Check the server's certificate (name, chain, expiry); with a private CA pass it with --ca-cert."),
            SomeFailed { .. } => Fix::new("Remove or fix the failing URLs in your app's iceServers: see each URL's line in the evidence."),
        }
    }
}

impl crate::check::kind::Examples for TurnCause {
    fn examples() -> Vec<TurnCause> {
        let s = || "turn:x:3478".to_owned();
        vec![
            TurnCause::Dns { host: s(), error: s() },
            TurnCause::Unreachable { detail: s() },
            TurnCause::UdpBlockedStreamWorks { works: s() },
            TurnCause::NotTurn { server: s(), what: s() },
            TurnCause::NoCredentials { server: s(), realm: s() },
            TurnCause::CredentialsRejected { server: s(), realm: s() },
            TurnCause::WrongCredentials { server: s() },
            TurnCause::UnusableCredentials { server: s(), why: "the username is too long".into() },
            TurnCause::StaleNonce { server: s() },
            TurnCause::AllocationMismatch { server: s() },
            TurnCause::Quota { server: s() },
            TurnCause::Capacity { server: s() },
            TurnCause::Forbidden { server: s(), what: String::new() },
            TurnCause::ErrorResponse { server: s(), code: 400, reason: s() },
            TurnCause::BadIntegrity { server: s() },
            TurnCause::NoRelay { server: s(), why: s() },
            TurnCause::Tls { server: s(), error: s() },
            TurnCause::SomeFailed { failed: 1, total: 2, which: s() },
        ]
    }
}
