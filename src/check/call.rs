//! A call to `/v1/realtime/calls` made the way a browser app makes it, shared by the `sdp` and
//! `datachannel` checks: a peer with an audio transceiver and `oai-events` created before the
//! offer, full gathering, a client secret minted with the standard key (or the unified multipart
//! form), the POST, and the classification of the answer.

use crate::check::key::{KeyCause, Step, mint, request};
use crate::check::{Ctx, Diagnosis, Outcome};
use crate::net::http::{Api, header};
use crate::peer::{Offerer, Options, sdp};
use crate::report::{Candidate, Fix, Status};
use crate::settings::TurnAuth;
use reqwest::header::{AUTHORIZATION, HeaderValue};
use std::sync::Arc;
use std::time::Instant;
use webrtc::peer_connection::RTCIceServer;

const WEBRTC: &str = "https://platform.openai.com/docs/guides/realtime-webrtc";

/// Why a WebRTC check failed; the stage is in the name (seed 003's causes table).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CallCause {
    #[error("{0}")]
    Key(KeyCause),
    #[error("the WebRTC peer could not be set up: {0}")]
    Peer(String),
    #[error("/v1/realtime/calls answered HTTP {status} with {what}, not an SDP answer")]
    NotSdp { status: u16, what: String },
    #[error("the SDP answer has no m=application section: the data channel cannot open")]
    NoApplication,
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
    #[error("ICE stuck in checking for {secs:.1} s: no candidate pair got an answer")]
    IceStuckChecking { secs: f64 },
    #[error("ICE failed: every candidate pair failed")]
    IceFailed,
    #[error("ICE connected but DTLS did not complete{}", if detail.is_empty() { String::new() } else { format!(" ({detail})") })]
    DtlsFailed { detail: String },
    #[error("ICE and DTLS connected, but the data channel never opened (SCTP / m=application problem)")]
    ChannelNeverOpens,
    #[error("the data channel opened but the first event is not session.created ({first})")]
    NoSessionCreated { first: String },
    #[error("the server sent an error event: {0}")]
    ServerError(String),
    #[error("no session.updated within {secs:.1} s of session.update")]
    NoSessionUpdated { secs: f64 },
}

