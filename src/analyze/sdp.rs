//! An SDP offer and/or answer, judged by the rules the sdp check applies to what it sends and
//! receives: the answer as `judge_answer` does, the offer as a correct app makes it (OpenAI's
//! WebRTC guide: the microphone track and the `oai-events` channel before createOffer(), sent
//! after ICE gathering).

use crate::check::path::{AnswerUdp, Leg, MediaPath};
use crate::check::signal::{CallCause, judge_answer};
use crate::check::{Diagnosis, Outcome};
use crate::peer::sdp;
use crate::report::CheckId;
use crate::report::{Artifact, CheckResult, Side};

/// Offer or answer: the file's name when it says one and not the other (an offer edited to
/// `a=setup:active` is still judged as the offer it is), else the DTLS role it offers (RFC 8842
/// §5.2: an offer says `actpass`, an answer `active` or `passive`).
pub fn role(name: &str, text: &str) -> Option<super::FileKind> {
    let lower = name.to_ascii_lowercase();
    match (lower.contains("offer"), lower.contains("answer")) {
        (true, false) => return Some(super::FileKind::SdpOffer),
        (false, true) => return Some(super::FileKind::SdpAnswer),
        _ => {}
    }
    let setup = setup(text)?;
    Some(if setup == "actpass" { super::FileKind::SdpOffer } else { super::FileKind::SdpAnswer })
}

fn setup(text: &str) -> Option<String> {
    text.lines().find_map(|l| l.trim().strip_prefix("a=setup:")).map(|s| s.trim().to_ascii_lowercase())
}

/// What is wrong with an offer, the failures first in the order a user should fix them, then the
/// warnings.
pub fn judge_offer(offer: &str) -> Vec<CallCause> {
    let t = offer.trim_start();
    if !t.starts_with("v=0") {
        return vec![CallCause::UnparseableOffer(format!(
            "it does not start with v=0 ({})",
            crate::net::http::describe_body(None, t)
        ))];
    }
    if let Err(e) = rtc::sdp::SessionDescription::unmarshal(&mut std::io::Cursor::new(t.as_bytes())) {
        return vec![CallCause::UnparseableOffer(e.to_string())];
    }
    let mut found = Vec::new();
    let media = sdp::media(t);
    if !media.iter().any(|m| m.kind == "application") {
        found.push(CallCause::OfferNoApplication);
    }
    let mut lacking = Vec::new();
    if !t.lines().any(|l| l.trim().starts_with("a=fingerprint:")) {
        lacking.push("no a=fingerprint (DTLS cannot be verified)");
    }
    if sdp::ice_credentials(t).is_none() {
        lacking.push("no a=ice-ufrag / a=ice-pwd");
    }
    if !lacking.is_empty() {
        found.push(CallCause::IncompleteOffer(lacking.join("; ")));
    }
    if !media.iter().any(|m| m.kind == "audio") {
        found.push(CallCause::OfferNoAudio);
    }
    if let Some(s) = setup(t).filter(|s| s != "actpass") {
        found.push(CallCause::OfferSetup { setup: s });
    }
    if sdp::candidates(t).is_empty() {
        found.push(CallCause::OfferNoCandidates);
    }
    // Failures before warnings, each group in the order above.
    found.sort_by_key(|c| c.status() != crate::report::Status::Fail);
    found
}

/// The message of an OpenAI error JSON (`{"error": {"message", "code"}}`), when that is what the
/// text is.
fn api_error(text: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(text.trim()).ok()?;
    let e = v.get("error")?;
    let message = e.get("message").and_then(|m| m.as_str()).unwrap_or("no message").to_owned();
    Some(match e.get("code").and_then(|c| c.as_str()) {
        Some(code) => format!("{message} ({code})"),
        None => message,
    })
}

/// What an answer gets beyond `judge_answer`: the warning a run would give. `leg` is how the
/// call's media ran, when it is known to have connected (media over UDP makes an answer without
/// UDP candidates harmless).
pub(super) fn answer_warnings(answer: &str, leg: Option<Leg>) -> Vec<CallCause> {
    let path = MediaPath { leg, answer: AnswerUdp::of_sdp(answer), answered: None, relay_only: false };
    path.news().map(|news| news.cause(None, "")).into_iter().collect()
}

/// One line on what an SDP holds: its sections, codecs and candidates.
fn describe(text: &str) -> String {
    let media: Vec<String> = sdp::media(text)
        .iter()
        .map(|m| if m.port == Some(0) { format!("{} (rejected: port 0)", m.kind) } else { m.kind.clone() })
        .collect();
    let cands = sdp::candidates(text);
    let mut kinds: Vec<String> = cands.iter().map(|c| format!("{} {}", c.kind.as_str(), c.protocol.as_str())).collect();
    kinds.sort();
    kinds.dedup();
    let media = if media.is_empty() { "no media sections".to_owned() } else { media.join(" + ") };
    let codecs = sdp::codecs(text);
    let codecs = if codecs.is_empty() { String::new() } else { format!(", codecs {}", codecs.join(" ")) };
    let lite = if text.lines().any(|l| l.trim() == "a=ice-lite") { ", ICE-lite" } else { "" };
    format!(
        "{media}{codecs}, {} candidate(s){}{lite}",
        cands.len(),
        if kinds.is_empty() { String::new() } else { format!(" ({})", kinds.join(", ")) }
    )
}

