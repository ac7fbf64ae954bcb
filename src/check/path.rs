//! The media path, judged once: what carries a call's packets from this side (UDP, ICE-TCP, or a
//! TURN relay and the transport that reaches it), what the answer offered, and what answered a
//! connectivity check. The CLI checks, the browser checks, `analyze` and the verdict read a path
//! through here, so "media runs over TCP" and "the answer has no UDP candidate" mean the same
//! thing wherever they are said.

use super::signal::CallCause;
use crate::peer::sdp::SdpCandidate;
use crate::report::{Candidate, CandidatePair, CandidateType, Evidence, Protocol};
use crate::stun::{IceUrl, Transport};

/// How media leaves this side on the selected pair (RFC 8445 §5.1.1 candidate types, RFC 6544
/// ICE-TCP, RFC 8656 TURN).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leg {
    /// UDP straight to the peer (a host, server- or peer-reflexive candidate).
    Udp,
    /// ICE-TCP straight to the peer.
    IceTcp,
    /// Through a TURN relay, reached over this transport (`None`: the evidence does not say).
    Relay(Option<Transport>),
}

impl Leg {
    /// The leg of a selected pair. `relay_protocol` is what a browser's statistics say of a relay
    /// candidate (`relayProtocol`: udp, tcp or tls); without it the relay's TURN URL tells.
    pub fn of(pair: &CandidatePair, relay_protocol: Option<&str>) -> Leg {
        Leg::of_candidate(&pair.local, relay_protocol)
    }

    /// The leg a local candidate gives (a relay candidate gathered by the turn check, say).
    pub fn of_candidate(local: &Candidate, relay_protocol: Option<&str>) -> Leg {
        if local.kind == CandidateType::Relay {
            let stated = relay_protocol.and_then(|p| match p.to_ascii_lowercase().as_str() {
                "udp" => Some(Transport::Udp),
                "tcp" => Some(Transport::Tcp),
                "tls" => Some(Transport::Tls),
                _ => None,
            });
            let from_url = local.source.as_deref().and_then(|u| IceUrl::parse(u).ok()).map(|u| u.transport);
            return Leg::Relay(stated.or(from_url));
        }
        match local.protocol {
            Protocol::Tcp => Leg::IceTcp,
            Protocol::Udp => Leg::Udp,
        }
    }

    /// Media leaves over TCP: ICE-TCP, or a relay reached over TCP or TLS (the relayed leg is UDP,
    /// the leg from here is not). Either way UDP did not get through, or was not offered.
    pub fn over_tcp(self) -> bool {
        matches!(self, Leg::IceTcp) || self.relayed_over_stream()
    }

    /// Through a TURN relay reached over TCP or TLS.
    pub fn relayed_over_stream(self) -> bool {
        matches!(self, Leg::Relay(Some(Transport::Tcp | Transport::Tls)))
    }

    /// How media runs over TCP, in words (`ICE-TCP to 198.18.0.4:443`, `through the TURN relay
    /// turns:h:443, reached over tls`).
    pub fn words(self, pair: &CandidatePair) -> String {
        match self {
            Leg::Relay(t) => {
                let over = t.map(|t| format!(", reached over {t}")).unwrap_or_default();
                match &pair.local.source {
                    Some(url) => format!("through the TURN relay {url}{over}"),
                    None => format!("through a TURN relay{over}"),
                }
            }
            Leg::IceTcp | Leg::Udp => {
                let name = if self == Leg::IceTcp { "ICE-TCP" } else { "UDP" };
                match &pair.remote {
                    Some(r) if r.address.contains(':') => format!("{name} to [{}]:{}", r.address, r.port),
                    Some(r) => format!("{name} to {}:{}", r.address, r.port),
                    None => name.to_owned(),
                }
            }
        }
    }
}

/// What the answer offered over UDP (its `a=candidate` lines, RFC 8839 §5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerUdp {
    /// At least one UDP candidate.
    Offered,
    /// Candidates, none of them UDP.
    Missing,
    /// No candidate at all (a server that trickles, or learns ours from our checks).
    NoCandidates,
    /// The answer is not known (a dump without it).
    Unknown,
}

