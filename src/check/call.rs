//! A call to `/v1/realtime/calls` made the way a browser app makes it, shared by the `sdp` and
//! `datachannel` checks: a peer with an audio transceiver and `oai-events` created before the
//! offer, full gathering, a client secret minted with the standard key (or the unified multipart
//! form), the POST, and the classification of the answer.

use crate::check::key::{KeyCause, Step, mint, request};
use crate::check::kind::{CauseKind, Diagnosis, ids};
use crate::check::{Ctx, Outcome};
use crate::net::http::{Api, header};
use crate::peer::{Offerer, Options, sdp};
use crate::report::{Artifact, Fix, Side, Status};
use reqwest::header::{AUTHORIZATION, HeaderValue};
use std::sync::Arc;
use std::time::{Duration, Instant};

const WEBRTC: &str = "https://platform.openai.com/docs/guides/realtime-webrtc";

/// How long gathering may take before the offer goes out with what it has: host candidates take
/// milliseconds and a STUN or TURN answer one round trip; what is still missing after 3 s is a
/// server that does not answer, which a non-trickle app would wait for as long as the browser does.
pub const GATHERING_LIMIT: Duration = Duration::from_secs(3);

/// Why a WebRTC check failed; the stage is in the name.
#[derive(Debug, Clone, PartialEq, thiserror::Error, strum::EnumDiscriminants)]
#[strum_discriminants(name(CallKind), derive(strum::EnumIter, Hash), vis(pub))]
pub enum CallCause {
    /// An HTTP-level cause (minting, the POST): the key check's kinds.
    #[error("{0}")]
    Key(KeyCause),
    #[error("the WebRTC peer could not be set up: {0}")]
    Peer(String),
    #[error("/v1/realtime/calls answered HTTP {status} with {what}, not an SDP answer")]
    NotSdp { status: u16, what: String },
    #[error("the SDP answer has no m=application section: the data channel cannot open")]
    NoApplication,
    #[error(
        "the SDP answer rejects the data channel (m=application with port 0): the server refused the offer's data channel"
    )]
    ApplicationRejected,
    #[error("the SDP answer is incomplete: {0}")]
    IncompleteAnswer(String),
    #[error("the SDP answer could not be applied: {0}")]
    BadAnswer(String),
    #[error("none of the answer's candidates answered a connectivity check ({detail})")]
    CandidatesUnreachable { detail: String },
    #[error(
        "UDP to the media server does not answer but TCP does ({detail}): browsers connect over ICE-TCP, with more latency"
    )]
    UdpBlockedTcpWorks { detail: String },
    #[error(
        "ICE gathering did not complete in {secs:.1} s: an ICE server (STUN/TURN) in the configuration does not answer, and a non-trickle app waits for it"
    )]
    GatheringStalled { secs: f64 },
    #[error("media runs over TCP ({how}): UDP to the media server does not get through, so voice has more latency")]
    MediaOverTcp { how: String },
    #[error("the answer offers no UDP candidate: media can only run over TCP, with more latency")]
    NoUdpCandidate,
    #[error("ICE stuck in checking: no candidate pair got an answer {wait}")]
    IceStuckChecking { wait: String, relay_gathered: bool },
    #[error("ICE failed: every candidate pair failed")]
    IceFailed,
    #[error("ICE connected but DTLS did not complete{}", if detail.is_empty() { String::new() } else { format!(" ({detail})") })]
    DtlsFailed { detail: String },
    #[error("ICE and DTLS connected, but the data channel did not open {wait} (SCTP / m=application problem)")]
    ChannelNeverOpens { wait: String },
    #[error("the data channel opened but the first event is not session.created ({first})")]
    NoSessionCreated { first: String },
    #[error("the server sent an error event: {0}")]
    ServerError(String),
    #[error("no session.updated {wait} after session.update")]
    NoSessionUpdated { wait: String },
}

ids!(CallKind {
    Key => "key",
    Peer => "peer_setup",
    NotSdp => "answer_not_sdp",
    NoApplication => "no_application_section",
    ApplicationRejected => "application_rejected",
    IncompleteAnswer => "incomplete_answer",
    BadAnswer => "answer_rejected",
    CandidatesUnreachable => "candidates_unreachable",
    UdpBlockedTcpWorks => "udp_blocked_tcp_works",
    GatheringStalled => "gathering_stalled",
    MediaOverTcp => "media_over_tcp",
    NoUdpCandidate => "no_udp_candidate",
    IceStuckChecking => "ice_stuck_checking",
    IceFailed => "ice_failed",
    DtlsFailed => "dtls_failed",
    ChannelNeverOpens => "channel_never_opens",
    NoSessionCreated => "no_session_created",
    ServerError => "server_error_event",
    NoSessionUpdated => "no_session_updated",
});

