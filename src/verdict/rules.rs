//! The verdict's rules, tried in order: the stages of the way to a call, first to last (the
//! endpoint, the network to the API, the key and token, ICE and its servers, your backend, SDP,
//! DTLS, the data channel and session, the browser, TURN and STUN, the microphone), then the
//! catch-alls. A row names its test (`when`) and its words (`then`); the longer ones are the
//! functions below the table.

use super::{FROM_THE_CHECK, Facts, Rule, WEBRTC, first_failed, worst};
use crate::check::key::{KeyKind, KeyStage};
use crate::check::signal::CallKind;
use crate::check::stage::Stage;
use crate::check::turn::TurnKind;
use crate::check::voice::VoiceKind;
use crate::report::{CheckId, Fix, Status, VoiceApi};
use CheckId::{BrowserMic, BrowserWebrtc, Datachannel, Key, Mic, Sdp, Stun, Turn, Voice};

pub const RULES: &[Rule] = &[
    Rule {
        id: "cleartext_key",
        stage: "endpoint",
        when: |f| f.failed(Key) && f.key(Key) == Some(KeyKind::Cleartext),
        then: |f| (f.message(Key), f.fix(Key)),
    },
    Rule {
        id: "retired_endpoint",
        stage: "endpoint",
        when: retired_endpoint_applies,
        then: |f| (f.message(Key), f.fix(Key)),
    },
    Rule {
        id: "tls_interception",
        stage: "network (HTTPS)",
        when: |f| f.failed(Key) && f.key(Key) == Some(KeyKind::TlsIntercepted),
        then: tls_interception,
    },
    Rule { id: "api_unreachable", stage: "network (HTTPS)", when: api_unreachable_applies, then: api_unreachable },
    Rule { id: "no_credit", stage: "token", when: no_credit_applies, then: no_credit },
    // A model of one voice API sent to the other: the key works, the choice of API does not.
    Rule { id: "model_wrong_api", stage: "key", when: model_wrong_api_applies, then: model_wrong_api },
    // The key check's, or the browser's call when only it ran (the browser command).
    Rule { id: "key_rejected", stage: "key", when: |f| rejected_key_check(f).is_some(), then: key_rejected },
    Rule { id: "token", stage: "token", when: |f| f.failed(Key), then: token },
    // Not when TCP to the media server answers (the sdp check's own probe): then ICE-TCP is a
    // way, as it is for browsers.
    Rule { id: "all_blocked", stage: "ICE", when: all_blocked_applies, then: all_blocked },
    // UDP dead needs TCP evidence: the answer's TCP candidates answered and its UDP ones did
    // not, or the call itself ran over ICE-TCP although the answer had UDP candidates. A dead
    // STUN server alone proves nothing about UDP.
    Rule {
        id: "udp_blocked_tcp_works",
        stage: "ICE",
        when: udp_blocked_tcp_works_applies,
        then: udp_blocked_tcp_works,
    },
    // The turn check's own evidence: its UDP URL is dead and a TCP/TLS one relays. The media
    // servers answer neither over UDP nor over TCP, so the relay over TCP is the only way.
    Rule {
        id: "udp_blocked_turn_tcp_works",
        stage: "ICE",
        when: udp_blocked_turn_tcp_works_applies,
        then: udp_blocked_turn_tcp_works,
    },
    Rule { id: "dead_ice_servers", stage: "ICE gathering", when: dead_ice_servers_applies, then: dead_ice_servers },
    Rule { id: "backend", stage: "your backend", when: backend_applies, then: backend },
    Rule {
        id: "sdp",
        stage: "SDP",
        when: |f| f.failed(Sdp) && f.call(Sdp) != Some(CallKind::CandidatesUnreachable),
        then: sdp,
    },
    Rule {
        id: "ice",
        stage: "ICE",
        when: |f| f.ice_dead() || f.call(Sdp) == Some(CallKind::CandidatesUnreachable),
        then: ice,
    },
    Rule {
        id: "dtls",
        stage: "DTLS",
        when: |f| f.stage(f.call_check()) == Some(Stage::Dtls),
        then: |f| (f.message(f.call_check()), f.fix(f.call_check())),
    },
    Rule {
        id: "data_channel",
        stage: "data channel",
        when: data_channel_applies,
        then: |f| (f.message(f.call_check()), f.fix(f.call_check())),
    },
    Rule {
        id: "session",
        stage: "session",
        when: |f| f.stage(f.call_check()) == Some(Stage::Session),
        then: |f| (f.message(f.call_check()), f.fix(f.call_check())),
    },
    Rule {
        id: "webrtc_other",
        stage: "data channel",
        // The call's own causes (the voice check's, when it made the call, are its own rule's).
        when: |f| f.failed(f.call_check()) && (f.call_check() == Datachannel || f.call(Voice).is_some()),
        then: |f| (f.message(f.call_check()), f.fix(f.call_check())),
    },
    // The voice check's own causes, and the call's when this machine's call otherwise worked.
    Rule {
        id: "voice",
        stage: "voice",
        when: |f| f.failed(Voice) && (f.kind::<VoiceKind>(Voice).is_some() || f.status(Datachannel) == Status::Pass),
        then: voice,
    },
    Rule {
        id: "browser_page",
        stage: "browser",
        when: |f| [BrowserWebrtc, BrowserMic].iter().any(|&id| f.page_failed(id)),
        then: browser_page,
    },
    Rule { id: "browser_call", stage: "browser", when: |f| f.failed(BrowserWebrtc), then: browser_call },
    Rule { id: "turn", stage: "TURN", when: |f| f.failed(Turn), then: turn },
    Rule { id: "stun_only", stage: "STUN", when: |f| f.failed(Stun), then: stun_only },
    Rule { id: "microphone", stage: "microphone", when: |f| f.failed(Mic), then: microphone },
    Rule { id: "browser_microphone", stage: "microphone", when: |f| f.failed(BrowserMic), then: browser_microphone },
    // A failure no rule above explains (a check without rules of its own): in its own stage.
    Rule { id: "check_failed", stage: FROM_THE_CHECK, when: |f| first_failed(f).is_some(), then: check_failed },
    // Nothing failed on the way to a call: the first warning, in the path's order, is the news.
    Rule { id: "warning", stage: "warning", when: |f| worst(f).is_some(), then: warning },
];