impl AnswerUdp {
    pub fn of(candidates: &[SdpCandidate]) -> AnswerUdp {
        AnswerUdp::of_protocols(candidates.iter().map(|c| c.protocol))
    }

    /// From the protocols of the answer's candidates.
    pub fn of_protocols(mut protocols: impl Iterator<Item = Protocol>) -> AnswerUdp {
        let Some(first) = protocols.next() else { return AnswerUdp::NoCandidates };
        if first == Protocol::Udp || protocols.any(|p| p == Protocol::Udp) {
            AnswerUdp::Offered
        } else {
            AnswerUdp::Missing
        }
    }

    /// The answer's candidates of a whole SDP.
    pub fn of_sdp(answer: &str) -> AnswerUdp {
        AnswerUdp::of(&crate::peer::sdp::candidates(answer))
    }

    /// From a result's evidence: its `answer.sdp` artefact (the redacted answer keeps its
    /// candidates); `Unknown` without one.
    pub fn of_evidence(evidence: &Evidence) -> AnswerUdp {
        evidence
            .artifacts
            .iter()
            .find(|a| a.name == "answer.sdp")
            .map_or(AnswerUdp::Unknown, |a| AnswerUdp::of_sdp(&a.content))
    }
}

/// Which of the answer's candidates answered a connectivity check (the sdp check's probes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Answered {
    /// Candidates checked at all (none: nothing to say).
    pub checked: usize,
    pub udp: usize,
    pub tcp: usize,
}

/// Everything known of one call's media path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MediaPath {
    /// The selected pair's leg, once a call connected.
    pub leg: Option<Leg>,
    pub answer: AnswerUdp,
    /// Connectivity checks to the answer's candidates, when they were made.
    pub answered: Option<Answered>,
    /// The ICE policy was relay-only: TCP to the relay is then the configuration's choice.
    pub relay_only: bool,
}

/// What a media path says that a user should hear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathNews {
    /// The answer offers no UDP candidate: media can only run over TCP, whatever the network.
    NoUdpCandidate,
    /// Media runs over TCP although UDP was offered: UDP does not get through.
    OverTcp(Leg),
    /// No UDP candidate answers a check, a TCP one does.
    UdpDeadTcpAnswers,
    /// No candidate of the answer answers a check.
    NothingAnswers,
}

impl MediaPath {
    /// The one judgement of a media path, strongest news first.
    pub fn news(&self) -> Option<PathNews> {
        if let Some(leg) = self.leg {
            if !leg.over_tcp() {
                // Media runs over UDP: an answer without UDP candidates did no harm (the server's
                // checks taught this side a peer-reflexive one).
                return None;
            }
            // A server that gave no UDP candidate (or none at all: it learnt ours from our checks)
            // explains TCP media by itself; without a connection, an empty answer says nothing.
            if matches!(self.answer, AnswerUdp::Missing | AnswerUdp::NoCandidates) {
                return Some(PathNews::NoUdpCandidate);
            }
            return (!self.relay_only).then_some(PathNews::OverTcp(leg));
        }
        match self.answered {
            Some(a) if a.checked > 0 => {
                if self.answer == AnswerUdp::Missing && a.tcp > 0 {
                    Some(PathNews::NoUdpCandidate)
                } else if a.udp > 0 {
                    None
                } else if a.tcp > 0 {
                    Some(PathNews::UdpDeadTcpAnswers)
                } else {
                    Some(PathNews::NothingAnswers)
                }
            }
            // Nothing connected or checked: the answer alone.
            _ => (self.answer == AnswerUdp::Missing).then_some(PathNews::NoUdpCandidate),
        }
    }
}

