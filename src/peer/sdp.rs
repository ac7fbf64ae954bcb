//! Reading SDP as a diagnostician does: the shape of an offer, whether an answer has what the
//! Realtime API's answer must have (OpenAI's WebRTC guide: fingerprint, setup, ICE credentials,
//! audio and application sections, candidates), and its ICE candidates (RFC 8839 `a=candidate`,
//! RFC 6544 `tcptype`).

use crate::report::{Candidate, CandidateType, Protocol, Side};

/// One `a=candidate` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdpCandidate {
    pub protocol: Protocol,
    pub address: String,
    pub port: u16,
    pub kind: CandidateType,
    pub tcp_type: Option<String>,
}

/// Candidates, each once (with BUNDLE every m-section repeats the same ones).
pub fn candidates(sdp: &str) -> Vec<SdpCandidate> {
    let mut all: Vec<SdpCandidate> = sdp
        .lines()
        .filter_map(|l| l.trim().strip_prefix("a=candidate:"))
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            if f.len() < 8 || f[6] != "typ" {
                return None;
            }
            let kind = match f[7] {
                "host" => CandidateType::Host,
                "srflx" => CandidateType::Srflx,
                "prflx" => CandidateType::Prflx,
                "relay" => CandidateType::Relay,
                _ => return None,
            };
            let tcp_type = f.iter().position(|x| *x == "tcptype").and_then(|i| f.get(i + 1)).map(|s| s.to_string());
            let protocol = match f[2].to_ascii_lowercase().as_str() {
                "udp" => Protocol::Udp,
                "tcp" => Protocol::Tcp,
                _ => return None,
            };
            Some(SdpCandidate { protocol, address: f[4].to_owned(), port: f[5].parse().ok()?, kind, tcp_type })
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    all.retain(|c| seen.insert((c.protocol, c.address.clone(), c.port, c.tcp_type.clone())));
    all
}

impl SdpCandidate {
    /// As the report lists it (the address as written: an mDNS name stays a name).
    pub fn to_report(&self, side: Side, source: Option<String>) -> Candidate {
        Candidate {
            kind: self.kind,
            protocol: self.protocol,
            address: self.address.clone(),
            port: self.port,
            side,
            source,
            tcp_type: self.tcp_type.clone(),
        }
    }
}

fn attr<'a>(sdp: &'a str, name: &str) -> Option<&'a str> {
    sdp.lines().find_map(|l| l.trim().strip_prefix(&format!("a={name}:")))
}

pub fn ice_credentials(sdp: &str) -> Option<(String, String)> {
    Some((attr(sdp, "ice-ufrag")?.trim().to_owned(), attr(sdp, "ice-pwd")?.trim().to_owned()))
}

/// One `m=` line: `m=<kind> <port> <protocol> <formats>` (RFC 8866 §5.14).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Media {
    pub kind: String,
    /// `None` when the port field is not a number; 0 means the section was rejected (RFC 3264 §6).
    pub port: Option<u16>,
    pub protocol: String,
}

/// The media sections, in order.
pub fn media(sdp: &str) -> Vec<Media> {
    sdp.lines()
        .filter_map(|l| l.trim().strip_prefix("m="))
        .map(|m| {
            let f: Vec<&str> = m.split_whitespace().collect();
            let field = |i: usize| f.get(i).copied().unwrap_or_default();
            // A port may carry a count (`9/2`); the port is what comes before it.
            let port = field(1).split('/').next().and_then(|p| p.parse().ok());
            Media { kind: field(0).to_owned(), port, protocol: field(2).to_owned() }
        })
        .collect()
}

/// The direction of the first audio section (RFC 3264 §6.1, from the side that wrote the SDP):
/// `sendrecv`, `sendonly`, `recvonly` or `inactive`; `sendrecv` when it names none. `None` without
/// an audio section.
pub fn audio_direction(sdp: &str) -> Option<&'static str> {
    let mut in_audio = false;
    let mut found = None;
    for l in sdp.lines().map(str::trim) {
        if let Some(m) = l.strip_prefix("m=") {
            if in_audio {
                break;
            }
            in_audio = m.starts_with("audio");
            if in_audio {
                found = Some("sendrecv");
            }
        } else if in_audio {
            for d in ["sendrecv", "sendonly", "recvonly", "inactive"] {
                if l.strip_prefix("a=") == Some(d) {
                    found = Some(d);
                }
            }
        }
    }
    found
}