/// When the `retired_endpoint` rule applies.
fn retired_endpoint_applies(f: &Facts) -> bool {
    f.failed(Key) && f.key(Key).is_some_and(|k| k.stage() == KeyStage::Endpoint)
}

/// The verdict of the `tls_interception` rule.
fn tls_interception(f: &Facts) -> (String, Fix) {
    (format!("TLS to the API is intercepted on this network: {}", f.message(Key)), f.fix(Key))
}

/// When the `api_unreachable` rule applies.
fn api_unreachable_applies(f: &Facts) -> bool {
    f.failed(Key) && f.key(Key).is_some_and(|k| k.stage() == KeyStage::Network)
}

/// The verdict of the `api_unreachable` rule.
fn api_unreachable(f: &Facts) -> (String, Fix) {
    (format!("the API cannot be reached over HTTPS: {}", f.message(Key)), f.fix(Key))
}

/// When the `no_credit` rule applies.
fn no_credit_applies(f: &Facts) -> bool {
    [Key, Sdp, Datachannel, Voice, BrowserWebrtc].iter().any(|id| f.key(*id) == Some(KeyKind::InsufficientQuota))
}

/// The verdict of the `no_credit` rule.
fn no_credit(f: &Facts) -> (String, Fix) {
    let id = [Key, Sdp, Datachannel, Voice, BrowserWebrtc]
        .into_iter()
        .find(|id| f.key(*id) == Some(KeyKind::InsufficientQuota));
    (
        "the account has no credit left (429 insufficient_quota): a billing problem, not a rate limit".into(),
        f.fix(id.unwrap_or(Key)),
    )
}