impl Diagnosis for CallCause {
    fn id(&self) -> &'static str {
        match self {
            CallCause::Key(k) => k.id(),
            CallCause::Peer(_) => "peer_setup",
            CallCause::NotSdp { .. } => "answer_not_sdp",
            CallCause::NoApplication => "no_application_section",
            CallCause::IncompleteAnswer(_) => "incomplete_answer",
            CallCause::BadAnswer(_) => "answer_rejected",
            CallCause::CandidatesUnreachable { .. } => "candidates_unreachable",
            CallCause::UdpBlockedTcpWorks { .. } => "udp_blocked_tcp_works",
            CallCause::GatheringStalled { .. } => "gathering_stalled",
            CallCause::IceStuckChecking { .. } => "ice_stuck_checking",
            CallCause::IceFailed => "ice_failed",
            CallCause::DtlsFailed { .. } => "dtls_failed",
            CallCause::ChannelNeverOpens => "channel_never_opens",
            CallCause::NoSessionCreated { .. } => "no_session_created",
            CallCause::ServerError(_) => "server_error_event",
            CallCause::NoSessionUpdated { .. } => "no_session_updated",
        }
    }

    fn status(&self) -> Status {
        match self {
            CallCause::Key(k) => k.status(),
            CallCause::UdpBlockedTcpWorks { .. } | CallCause::GatheringStalled { .. } => Status::Warn,
            _ => Status::Fail,
        }
    }

    fn fix(&self) -> Fix {
        match self {
            CallCause::Key(k) => k.fix(),
            CallCause::Peer(_) => Fix::new("Check --bind and the machine's network interfaces; run with -v for the error."),
            CallCause::NotSdp { .. } => Fix::new("Something between you and the API (a proxy or your backend) answers /v1/realtime/calls: it must return the API's 201 application/sdp answer unmodified.").doc(WEBRTC),
            CallCause::NoApplication => Fix::new("Create the oai-events data channel BEFORE createOffer() so the offer has m=application, and make sure your backend forwards the SDP offer and answer unmodified (seed: \"SDP sin data channel\").").doc(WEBRTC),
            CallCause::IncompleteAnswer(_) | CallCause::BadAnswer(_) => Fix::new("Forward the answer SDP byte for byte (no JSON re-encoding, no trimming of lines); check any proxy that rewrites SDP.").doc(WEBRTC),
            CallCause::CandidatesUnreachable { .. } => Fix::new("Allow outbound UDP 3478 and TCP 443 to OpenAI's media servers, or configure a TURN server over TLS on 443 (turns:host:443?transport=tcp) in iceServers.").doc(WEBRTC),
            CallCause::UdpBlockedTcpWorks { .. } => Fix::new("Allow outbound UDP 3478 for the lowest latency; until then media runs over ICE-TCP to port 443.").doc(WEBRTC),
            CallCause::GatheringStalled { .. } => Fix::new("Remove the STUN/TURN servers that do not answer from iceServers (see the stun and turn checks), or send the offer before gathering completes (trickle ICE); OpenAI's SDKs configure no ICE servers at all.").doc(WEBRTC),
            CallCause::IceStuckChecking { .. } => Fix::new("ICE checks get no answer: outbound UDP is blocked and no TURN is configured. Allow UDP 3478 to OpenAI (or TCP 443), or add a TURN server over TCP/TLS 443 to iceServers. (This tool's own peer does not do ICE-TCP; if the sdp check found the TCP candidates answering, browsers will connect over TCP 443.)").doc(WEBRTC),
            CallCause::IceFailed => Fix::new("Every path failed: allow outbound UDP 3478 / TCP 443, or add TURN (turns:host:443?transport=tcp) to iceServers.").doc(WEBRTC),
            CallCause::DtlsFailed { .. } => Fix::new("Something alters the SDP (the a=fingerprint must match the server's certificate) or blocks DTLS packets: forward the answer unmodified; check firewalls that inspect UDP.").doc(WEBRTC),
            CallCause::ChannelNeverOpens => Fix::new("The data channel must be created before createOffer(), and the answer's m=application must be accepted (port not 0): check the offer your app sends and any SDP munging.").doc(WEBRTC),
            CallCause::NoSessionCreated { .. } => Fix::new("Use the GA endpoints (/v1/realtime/client_secrets then /v1/realtime/calls); an app on the beta endpoints sees a session but never its events (seed 004).").doc(WEBRTC),
            CallCause::ServerError(_) => Fix::new("Read the error event: it names the session problem (model, configuration, limits) to fix in the session config.").doc(WEBRTC),
            CallCause::NoSessionUpdated { .. } => Fix::new("The session did not accept session.update: check the event's shape (type \"session.update\", a \"session\" object with \"type\": \"realtime\").").doc(WEBRTC),
        }
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

/// The peer options the settings ask for.
pub fn peer_options(ctx: &Ctx) -> Options {
    let s = &ctx.settings;
    let mut ice_servers = Vec::new();
    if !s.stun_is_default {
        for u in &s.stun {
            ice_servers.push(RTCIceServer { urls: vec![u.to_string()], ..Default::default() });
        }
    }
    let creds = match &s.turn_auth {
        Some(TurnAuth::Static { username, password }) => Some((username.clone(), password.clone())),
        Some(TurnAuth::Rest { secret, user }) => {
            let (u, p) =
                crate::check::turn::client::rest_credentials(secret, user, std::time::Duration::from_secs(86_400));
            ctx.secrets.lock().expect("secrets").add(&p);
            Some((u, p))
        }
        None => None,
    };
    for u in &s.turn {
        let (username, credential) = creds.clone().unwrap_or_default();
        ice_servers.push(RTCIceServer { urls: vec![u.to_string()], username, credential });
    }
    // Loopback base URL (the fake server, selftest): a wildcard would skip loopback interfaces.
    let host_is_loopback = s
        .base_url
        .host_str()
        .is_some_and(|h| h == "localhost" || h.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback()));
    let ip = s
        .bind
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| if host_is_loopback { "127.0.0.1".into() } else { "0.0.0.0".into() });
    Options { ice_servers, relay_only: s.relay_only, udp_addrs: vec![format!("{ip}:0")], tcp_addrs: vec![] }
}