/// The answer with its audio section's direction replaced (fault injection).
pub fn with_audio_direction(sdp: &str, direction: &str) -> String {
    let mut in_audio = false;
    let mut out = String::new();
    for line in sdp.split_inclusive('\n') {
        let l = line.trim_end();
        if let Some(m) = l.strip_prefix("m=") {
            in_audio = m.starts_with("audio");
            out.push_str(line);
            if in_audio {
                out.push_str(&format!("a={direction}\r\n"));
            }
            continue;
        }
        if in_audio && ["a=sendrecv", "a=sendonly", "a=recvonly", "a=inactive"].contains(&l) {
            continue;
        }
        out.push_str(line);
    }
    out
}

/// Codec names from `a=rtpmap` lines.
pub fn codecs(sdp: &str) -> Vec<String> {
    let mut v: Vec<String> = sdp
        .lines()
        .filter_map(|l| l.trim().strip_prefix("a=rtpmap:"))
        .filter_map(|l| l.split_whitespace().nth(1))
        .filter_map(|c| c.split('/').next())
        .map(str::to_owned)
        .collect();
    v.dedup();
    v
}

/// What an answer lacks, in the order a user should fix it; empty when it is complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    NotSdp,
    Fingerprint,
    Setup,
    IceCredentials,
    Audio,
    Application,
    /// An `m=application` with port 0: the answerer refused the data channel (RFC 3264 §6).
    ApplicationRejected,
    Candidates,
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Missing::NotSdp => "it does not start with v=0",
            Missing::Fingerprint => "no a=fingerprint (DTLS cannot be verified)",
            Missing::Setup => "no a=setup (DTLS role)",
            Missing::IceCredentials => "no a=ice-ufrag / a=ice-pwd",
            Missing::Audio => "no m=audio section",
            Missing::Application => "no m=application section (no data channel)",
            Missing::ApplicationRejected => "m=application with port 0 (the data channel was rejected)",
            Missing::Candidates => "no a=candidate",
        })
    }
}

pub fn validate_answer(sdp: &str) -> Vec<Missing> {
    if !sdp.trim_start().starts_with("v=0") {
        return vec![Missing::NotSdp];
    }
    let mut m = Vec::new();
    if attr(sdp, "fingerprint").is_none() {
        m.push(Missing::Fingerprint);
    }
    if attr(sdp, "setup").is_none() {
        m.push(Missing::Setup);
    }
    if ice_credentials(sdp).is_none() {
        m.push(Missing::IceCredentials);
    }
    let media = media(sdp);
    if !media.iter().any(|s| s.kind == "audio") {
        m.push(Missing::Audio);
    }
    let application: Vec<&Media> = media.iter().filter(|s| s.kind == "application").collect();
    if application.is_empty() {
        m.push(Missing::Application);
    } else if application.iter().all(|s| s.port == Some(0)) {
        m.push(Missing::ApplicationRejected);
    }
    if candidates(sdp).is_empty() {
        m.push(Missing::Candidates);
    }
    m
}