impl PathNews {
    /// The cause a check reports for this news: `pair` words how media runs over TCP, `dead` lists
    /// the candidates that did not answer.
    pub fn cause(self, pair: Option<&CandidatePair>, dead: &str) -> CallCause {
        match self {
            PathNews::NoUdpCandidate => CallCause::NoUdpCandidate,
            PathNews::OverTcp(leg) => CallCause::MediaOverTcp {
                how: pair.map_or_else(|| "a pair the peer did not report".to_owned(), |p| leg.words(p)),
            },
            PathNews::UdpDeadTcpAnswers => CallCause::UdpBlockedTcpWorks { detail: dead.to_owned() },
            PathNews::NothingAnswers => CallCause::CandidatesUnreachable { detail: dead.to_owned() },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Side;

    fn cand(kind: CandidateType, protocol: Protocol, source: Option<&str>) -> Candidate {
        let c = Candidate::new(kind, protocol, "198.18.0.4:443".parse().unwrap(), Side::Local);
        match source {
            Some(s) => c.from(s),
            None => c,
        }
    }

    fn pair(local: Candidate) -> CandidatePair {
        let remote =
            Candidate::new(CandidateType::Host, Protocol::Udp, "203.0.113.5:3478".parse().unwrap(), Side::Remote);
        CandidatePair { local, remote: Some(remote) }
    }

    #[test]
    fn legs() {
        let tcp = pair(cand(CandidateType::Host, Protocol::Tcp, None));
        assert_eq!(Leg::of(&tcp, None), Leg::IceTcp);
        assert_eq!(Leg::of(&tcp, None).words(&tcp), "ICE-TCP to 203.0.113.5:3478");
        let relay = pair(cand(CandidateType::Relay, Protocol::Udp, Some("turns:t.example:443?transport=tcp")));
        assert_eq!(Leg::of(&relay, None), Leg::Relay(Some(Transport::Tls)));
        assert!(Leg::of(&relay, None).over_tcp());
        assert_eq!(
            Leg::of(&relay, None).words(&relay),
            "through the TURN relay turns:t.example:443?transport=tcp, reached over tls"
        );
        // The browser's relayProtocol beats the URL.
        assert_eq!(Leg::of(&relay, Some("udp")), Leg::Relay(Some(Transport::Udp)));
        let unknown = pair(cand(CandidateType::Relay, Protocol::Udp, None));
        assert_eq!(Leg::of(&unknown, None), Leg::Relay(None));
        assert!(!Leg::of(&unknown, None).over_tcp());
        assert_eq!(Leg::of(&pair(cand(CandidateType::Prflx, Protocol::Udp, None)), None), Leg::Udp);
    }

    #[test]
    fn news_table() {
        use AnswerUdp::*;
        let path = |leg, answer, answered: Option<(usize, usize, usize)>, relay_only| MediaPath {
            leg,
            answer,
            answered: answered.map(|(checked, udp, tcp)| Answered { checked, udp, tcp }),
            relay_only,
        };
        let tcp = Some(Leg::IceTcp);
        let relay_tcp = Some(Leg::Relay(Some(Transport::Tcp)));
        let rows: &[(MediaPath, Option<PathNews>)] = &[
            // A call that connected.
            (path(tcp, Offered, None, false), Some(PathNews::OverTcp(Leg::IceTcp))),
            (path(tcp, Missing, None, false), Some(PathNews::NoUdpCandidate)),
            (path(tcp, NoCandidates, None, false), Some(PathNews::NoUdpCandidate)),
            (path(tcp, Unknown, None, false), Some(PathNews::OverTcp(Leg::IceTcp))),
            (path(relay_tcp, Offered, None, true), None),
            (path(relay_tcp, Offered, None, false), Some(PathNews::OverTcp(Leg::Relay(Some(Transport::Tcp))))),
            (path(Some(Leg::Udp), Missing, None, false), None),
            // Connectivity checks, no call.
            (path(None, Missing, Some((2, 0, 1)), false), Some(PathNews::NoUdpCandidate)),
            (path(None, Missing, Some((2, 0, 0)), false), Some(PathNews::NothingAnswers)),
            (path(None, Offered, Some((2, 1, 0)), false), None),
            (path(None, Offered, Some((2, 0, 1)), false), Some(PathNews::UdpDeadTcpAnswers)),
            (path(None, Offered, Some((2, 0, 0)), false), Some(PathNews::NothingAnswers)),
            (path(None, NoCandidates, Some((0, 0, 0)), false), None),
            // The answer alone.
            (path(None, Missing, None, false), Some(PathNews::NoUdpCandidate)),
            (path(None, NoCandidates, None, false), None),
        ];
        for (p, want) in rows {
            assert_eq!(p.news(), *want, "{p:?}");
        }
    }
}