/// When the `model_wrong_api` rule applies.
fn model_wrong_api_applies(f: &Facts) -> bool {
    [Key, Sdp, Datachannel, Voice, BrowserWebrtc].iter().any(|id| f.key(*id) == Some(KeyKind::WrongApiModel))
}

/// The verdict of the `model_wrong_api` rule.
fn model_wrong_api(f: &Facts) -> (String, Fix) {
    let id =
        [Key, Sdp, Datachannel, Voice, BrowserWebrtc].into_iter().find(|id| f.key(*id) == Some(KeyKind::WrongApiModel));
    let id = id.unwrap_or(Key);
    (f.message(id), f.fix(id))
}

/// The verdict of the `key_rejected` rule.
fn key_rejected(f: &Facts) -> (String, Fix) {
    let id = rejected_key_check(f).unwrap_or(Key);
    (format!("the API key cannot be used: {}", f.message(id)), f.fix(id))
}

/// The verdict of the `token` rule.
fn token(f: &Facts) -> (String, Fix) {
    let what = if f.api() == VoiceApi::Live {
        "the API does not serve this key's requests"
    } else {
        "no client secret can be minted"
    };
    (format!("{what}: {}", f.message(Key)), f.fix(Key))
}

/// When the `all_blocked` rule applies.
fn all_blocked_applies(f: &Facts) -> bool {
    f.stun_udp_dead()
        && f.call(Sdp) != Some(CallKind::UdpBlockedTcpWorks)
        && (f.call(Sdp) == Some(CallKind::CandidatesUnreachable) || f.ice_dead())
        && !matches!(f.status(Turn), Status::Pass | Status::Warn)
}

/// The verdict of the `all_blocked` rule.
fn all_blocked(_f: &Facts) -> (String, Fix) {
    (
        "outbound UDP and TCP to the media servers are blocked: a firewall stops every path, and no working TURN is configured".into(),
        Fix::new("Allow outbound UDP 3478 and TCP 443 to OpenAI's media servers, or provide a TURN server over TLS on 443 (turns:host:443?transport=tcp) that your proxy lets through.").doc(WEBRTC),
    )
}

/// When the `udp_blocked_tcp_works` rule applies.
fn udp_blocked_tcp_works_applies(f: &Facts) -> bool {
    f.call(Sdp) == Some(CallKind::UdpBlockedTcpWorks)
        || (f.media_over_ice_tcp()
            && (f.stun_udp_dead()
                || [Datachannel, BrowserWebrtc].iter().any(|&id| f.call(id) == Some(CallKind::MediaOverTcp))))
}

/// The verdict of the `udp_blocked_tcp_works` rule.
fn udp_blocked_tcp_works(f: &Facts) -> (String, Fix) {
    // The port the evidence shows; OpenAI's media servers take ICE-TCP on 443 otherwise.
    let port = f.media_port().unwrap_or(443);
    let summary = if f.media_over_ice_tcp() {
        format!(
            "outbound UDP is blocked; media runs over ICE-TCP to port {port} instead ({}), with higher latency",
            f.calls_over_tcp()
        )
    } else {
        "outbound UDP is blocked; media will fall back to ICE-TCP on port 443 in browsers, expect higher latency"
            .to_owned()
    };
    let allow = "For the network admin: allow outbound UDP 3478 to OpenAI's media servers for the best latency.";
    // Only advise TURN where this run did not see one relay over TCP.
    let relays = f.turn_stream_relays();
    let fix = if relays.is_empty() {
        format!(
            "{allow} Until then calls work over ICE-TCP {port}; a TURN server over TLS on 443 (turns:host:443?transport=tcp) in iceServers is a second way through."
        )
    } else {
        format!(
            "{allow} Until then calls work over ICE-TCP {port}, and your TURN server over TCP ({}) is a second way through.",
            relays.join(", ")
        )
    };
    (summary, Fix::new(fix).doc(WEBRTC))
}