const CHANNEL_BEFORE_OFFER: &str = "Create the oai-events data channel before createOffer() so the offer has an \
m=application section, and make sure your backend forwards the SDP offer and answer unmodified (an offer \
without a data channel, or one rewritten on the way, gets an answer without one).";

impl Diagnosis for CallCause {
    fn kind(&self) -> CauseKind {
        match self {
            CallCause::Key(k) => k.kind(),
            other => CauseKind::Call(other.into()),
        }
    }

    fn status(&self) -> Status {
        match self {
            CallCause::Key(k) => k.status(),
            CallCause::UdpBlockedTcpWorks { .. }
            | CallCause::GatheringStalled { .. }
            | CallCause::MediaOverTcp { .. }
            | CallCause::NoUdpCandidate => Status::Warn,
            _ => Status::Fail,
        }
    }

    fn fix(&self) -> Fix {
        match self {
            CallCause::Key(k) => k.fix(),
            CallCause::Peer(_) => Fix::new("Check --bind and the machine's network interfaces; run with -v for the error."),
            CallCause::NotSdp { .. } => Fix::new("Something between you and the API (a proxy or your backend) answers /v1/realtime/calls: it must return the API's 201 application/sdp answer unmodified.").doc(WEBRTC),
            CallCause::NoApplication | CallCause::ApplicationRejected => Fix::new(CHANNEL_BEFORE_OFFER).doc(WEBRTC),
            CallCause::IncompleteAnswer(_) | CallCause::BadAnswer(_) => Fix::new("Forward the answer SDP byte for byte (no JSON re-encoding, no trimming of lines); check any proxy that rewrites SDP.").doc(WEBRTC),
            CallCause::CandidatesUnreachable { .. } => Fix::new("Allow outbound UDP 3478 and TCP 443 to OpenAI's media servers, or configure a TURN server over TLS on 443 (turns:host:443?transport=tcp) in iceServers.").doc(WEBRTC),
            CallCause::UdpBlockedTcpWorks { .. } => Fix::new("Allow outbound UDP 3478 for the lowest latency; until then media runs over ICE-TCP to port 443.").doc(WEBRTC),
            CallCause::GatheringStalled { .. } => Fix::new("Remove the STUN/TURN servers that do not answer from iceServers (see the stun and turn checks), or send the offer before gathering completes (trickle ICE); OpenAI's SDKs configure no ICE servers at all.").doc(WEBRTC),
            CallCause::MediaOverTcp { .. } => Fix::new("For the network admin: allow outbound UDP 3478 to OpenAI's media servers; WebRTC voice wants UDP (TCP retransmits delay audio). Until then calls work over TCP, with more latency.").doc(WEBRTC),
            CallCause::NoUdpCandidate => Fix::new("The answer should carry a UDP candidate (OpenAI's answers have one on port 3478): check whatever forwards or rewrites the SDP answer between the API and the app.").doc(WEBRTC),
            CallCause::IceStuckChecking { relay_gathered: true, .. } => Fix::new("Even the path through the TURN relay got no answer from the media server: check that the TURN server may relay to OpenAI's media servers (its allowed peers and outbound firewall), and see the turn check's evidence.").doc(WEBRTC),
            CallCause::IceStuckChecking { .. } => Fix::new("ICE checks get no answer over UDP or ICE-TCP, and no TURN relay was gathered: allow outbound UDP 3478 or TCP 443 to OpenAI's media servers, or add a TURN server over TCP/TLS on 443 (turns:host:443?transport=tcp) to iceServers.").doc(WEBRTC),
            CallCause::IceFailed => Fix::new("Every path failed: allow outbound UDP 3478 / TCP 443, or add TURN (turns:host:443?transport=tcp) to iceServers.").doc(WEBRTC),
            CallCause::DtlsFailed { .. } => Fix::new("Something alters the SDP (the a=fingerprint must match the server's certificate) or blocks DTLS packets: forward the answer unmodified; check firewalls that inspect UDP.").doc(WEBRTC),
            CallCause::ChannelNeverOpens { .. } => Fix::new("The data channel must be created before createOffer(), and the answer's m=application must be accepted (port not 0): check the offer your app sends and any SDP munging.").doc(WEBRTC),
            CallCause::NoSessionCreated { .. } => Fix::new("Use the GA endpoints (/v1/realtime/client_secrets then /v1/realtime/calls); an app on the retired beta endpoints sees a session but never its events.").doc(WEBRTC),
            CallCause::ServerError(_) => Fix::new("Read the error event: it names the session problem (model, configuration, limits) to fix in the session config.").doc(WEBRTC),
            CallCause::NoSessionUpdated { .. } => Fix::new("The session did not accept session.update: check the event's shape (type \"session.update\", a \"session\" object with \"type\": \"realtime\").").doc(WEBRTC),
        }
    }
}