/// An SDP fit for a report: ICE credentials and DTLS fingerprints replaced (they authenticate
/// the session), everything else kept for a support engineer to read.
pub fn redacted(sdp: &str) -> String {
    sdp.lines()
        .map(|l| {
            for secret in ["a=ice-ufrag:", "a=ice-pwd:", "a=fingerprint:"] {
                if l.starts_with(secret) {
                    return format!("{secret}[redacted]");
                }
            }
            l.to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Remove the `m=application` section (fault injection, and to test the check that catches it).
pub fn without_application(sdp: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in sdp.split_inclusive('\n') {
        if line.starts_with("m=") {
            skipping = line.starts_with("m=application");
        }
        if !skipping {
            out.push_str(line);
        }
    }
    // The BUNDLE group names the mids that are left (RFC 9143 §7.2): one that names a removed
    // section is invalid, and without any group a browser offer's media is not bundled at all.
    let mids: Vec<&str> = out.lines().filter_map(|l| l.trim().strip_prefix("a=mid:")).map(str::trim).collect();
    let group = format!("a=group:BUNDLE {}", mids.join(" "));
    out.lines()
        .filter_map(|l| match l.starts_with("a=group:BUNDLE") {
            true if mids.is_empty() => None,
            true => Some(format!("{group}\r\n")),
            false => Some(format!("{l}\r\n")),
        })
        .collect()
}

/// An answer shaped like OpenAI's (for tests).
#[cfg(test)]
pub(crate) const ANSWER: &str = "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n\
        m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=ice-ufrag:abcd\r\na=ice-pwd:0123456789abcdef012345\r\n\
        a=fingerprint:sha-256 AA:BB\r\na=setup:passive\r\na=rtpmap:111 opus/48000/2\r\n\
        a=candidate:1 1 udp 2130706431 203.0.113.5 3478 typ host\r\n\
        a=candidate:2 1 tcp 1671430143 203.0.113.5 443 typ host tcptype passive\r\n\
        m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:1\r\na=sctp-port:5000\r\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_openai_like_answer() {
        assert!(validate_answer(ANSWER).is_empty());
        let c = candidates(ANSWER);
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].protocol, c[0].port, c[0].kind), (Protocol::Udp, 3478, CandidateType::Host));
        assert_eq!(c[1].tcp_type.as_deref(), Some("passive"));
        assert_eq!(ice_credentials(ANSWER).unwrap().0, "abcd");
        assert_eq!(codecs(ANSWER), ["opus"]);
    }

    #[test]
    fn redaction_removes_credentials_and_fingerprints() {
        let r = redacted(ANSWER);
        assert!(!r.contains("abcd") && !r.contains("0123456789abcdef012345") && !r.contains("AA:BB"), "{r}");
        assert!(r.contains("a=ice-pwd:[redacted]") && r.contains("typ host"));
    }

    #[test]
    fn the_audio_direction_is_read_and_rewritten() {
        assert_eq!(audio_direction(ANSWER), Some("sendrecv"));
        for d in ["recvonly", "sendonly", "inactive"] {
            let changed = with_audio_direction(ANSWER, d);
            assert_eq!(audio_direction(&changed), Some(d), "{changed}");
            assert!(changed.contains("m=application"), "{changed}");
        }
        assert_eq!(audio_direction("v=0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"), None);
    }

    #[test]
    fn names_what_is_missing() {
        let no_app = without_application(ANSWER);
        assert_eq!(validate_answer(&no_app), vec![Missing::Application]);
        // The group names what is left.
        assert!(no_app.contains("a=group:BUNDLE 0\r\n") && !no_app.contains("BUNDLE 0 1"), "{no_app}");
        assert_eq!(validate_answer("<html>"), vec![Missing::NotSdp]);
        assert_eq!(
            validate_answer("v=0\r\n"),
            vec![
                Missing::Fingerprint,
                Missing::Setup,
                Missing::IceCredentials,
                Missing::Audio,
                Missing::Application,
                Missing::Candidates
            ]
        );
    }

    #[test]
    fn prop_any_text_is_read_as_sdp_without_panicking() {
        use crate::testing::props;
        use proptest::prelude::*;
        props::check("sdp", props::sdp_like(), |text| {
            let cands = candidates(&text);
            let _ = (media(&text), codecs(&text), ice_credentials(&text), without_application(&text));
            let missing = validate_answer(&text);
            prop_assert!(missing.is_empty() || !missing.iter().any(|m| m.to_string().is_empty()));
            if missing.is_empty() {
                prop_assert!(!cands.is_empty());
            }
            // Redaction leaves no ICE password of the input behind.
            let red = redacted(&text);
            if let Some((_, pwd)) = ice_credentials(&text).filter(|(_, p)| p.len() >= 4) {
                prop_assert!(!red.lines().any(|l| l.starts_with("a=ice-pwd:") && l.contains(pwd.as_str())));
            }
            Ok(())
        });
    }
}