/// The sdp result for what was given: the offer's findings first (it was made first), then the
/// answer's.
pub fn check(offer: Option<&super::Input>, answer: Option<&super::Input>) -> CheckResult {
    let mut out = Outcome::new(CheckId::Sdp);
    let mut findings: Vec<CallCause> = Vec::new();
    let mut parts = Vec::new();
    for (side, input) in [(Side::Local, offer), (Side::Remote, answer)] {
        let Some(input) = input else { continue };
        let (word, text) = (if side == Side::Local { "offer" } else { "answer" }, input.text.trim_start());
        out.evidence.detail(word, format!("{}: {}", input.name, describe(text)));
        parts.push(format!("{word}: {}", describe(text)));
        out.evidence.artifacts.push(Artifact { name: format!("{word}.sdp"), content: sdp::redacted(text) });
        for c in sdp::candidates(text) {
            out.evidence.candidates.push(c.to_report(side, Some(word.to_owned())));
        }
        if side == Side::Local {
            findings.extend(judge_offer(text));
        } else {
            if let Some(message) = api_error(text) {
                findings.push(CallCause::ErrorAsAnswer { message });
                continue;
            }
            match judge_answer(text) {
                Err(cause) => findings.push(cause),
                Ok(()) => findings.extend(answer_warnings(text, None)),
            }
        }
    }
    let first_fail = findings.iter().position(|c| c.status() == crate::report::Status::Fail);
    // The finding the result is about; every other one is named beside it.
    let main = first_fail.or((!findings.is_empty()).then_some(0));
    for (i, c) in findings.iter().enumerate() {
        if Some(i) != main {
            out.evidence.detail("also", c.to_string());
        }
    }
    match first_fail {
        Some(i) => out.diagnose(&findings[i], None),
        None => out.pass_or_warn(parts.join("; "), findings.first()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Status;

    const OFFER: &str = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n\
m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=ice-ufrag:abcd\r\na=ice-pwd:0123456789abcdefghijkl\r\n\
a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF\r\n\
a=setup:actpass\r\na=sendrecv\r\na=rtpmap:111 opus/48000/2\r\n\
a=candidate:1 1 udp 2130706431 192.0.2.10 50000 typ host\r\n\
m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=ice-ufrag:abcd\r\na=ice-pwd:0123456789abcdefghijkl\r\n\
a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF\r\n\
a=setup:actpass\r\na=sctp-port:5000\r\n";

    fn ids(offer: &str) -> Vec<String> {
        judge_offer(offer).iter().map(|c| c.id().to_owned()).collect()
    }

    #[test]
    fn a_correct_offer_has_no_finding() {
        assert!(judge_offer(OFFER).is_empty(), "{:?}", judge_offer(OFFER));
        assert_eq!(role("x.sdp", OFFER), Some(super::super::FileKind::SdpOffer));
    }

    #[test]
    fn each_offer_rule() {
        let no_app = &OFFER[..OFFER.find("m=application").unwrap()].replace("BUNDLE 0 1", "BUNDLE 0");
        assert_eq!(ids(no_app), ["offer_without_application"]);
        let no_cands = OFFER.replace("a=candidate:1 1 udp 2130706431 192.0.2.10 50000 typ host\r\n", "");
        assert_eq!(ids(&no_cands), ["offer_without_candidates"]);
        assert_eq!(ids(&OFFER.replace("a=setup:actpass", "a=setup:active")), ["offer_setup_not_actpass"]);
        let no_fp: String =
            OFFER.lines().filter(|l| !l.starts_with("a=fingerprint")).map(|l| format!("{l}\n")).collect();
        assert_eq!(ids(&no_fp), ["incomplete_offer"]);
        assert_eq!(ids("{\"error\":{\"message\":\"x\"}}"), ["offer_unparseable"]);
        // A failure comes before a warning whatever the order found.
        let both = no_app.replace("a=candidate:1 1 udp 2130706431 192.0.2.10 50000 typ host\r\n", "");
        assert_eq!(ids(&both), ["offer_without_application", "offer_without_candidates"]);
    }

    #[test]
    fn prop_any_text_gets_a_verdict_never_a_panic() {
        use crate::testing::props;
        // Noise, and the correct offer with a line dropped or cut short.
        props::check("analyze-sdp", (".{0,300}", 0usize..40, 0usize..200), |(noise, drop, cut)| {
            let lines: Vec<&str> = OFFER.split("\r\n").collect();
            let dropped: String =
                lines.iter().enumerate().filter(|(i, _)| *i != drop).map(|(_, l)| format!("{l}\r\n")).collect();
            let cut = &OFFER[..OFFER.len().min(cut * 4)];
            for text in [noise.as_str(), dropped.as_str(), cut] {
                let input = super::super::Input { name: "x".into(), text: text.to_owned() };
                let _ = super::super::detect(&input);
                let r = check(Some(&input), Some(&input));
                proptest::prop_assert!(r.status >= Status::Pass);
            }
            Ok(())
        });
    }

    #[test]
    fn the_offer_decides_before_the_answer() {
        let offer =
            super::super::Input { name: "o.sdp".into(), text: OFFER.replace("a=setup:actpass", "a=setup:active") };
        let r = check(Some(&offer), None);
        assert_eq!(r.status, Status::Warn, "{r:?}");
        assert_eq!(r.cause.unwrap().id, "sdp.offer_setup_not_actpass");
    }
}