impl CallCause {
    #[cfg(test)]
    pub(crate) fn examples() -> Vec<CallCause> {
        let d = || "udp 203.0.113.5:3478 no reply".to_owned();
        let wait = || "in 5.0 s".to_owned();
        let mut all = vec![
            CallCause::Peer("bind: address not available".into()),
            CallCause::NotSdp { status: 200, what: "an HTML page".into() },
            CallCause::NoApplication,
            CallCause::ApplicationRejected,
            CallCause::IncompleteAnswer("no a=fingerprint".into()),
            CallCause::BadAnswer("parse error".into()),
            CallCause::CandidatesUnreachable { detail: d() },
            CallCause::UdpBlockedTcpWorks { detail: d() },
            CallCause::GatheringStalled { secs: 3.0 },
            CallCause::MediaOverTcp { how: "ICE-TCP to 203.0.113.5:443".into() },
            CallCause::NoUdpCandidate,
            CallCause::IceStuckChecking { wait: wait(), relay_gathered: false },
            CallCause::IceStuckChecking { wait: wait(), relay_gathered: true },
            CallCause::IceFailed,
            CallCause::DtlsFailed { detail: String::new() },
            CallCause::ChannelNeverOpens { wait: wait() },
            CallCause::NoSessionCreated { first: "no event in 5.0 s".into() },
            CallCause::ServerError("{\"type\":\"error\"}".into()),
            CallCause::NoSessionUpdated { wait: wait() },
        ];
        // The HTTP causes of the POST and of minting are the key check's.
        all.extend(KeyCause::examples().into_iter().map(CallCause::Key));
        all
    }
}

/// An established signalling exchange: the offerer, both SDPs, the call id.
pub struct Call {
    pub offerer: Offerer,
    pub offer: String,
    pub answer: String,
    pub call_id: Option<String>,
    pub start: Instant,
    /// Gathering was cut short by a silent ICE server (a warning for the check's verdict).
    pub gathering_stalled: Option<f64>,
    api: Arc<Api>,
}

/// The peer options the settings ask for: the app's ICE servers, and where to bind.
pub fn peer_options(ctx: &Ctx) -> Options {
    let s = &ctx.settings;
    // Loopback base URL (the fake server, selftest): gather on loopback, which browsers (and a
    // wildcard bind) leave out.
    let loopback = s.base_url.host_str().and_then(|h| match h.trim_start_matches('[').trim_end_matches(']') {
        "localhost" => Some(std::net::IpAddr::from(std::net::Ipv4Addr::LOCALHOST)),
        h => h.parse::<std::net::IpAddr>().ok().filter(|ip| ip.is_loopback()),
    });
    Options {
        stun: if s.stun_is_default { Vec::new() } else { s.stun.clone() },
        turn: s.turn.clone(),
        turn_credentials: crate::check::turn::credentials(ctx),
        tls: crate::net::tls::client_config(s.ca_cert.as_deref(), crate::net::tls::Alpn::None).ok().map(Arc::new),
        relay_only: s.relay_only,
        bind: s.bind.or(loopback),
    }
}