/// Build the offer, get a credential, POST it, and read the answer. Evidence goes into `out`.
pub async fn open(ctx: &Ctx, out: &mut Outcome) -> Result<Call, CallCause> {
    let s = &ctx.settings;
    let start = Instant::now();
    let mut offerer = Offerer::new(&peer_options(ctx)).await.map_err(CallCause::Peer)?;
    // Gathering gets a third of the budget (at most 3 s): host candidates take milliseconds, a
    // STUN answer one round trip; what is still missing then is a server that does not answer.
    let share = (ctx.deadline.saturating_duration_since(start) / 3).min(std::time::Duration::from_secs(3));
    let (offer, complete) = offerer.offer(start + share).await.map_err(CallCause::Peer)?;
    out.evidence.timing("gathered", start.elapsed());
    let gathering_stalled = (!complete).then(|| start.elapsed().as_secs_f64());
    if let Some(secs) = gathering_stalled {
        out.evidence
            .detail("gathering", format!("incomplete after {secs:.1} s: going on with the candidates gathered so far"));
    }
    out.evidence.artifacts.push(crate::report::Artifact { name: "offer.sdp".into(), content: sdp::redacted(&offer) });
    let media: Vec<String> = sdp::media(&offer).into_iter().map(|(k, p)| format!("{k} ({p})")).collect();
    out.evidence.detail("offer", format!("{}; codecs {}", media.join(", "), sdp::codecs(&offer).join(", ")));
    for c in sdp::candidates(&offer) {
        out.evidence.candidates.push(Candidate {
            kind: c.kind,
            protocol: c.protocol,
            address: c.address,
            port: c.port,
            side: "local".into(),
            source: None,
        });
    }

    let key = s.api_key.as_ref().ok_or(CallCause::Key(KeyCause::Missing))?;
    for finding in crate::check::key::lint(&key.value) {
        if finding.status() == Status::Fail {
            return Err(CallCause::Key(finding));
        }
    }
    let tls = crate::net::tls::client_config(s.ca_cert.as_deref(), true)
        .map_err(|e| CallCause::Key(KeyCause::Tls(format!("{e:#}"))))?;
    let api = Arc::new(Api::new(s.clone(), tls).map_err(|e| CallCause::Key(KeyCause::Transport(format!("{e:#}"))))?);
    let standard = Api::bearer(&key.value).map_err(|_| CallCause::Key(KeyCause::NonAscii))?;
    let mut warnings = Vec::new();
    let calls = s.endpoint("/v1/realtime/calls");
    let ex = if s.unified {
        out.evidence.detail("auth", "unified interface (multipart sdp + session, standard key)");
        let session = serde_json::json!({"type": "realtime", "model": s.model}).to_string();
        let boundary = format!("realtime-doctor-{:016x}", fastrand::u64(..));
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"sdp\"\r\n\r\n{offer}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"session\"\r\n\r\n{session}\r\n--{boundary}--\r\n"
        );
        request(ctx, out, &mut warnings, &api, Step::Calls, |c| {
            c.post(calls.clone())
                .header(AUTHORIZATION, standard.clone())
                .header("content-type", format!("multipart/form-data; boundary={boundary}"))
                .body(body.clone())
        })
        .await
        .map_err(CallCause::Key)?
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
                .body(offer.clone())
        })
        .await
        .map_err(CallCause::Key)?
    };
    out.evidence.timing("answer_received", start.elapsed());
    let ct = ex.content_type.clone().unwrap_or_default();
    if !ct.starts_with("application/sdp") || !ex.body.trim_start().starts_with("v=0") {
        return Err(CallCause::NotSdp {
            status: ex.status,
            what: crate::net::http::describe_body(ex.content_type.as_deref(), &ex.body),
        });
    }
    let call_id = header(&ex.headers, "location")
        .and_then(|l| l.rsplit('/').next().map(str::to_owned))
        .filter(|id| !id.is_empty());
    out.evidence.detail("call_id", call_id.clone().unwrap_or_else(|| "none (no Location header)".into()));
    let answer = ex.body.clone();
    out.evidence.artifacts.push(crate::report::Artifact { name: "answer.sdp".into(), content: sdp::redacted(&answer) });
    for c in sdp::candidates(&answer) {
        let tcp = c.tcp_type.map(|t| format!(" tcptype {t}")).unwrap_or_default();
        out.evidence.candidates.push(Candidate {
            kind: c.kind,
            protocol: c.protocol,
            address: c.address,
            port: c.port,
            side: "remote".into(),
            source: Some(format!("answer{tcp}")),
        });
    }
    let missing = sdp::validate_answer(&answer);
    if missing.contains(&sdp::Missing::Application) {
        return Err(CallCause::NoApplication);
    }
    if !missing.is_empty() {
        return Err(CallCause::IncompleteAnswer(missing.iter().map(|m| m.to_string()).collect::<Vec<_>>().join("; ")));
    }
    Ok(Call { offerer, offer, answer, call_id, start, gathering_stalled, api })
}

impl Call {
    /// Hang up (`/v1/realtime/calls/{id}/hangup`) and close the peer; best effort, bounded.
    pub async fn end(self, ctx: &Ctx, out: &mut Outcome) {
        if let (Some(id), Some(key)) = (&self.call_id, &ctx.settings.api_key)
            && let Ok(bearer) = Api::bearer(&key.value)
        {
            let url = ctx.settings.endpoint(&format!("/v1/realtime/calls/{id}/hangup"));
            let until = Instant::now() + std::time::Duration::from_secs(2);
            match self.api.send("hangup", until, |c| c.post(url.clone()).header(AUTHORIZATION, bearer.clone())).await {
                Ok(ex) => out.evidence.detail("hangup", format!("HTTP {}", ex.status)),
                Err(e) => out.evidence.detail("hangup", format!("{e:?}")),
            }
        }
        self.offerer.close().await;
    }
}

/// Skip when the key check (same run) failed: its fix comes first.
pub async fn key_failed(ctx: &Ctx) -> bool {
    matches!(ctx.deps.wait(crate::report::CheckId::Key).await, Some(r) if r.status == Status::Fail)
}