/// When the `udp_blocked_turn_tcp_works` rule applies.
fn udp_blocked_turn_tcp_works_applies(f: &Facts) -> bool {
    f.turn() == Some(TurnKind::UdpBlockedStreamWorks)
        && (f.call(Sdp) == Some(CallKind::CandidatesUnreachable) || f.ice_dead())
}

/// The verdict of the `udp_blocked_turn_tcp_works` rule.
fn udp_blocked_turn_tcp_works(f: &Facts) -> (String, Fix) {
    let relays = f.turn_stream_relays();
    let works = if relays.is_empty() { "the TCP/TLS TURN URL".to_owned() } else { relays.join(" and ") };
    let lower = "For lower latency, allow outbound UDP 3478 to OpenAI's media servers.";
    // Never advise what the run shows working: when the call went through the relay, the
    // news is that the relay is the only way, not that it should be configured.
    if f.call_relayed_over_stream() {
        return (
            format!(
                "outbound UDP is blocked and the media servers do not answer over TCP either; calls get through only the TURN relay over TCP ({works}), which carried this run's call"
            ),
            Fix::new(format!(
                "Keep {works} in your app's iceServers: it is the only way through this network. {lower}"
            ))
            .doc(WEBRTC),
        );
    }
    (
        format!(
            "outbound UDP is blocked and the media servers do not answer over TCP either; TURN over TCP works here ({works} relayed), so calls can only go through it"
        ),
        Fix::new(format!(
            "Put {works} in your app's iceServers (with the username and credential), preferably as turns: on port 443, which firewalls let through; browsers then relay media over it. {lower}"
        ))
        .doc(WEBRTC),
    )
}

/// When the `dead_ice_servers` rule applies.
fn dead_ice_servers_applies(f: &Facts) -> bool {
    [Sdp, Datachannel].iter().any(|id| f.call(*id) == Some(CallKind::GatheringStalled))
}

/// The verdict of the `dead_ice_servers` rule.
fn dead_ice_servers(f: &Facts) -> (String, Fix) {
    let id = if f.call(Datachannel) == Some(CallKind::GatheringStalled) { Datachannel } else { Sdp };
    (
        format!(
            "an ICE server in the configuration does not answer and holds up ICE gathering; the connection itself works: {}",
            f.message(id)
        ),
        f.fix(id),
    )
}

/// When the `backend` rule applies.
fn backend_applies(f: &Facts) -> bool {
    [Sdp, Datachannel, BrowserWebrtc].iter().any(|&id| backend_failed(f, id))
}

/// The verdict of the `backend` rule.
fn backend(f: &Facts) -> (String, Fix) {
    let id = [Sdp, Datachannel, BrowserWebrtc].into_iter().find(|&id| backend_failed(f, id)).unwrap_or(Sdp);
    (format!("your app's backend route does not hand back an answer: {}", f.message(id)), f.fix(id))
}

/// The verdict of the `sdp` rule.
fn sdp(f: &Facts) -> (String, Fix) {
    (format!("the SDP exchange with {} fails: {}", f.api().offer_path(), f.message(Sdp)), f.fix(Sdp))
}

/// The verdict of the `ice` rule.
fn ice(f: &Facts) -> (String, Fix) {
    let id = if f.ice_dead() { f.call_check() } else { Sdp };
    (format!("ICE never connects: {}", f.message(id)), f.fix(id))
}

/// When the `data_channel` rule applies.
fn data_channel_applies(f: &Facts) -> bool {
    f.stage(f.call_check()) == Some(Stage::Channel)
        || matches!(
            f.call(f.call_check()),
            Some(
                CallKind::UnparseableAnswer
                    | CallKind::NoApplication
                    | CallKind::ApplicationRejected
                    | CallKind::IncompleteAnswer
                    | CallKind::BadAnswer
            )
        )
}