/// Build the offer, get a credential, POST it, and read the answer. Evidence goes into `out`.
pub async fn open(ctx: &Ctx, out: &mut Outcome) -> Result<Call, CallCause> {
    let start = Instant::now();
    let (offerer, offer, gathering_stalled) = make_offer(ctx, out, start).await?;
    let (api, ex) = post_offer(ctx, out, &offer).await?;
    out.evidence.timing("answer_received", start.elapsed());
    judge_reply(ex.status, ex.content_type.as_deref(), &ex.body)?;
    let call_id = header(&ex.headers, "location")
        .and_then(|l| l.rsplit('/').next().map(str::to_owned))
        .filter(|id| !id.is_empty());
    out.evidence.detail("call_id", call_id.clone().unwrap_or_else(|| "none (no Location header)".into()));
    let answer = ex.body;
    out.evidence.artifacts.push(Artifact { name: "answer.sdp".into(), content: sdp::redacted(&answer) });
    for c in sdp::candidates(&answer) {
        let tcp = c.tcp_type.as_ref().map(|t| format!(" tcptype {t}")).unwrap_or_default();
        out.evidence.candidates.push(c.to_report(Side::Remote, Some(format!("answer{tcp}"))));
    }
    judge_answer(&answer)?;
    Ok(Call { offerer, offer, answer, call_id, start, gathering_stalled, api })
}

/// The offer as a correct app makes it, after gathering (bounded: see [`GATHERING_LIMIT`]).
async fn make_offer(ctx: &Ctx, out: &mut Outcome, start: Instant) -> Result<(Offerer, String, Option<f64>), CallCause> {
    let mut offerer = Offerer::new(&peer_options(ctx)).await.map_err(CallCause::Peer)?;
    // With a short --timeout, a third of it: the offer still has time to go out.
    let limit = GATHERING_LIMIT.min(ctx.budget / 3);
    let (offer, complete) = offerer.offer(ctx.wait(limit).until).await.map_err(CallCause::Peer)?;
    out.evidence.timing("gathered", start.elapsed());
    let stalled = (!complete).then(|| start.elapsed().as_secs_f64());
    if let Some(secs) = stalled {
        out.evidence
            .detail("gathering", format!("incomplete after {secs:.1} s: going on with the candidates gathered so far"));
    }
    out.evidence.artifacts.push(Artifact { name: "offer.sdp".into(), content: sdp::redacted(&offer) });
    let media: Vec<String> = sdp::media(&offer).into_iter().map(|m| format!("{} ({})", m.kind, m.protocol)).collect();
    out.evidence.detail("offer", format!("{}; codecs {}", media.join(", "), sdp::codecs(&offer).join(", ")));
    for c in sdp::candidates(&offer) {
        out.evidence.candidates.push(c.to_report(Side::Local, None));
    }
    Ok((offerer, offer, stalled))
}

/// POST the offer with the credential a browser app would use: a minted `ek_` secret, or with
/// `--unified` the standard key and a multipart form (RFC 7578) of `sdp` and `session`.
async fn post_offer(
    ctx: &Ctx,
    out: &mut Outcome,
    offer: &str,
) -> Result<(Arc<Api>, crate::net::http::Exchange), CallCause> {
    let s = &ctx.settings;
    let key = s.api_key.as_ref().ok_or(CallCause::Key(KeyCause::Missing))?;
    crate::check::key::lint_verdict(&key.value).map_err(CallCause::Key)?;
    let api = Arc::new(crate::check::key::client(ctx).map_err(CallCause::Key)?);
    let standard = Api::bearer(&key.value).map_err(|_| CallCause::Key(KeyCause::NonAscii))?;
    let mut warnings = Vec::new();
    let calls = s.endpoint("/v1/realtime/calls");
    let ex = if s.unified {
        out.evidence.detail("auth", "unified interface (multipart sdp + session, standard key)");
        let session = serde_json::json!({"type": "realtime", "model": s.model}).to_string();
        request(ctx, out, &mut warnings, &api, Step::Calls, |c| {
            let form = reqwest::multipart::Form::new().text("sdp", offer.to_owned()).text("session", session.clone());
            c.post(calls.clone()).header(AUTHORIZATION, standard.clone()).multipart(form)
        })
        .await
    } else {
        let (_, ek) = mint::secret(ctx, out, &mut warnings, &api, &standard).await.map_err(CallCause::Key)?;
        out.evidence.detail("auth", "ephemeral client secret (ek_, minted with the standard key)");
        let mut bearer = HeaderValue::from_str(&format!("Bearer {ek}"))
            .map_err(|_| CallCause::Key(KeyCause::BadClientSecret { why: "not a header value".into() }))?;
        bearer.set_sensitive(true);
        // One attempt only: a client secret is single-use, so a retry would be refused anyway.
        request(ctx, out, &mut warnings, &api, Step::Calls, |c| {
            c.post(calls.clone())
                .header(AUTHORIZATION, bearer.clone())
                .header("content-type", "application/sdp")
                .body(offer.to_owned())
        })
        .await
    };
    Ok((api, ex.map_err(CallCause::Key)?))
}

/// A 2xx reply of `/calls` must be an SDP answer (`application/sdp`, starting `v=0`).
pub fn judge_reply(status: u16, content_type: Option<&str>, body: &str) -> Result<(), CallCause> {
    let ct = content_type.unwrap_or_default().to_ascii_lowercase();
    if !ct.starts_with("application/sdp") || !body.trim_start().starts_with("v=0") {
        return Err(CallCause::NotSdp { status, what: crate::net::http::describe_body(content_type, body) });
    }
    Ok(())
}

/// What the answer must have for the data channel to open (the WebRTC guide's answer shape).
pub fn judge_answer(answer: &str) -> Result<(), CallCause> {
    let missing = sdp::validate_answer(answer);
    if missing.contains(&sdp::Missing::Application) {
        return Err(CallCause::NoApplication);
    }
    if missing.contains(&sdp::Missing::ApplicationRejected) {
        return Err(CallCause::ApplicationRejected);
    }
    if !missing.is_empty() {
        return Err(CallCause::IncompleteAnswer(missing.iter().map(|m| m.to_string()).collect::<Vec<_>>().join("; ")));
    }
    Ok(())
}

impl Call {
    /// Hang up (`/v1/realtime/calls/{id}/hangup`) and close the peer; best effort, bounded.
    pub async fn end(self, ctx: &Ctx, out: &mut Outcome) {
        if let (Some(id), Some(key)) = (&self.call_id, &ctx.settings.api_key)
            && let Ok(bearer) = Api::bearer(&key.value)
        {
            let url = ctx.settings.endpoint(&format!("/v1/realtime/calls/{id}/hangup"));
            let until = Instant::now() + Duration::from_secs(2);
            match self.api.send("hangup", until, |c| c.post(url.clone()).header(AUTHORIZATION, bearer.clone())).await {
                Ok(ex) => out.evidence.detail("hangup", format!("HTTP {}", ex.status)),
                Err(e) => out.evidence.detail("hangup", format!("{e:?}")),
            }
        }
        self.offerer.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::props;
    use proptest::prelude::*;

    use crate::peer::sdp::ANSWER;

    #[test]
    fn a_rejected_data_channel_is_named_at_once() {
        assert_eq!(judge_answer(ANSWER), Ok(()));
        let rejected = ANSWER.replace("m=application 9 ", "m=application 0 ");
        assert_eq!(judge_answer(&rejected), Err(CallCause::ApplicationRejected));
        assert!(CallCause::ApplicationRejected.fix().text.contains("before createOffer()"));
        assert_eq!(judge_answer(&sdp::without_application(ANSWER)), Err(CallCause::NoApplication));
    }

    #[test]
    fn an_error_json_or_a_page_is_not_an_answer() {
        let err = judge_reply(200, Some("application/json"), r#"{"error":{"message":"x"}}"#).unwrap_err();
        assert_eq!(err.id(), "answer_not_sdp");
        assert!(judge_reply(201, Some("application/sdp; charset=utf-8"), ANSWER).is_ok());
        assert!(judge_reply(201, None, ANSWER).is_err());
    }

    #[test]
    fn prop_any_reply_of_calls_is_judged_without_panicking() {
        let ct = prop_oneof![
            Just(None),
            Just(Some("application/sdp".to_owned())),
            Just(Some("text/html".to_owned())),
            ".{0,40}".prop_map(Some),
        ];
        props::check("calls reply", (any::<u16>(), ct, props::sdp_like()), |(status, ct, body)| {
            let judged = judge_reply(status, ct.as_deref(), &body).and_then(|_| judge_answer(&body));
            if let Err(cause) = judged {
                prop_assert!(!cause.to_string().is_empty() && cause.fix().text.len() > 20);
                prop_assert_eq!(cause.status(), Status::Fail);
            } else {
                prop_assert!(sdp::validate_answer(&body).is_empty());
            }
            Ok(())
        });
    }
}