/// The verdict of the `browser_page` rule.
fn browser_page(f: &Facts) -> (String, Fix) {
    let id = if f.page_failed(BrowserWebrtc) { BrowserWebrtc } else { BrowserMic };
    (format!("the browser checks could not run: {}", f.message(id)), f.fix(id))
}

/// The verdict of the `browser_call` rule.
fn browser_call(f: &Facts) -> (String, Fix) {
    // Claim only what the run showed: this machine's own peer, when it ran.
    let lead = if f.status(Datachannel) == Status::Pass {
        "this machine's own WebRTC peer connects, but the call from the browser fails"
    } else {
        "the call from the browser fails"
    };
    (format!("{lead}: {}", f.message(BrowserWebrtc)), f.fix(BrowserWebrtc))
}

/// The verdict of the `turn` rule.
fn turn(f: &Facts) -> (String, Fix) {
    (format!("the configured TURN server does not work: {}", f.message(Turn)), f.fix(Turn))
}

/// The verdict of the `stun_only` rule.
fn stun_only(f: &Facts) -> (String, Fix) {
    let works = if f.status(Datachannel) == Status::Pass {
        format!(" (the {} connection itself works: OpenAI's media servers are reached directly)", f.api())
    } else {
        String::new()
    };
    (format!("no STUN server answers{works}: {}", f.message(Stun)), f.fix(Stun))
}

/// The verdict of the `microphone` rule.
fn microphone(f: &Facts) -> (String, Fix) {
    // Claim only what the run showed: a mic-only run says nothing of the network.
    let lead = if f.status(Datachannel) == Status::Pass {
        "the call connects, but the microphone does not work"
    } else if [Key, Stun, Turn, Sdp].iter().any(|&id| f.status(id) == Status::Pass) {
        "the network checks pass, but the microphone does not work"
    } else {
        "the microphone does not work"
    };
    (format!("{lead}: {}", f.message(Mic)), f.fix(Mic))
}

/// The verdict of the `browser_microphone` rule.
fn browser_microphone(f: &Facts) -> (String, Fix) {
    let lead = if f.status(BrowserWebrtc) == Status::Pass {
        "the call from the browser connects, but the browser cannot use the microphone"
    } else {
        "the browser cannot use the microphone"
    };
    (format!("{lead}: {}", f.message(BrowserMic)), f.fix(BrowserMic))
}

/// The verdict of the `check_failed` rule.
fn check_failed(f: &Facts) -> (String, Fix) {
    let id = first_failed(f).unwrap_or(Key);
    (format!("the {id} check fails: {}", f.message(id)), f.fix(id))
}

/// The verdict of the `warning` rule.
fn warning(f: &Facts) -> (String, Fix) {
    let id = worst(f).unwrap_or(Key);
    (format!("nothing fails, but the {id} check warns: {}", f.message(id)), f.fix(id))
}

/// The check's call failed at the app's backend route (`--via`).
fn backend_failed(f: &Facts, id: CheckId) -> bool {
    f.failed(id)
        && matches!(
            f.call(id),
            Some(CallKind::ViaUnreachable | CallKind::ViaRoute | CallKind::ViaNotAnswer | CallKind::ViaCors)
        )
}

/// The check whose key was refused: the key check, or the browser's call when it ran alone.
fn rejected_key_check(f: &Facts) -> Option<CheckId> {
    [Key, BrowserWebrtc].into_iter().find(|&id| f.failed(id) && f.key(id).is_some_and(|k| k.stage() == KeyStage::Key))
}

/// The verdict of the `voice` rule: its causes come only once the call has connected.
fn voice(f: &Facts) -> (String, Fix) {
    (format!("the call connects, but the voice does not get through: {}", f.message(Voice)), f.fix(Voice))
}
