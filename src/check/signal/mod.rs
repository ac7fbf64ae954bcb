//! Signalling: the offer/answer exchange as a voice app does it, shared by the `sdp`,
//! `datachannel` and `browser-webrtc` checks and the `--via` route (not a check of its own): a peer
//! with an audio transceiver and `oai-events` created before the offer, full gathering, then for
//! the Realtime API a client secret minted with the standard key (or the unified multipart form)
//! and the POST to `/v1/realtime/calls`; for GPT-Live the JSON create `POST /v1/live/sessions`
//! with the standard key (see `live`). Then the classification of the answer.

pub mod live;
pub(crate) mod sideband;
pub mod via;

use crate::check::key::{KeyCause, Step, mint, request};
use crate::check::kind::{CauseKind, Diagnosis, ids};
use crate::check::{Ctx, Outcome};
use crate::net::http::{Api, header};
use crate::peer::{Offerer, Options, sdp};
use crate::report::{Artifact, Fix, Side, Status, VoiceApi};
use reqwest::header::{AUTHORIZATION, HeaderValue};
use std::sync::Arc;
use std::time::{Duration, Instant};

const WEBRTC: &str = "https://platform.openai.com/docs/guides/realtime-webrtc";
/// GPT-Live over WebRTC (OpenAI's voice guide).
pub(crate) const LIVE: &str = "https://developers.openai.com/api/docs/guides/voice-webrtc";

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
    #[error(
        "/v1/live/sessions answered HTTP {status} with {what}, not the GPT-Live JSON ({{session: {{id: \"live_…\"}}, transport: {{sdp}}}})"
    )]
    NotLiveAnswer { status: u16, what: String },
    #[error("the SDP offer does not parse: {0}")]
    UnparseableOffer(String),
    #[error(
        "the SDP offer has no m=application section: the data channel was created after createOffer(), or not at all"
    )]
    OfferNoApplication,
    #[error("the SDP offer is incomplete: {0}")]
    IncompleteOffer(String),
    #[error(
        "the SDP offer has no m=audio section: no microphone track or audio transceiver was added before createOffer()"
    )]
    OfferNoAudio,
    #[error("the SDP offer says a=setup:{setup}; an offer must say actpass (RFC 8842 §5.2)")]
    OfferSetup { setup: String },
    #[error("the SDP offer carries no a=candidate: it was sent before ICE gathering finished")]
    OfferNoCandidates,
    #[error("the SDP answer does not parse: {0}")]
    UnparseableAnswer(String),
    #[error(
        "the browser got no answer to {request}: {why} (a CORS refusal, a blocked request or a dropped connection)"
    )]
    BlockedByBrowser { request: String, why: String },
    #[error("your backend route {url} cannot be reached: {error}")]
    ViaUnreachable { url: String, error: String },
    #[error("a page on {origin} cannot call your backend route {url}: {why}")]
    ViaCors { origin: String, url: String, why: String },
    #[error("your backend has no such route: {url} answered HTTP {status}")]
    ViaRoute { url: String, status: u16 },
    #[error("your backend route {url} answered HTTP {status} with {what}, not an SDP answer")]
    ViaNotAnswer { url: String, status: u16, what: String },
    #[error("the answer is an API error, not SDP: {message}")]
    ErrorAsAnswer { message: String },
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
    #[error(
        "the answer offers no UDP candidate: unless the server's own checks reach this side over UDP, media runs over TCP, with more latency"
    )]
    NoUdpCandidate,
    #[error("ICE stuck in checking: no candidate pair got an answer {wait}")]
    IceStuckChecking { wait: String, relay_gathered: bool },
    #[error("ICE failed: every candidate pair failed")]
    IceFailed,
    #[error("ICE connected but DTLS did not complete{}", if detail.is_empty() { String::new() } else { format!(" ({detail})") })]
    DtlsFailed { detail: String },
    #[error("ICE and DTLS connected, but the data channel did not open {wait} (SCTP / m=application problem)")]
    ChannelNeverOpens {
        wait: String,
        /// The offer carried the data channel (m=application): false only for a browser export
        /// whose app never created one.
        offered: bool,
    },
    #[error("the data channel opened but the first event is not session.created ({first})")]
    NoSessionCreated { first: String },
    #[error("the server sent an error event: {0}")]
    ServerError(String),
    #[error("no session.updated {wait} after session.update")]
    NoSessionUpdated { wait: String },
    #[error("the data channel opened but session.started did not come ({first})")]
    NoSessionStarted { first: String },
    #[error("session.started does not match the session created over HTTP: {why}")]
    SessionMismatch { why: String },
    #[error("no {expected} {wait} after {command}")]
    NoCommandConfirmation { command: String, expected: String, wait: String },
    #[error("the session ended without being asked to: session.closed with reason {reason}")]
    SessionClosed { reason: String },
    #[error("no session.closed {wait} after session.close: the session may stay open, and billed, until it expires")]
    NoSessionClosed { wait: String },
}

ids!(CallKind, wraps Key {
    Peer => "peer_setup",
    NotSdp => "answer_not_sdp",
    NotLiveAnswer => "answer_not_live_json",
    UnparseableOffer => "offer_unparseable",
    OfferNoApplication => "offer_without_application",
    IncompleteOffer => "incomplete_offer",
    OfferNoAudio => "offer_without_audio",
    OfferSetup => "offer_setup_not_actpass",
    OfferNoCandidates => "offer_without_candidates",
    UnparseableAnswer => "answer_unparseable",
    ErrorAsAnswer => "error_passed_as_answer",
    BlockedByBrowser => "blocked_by_browser",
    ViaUnreachable => "via_unreachable",
    ViaRoute => "via_route_missing",
    ViaCors => "via_cors",
    ViaNotAnswer => "via_not_an_answer",
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
    NoSessionStarted => "no_session_started",
    SessionMismatch => "session_mismatch",
    NoCommandConfirmation => "no_command_confirmation",
    SessionClosed => "session_closed_unexpectedly",
    NoSessionClosed => "no_session_closed",
});

/// The kind enum these causes are reported with, for cause tables.
pub const CAUSES: crate::check::kind::Family = crate::check::kind::Family::of::<CallKind, CallCause>();

const CHANNEL_BEFORE_OFFER: &str = "Create the oai-events data channel before createOffer() so the offer has an \
m=application section, and make sure your backend forwards the SDP offer and answer unmodified (an offer \
without a data channel, or one rewritten on the way, gets an answer without one).";

impl Diagnosis for CallCause {
    fn kind(&self) -> CauseKind {
        match self {
            CallCause::Key(k) => k.kind(),
            other => CauseKind::of(CallKind::from(other)),
        }
    }

    fn status(&self) -> Status {
        match self {
            CallCause::Key(k) => k.status(),
            CallCause::UdpBlockedTcpWorks { .. }
            | CallCause::GatheringStalled { .. }
            | CallCause::MediaOverTcp { .. }
            | CallCause::NoUdpCandidate
            | CallCause::NoSessionClosed { .. }
            | CallCause::OfferSetup { .. }
            | CallCause::OfferNoCandidates => Status::Warn,
            _ => Status::Fail,
        }
    }

    fn fix(&self) -> Fix {
        match self {
            CallCause::Key(k) => k.fix(),
            CallCause::Peer(_) => Fix::new("Check --bind and the machine's network interfaces; run with -v for the error."),
            CallCause::NotSdp { .. } => Fix::new("Something between you and the API (a proxy or your backend) answers /v1/realtime/calls: it must return the API's 201 application/sdp answer unmodified.").doc(WEBRTC),
            CallCause::NoApplication | CallCause::ApplicationRejected => Fix::new(CHANNEL_BEFORE_OFFER).doc(WEBRTC),
            CallCause::NotLiveAnswer { .. } => Fix::new("Something between you and the API answers /v1/live/sessions without GPT-Live's 201 JSON: a gateway or proxy that only knows the Realtime API (an SDP body is the Realtime API's answer). Update it to pass /v1/live/sessions through unmodified, or point --base-url at the API.").doc(LIVE),
            CallCause::UnparseableOffer(_) => Fix::new("Send the offer exactly as pc.createOffer() (or pc.localDescription.sdp) gives it: no JSON re-encoding, no trimming or joining of lines. Over HTTP the Realtime API takes it as the application/sdp body of /v1/realtime/calls; GPT-Live as transport.sdp of /v1/live/sessions.").doc(WEBRTC),
            CallCause::OfferNoApplication => Fix::new(CHANNEL_BEFORE_OFFER).doc(WEBRTC),
            CallCause::IncompleteOffer(_) => Fix::new("Send the offer the browser made (pc.localDescription.sdp after setLocalDescription), unmodified: a=fingerprint, a=ice-ufrag and a=ice-pwd come from the browser and cannot be left out.").doc(WEBRTC),
            CallCause::OfferNoAudio => Fix::new("Add the microphone before creating the offer: pc.addTrack(stream.getTracks()[0]) after getUserMedia({audio: true}), or pc.addTransceiver('audio') for a listen-only session; then createOffer().").doc(WEBRTC),
            CallCause::OfferSetup { .. } => Fix::new("Do not edit a=setup in the offer: browsers offer actpass and let the answer pick the DTLS role; send pc.localDescription.sdp unmodified.").doc(WEBRTC),
            CallCause::OfferNoCandidates => Fix::new("Set the local description, wait for iceGatheringState \"complete\" (with a timeout of a few seconds), then send pc.localDescription.sdp: the API takes no trickled candidates (OpenAI's WebRTC guide), so an offer without them can only connect if the server finds this side through its own checks.").doc(WEBRTC),
            CallCause::ViaUnreachable { .. } => Fix::new("Start your app's backend (or check the --via URL's host and port): the frontend's POST of the offer goes there first.").doc(WEBRTC),
            CallCause::ViaCors { origin, .. } => Fix::new(format!("Allow the page's origin on the route: answer the OPTIONS preflight with 204 and Access-Control-Allow-Origin: {origin}, Access-Control-Allow-Methods: POST and Access-Control-Allow-Headers: content-type (plus any header your page adds), and send Access-Control-Allow-Origin on the POST's answer too; or serve the page and the route from one origin (a dev-server proxy).")).doc(WEBRTC),
            CallCause::ViaRoute { .. } => Fix::new("Check the route your frontend posts the offer to (method POST, the exact path, a trailing slash): the backend does not serve it; in Next.js an app/api/session/route.ts must export POST.").doc(WEBRTC),
            CallCause::ViaNotAnswer { .. } => Fix::new("The backend route must return the answer: the API's SDP as its body (application/sdp), or JSON with it (sdp, answer.sdp, or GPT-Live's transport.sdp). Look at the backend's logs for what went wrong, and return the API's error with its status instead of a page, so the frontend can show it.").doc(WEBRTC),
            CallCause::BlockedByBrowser { .. } => Fix::new("Open the browser's console: a CORS error names the missing Access-Control-Allow-Origin (or a refused OPTIONS preflight) of whatever answered, usually your own backend or a proxy in front of the API; an extension or corporate filter blocking the request shows as net::ERR_BLOCKED_BY_CLIENT. The API itself allows browser calls with an ek_ client secret.").doc(WEBRTC),
            CallCause::ErrorAsAnswer { .. } => Fix::new("Check the response's status before calling setRemoteDescription: the API refused the offer, and the error above says why. Show that error (or fix what it names) instead of passing the body on as SDP, which the browser rejects with \"Failed to parse SessionDescription. Expect line: v=\".").doc(WEBRTC),
            CallCause::UnparseableAnswer(_) => Fix::new("The answer SDP (the body of /v1/realtime/calls, or transport.sdp of /v1/live/sessions) must reach the app byte for byte: no re-encoding, no trimming or joining of lines. Check any proxy or backend that rewrites it.").doc(WEBRTC),
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
            CallCause::ChannelNeverOpens { offered: false, .. } => Fix::new(CHANNEL_BEFORE_OFFER).doc(WEBRTC),
            // DTLS up, and an offer (and an answer: judged before) that carry the channel.
            CallCause::ChannelNeverOpens { offered: true, .. } => Fix::new("The offer and the answer both carry the data channel and DTLS is up, but SCTP never opened it: something on the path lets the DTLS handshake through but not the larger packets that follow (a VPN or tunnel with a small MTU, a firewall inspecting UDP), or the media server does not answer SCTP. Try another network or without the VPN; if it repeats, report the call id to OpenAI support.").doc(WEBRTC),
            CallCause::NoSessionCreated { .. } => Fix::new("The media connection is up but the session sent nothing: check the model and the session configuration sent with the offer, and that the app listens on the oai-events channel it created before the offer (an app on the retired beta endpoints also sees this); if it repeats, report the call id and x-request-id to OpenAI support.").doc(WEBRTC),
            CallCause::ServerError(_) => Fix::new("Read the error event: it names the session problem (model, configuration, limits) to fix in the session config.").doc(WEBRTC),
            CallCause::NoSessionUpdated { .. } => Fix::new("The session did not accept session.update: check the event's shape (type \"session.update\", a \"session\" object with \"type\": \"realtime\").").doc(WEBRTC),
            CallCause::NoSessionStarted { .. } => Fix::new("GPT-Live sends session.started on the oai-events channel once the session runs: create that channel (label oai-events) before createOffer(), wait for session.started before sending commands, and never send session.start over WebRTC (the create request started the session). If the channel opens and nothing comes, report the session id to OpenAI support.").doc(LIVE),
            CallCause::SessionMismatch { .. } => Fix::new("The media connection belongs to another session than the create response: something between the app and the API (a gateway, a cache, a load balancer) mixes sessions up. Use session.id and transport.sdp from the same create response, unmodified.").doc(LIVE),
            CallCause::NoCommandConfirmation { .. } => Fix::new("The session does not answer commands on the data channel: check that client.data_channel.allowed_client_events (when your server sets it) allows the commands your app sends; if it does, report the session id to OpenAI support.").doc(LIVE),
            CallCause::SessionClosed { reason } => Fix::new(match reason.as_str() {
                "expired" => "The session reached its maximum duration: start a new session (a new create) when it ends, and keep sessions shorter than their expires_at.",
                "content" => "The session was ended for its content (moderation): review what the session was asked or told.",
                "remote_hangup" => "The other side hung up: for a WebRTC session, check what in your app or server closes it (a sideband connection sending session.close, or a SIP hangup).",
                "connection_lost" => "The media connection dropped: check the network path (the ICE and DTLS evidence) and that the app keeps the peer connection open.",
                _ => "Read the reason: the session ended on its own; start a new session and report the session id to OpenAI support if it repeats.",
            }).doc(LIVE),
            CallCause::NoSessionClosed { .. } => Fix::new("End GPT-Live sessions with session.close and wait for session.closed before disconnecting; a session that does not confirm may run until it expires. Report the session id to OpenAI support if it repeats.").doc(LIVE),
        }
    }
}

impl crate::check::kind::Examples for CallCause {
    fn examples() -> Vec<CallCause> {
        let d = || "udp 203.0.113.5:3478 no reply".to_owned();
        let wait = || "in 5.0 s".to_owned();
        let mut all = vec![
            CallCause::Peer("bind: address not available".into()),
            CallCause::NotSdp { status: 200, what: "an HTML page".into() },
            CallCause::NotLiveAnswer { status: 201, what: "an SDP body (application/sdp)".into() },
            CallCause::UnparseableAnswer("it does not start with v=0".into()),
            CallCause::UnparseableOffer("it does not start with v=0".into()),
            CallCause::ErrorAsAnswer { message: "Invalid SDP offer (invalid_offer)".into() },
            CallCause::BlockedByBrowser { request: "POST /v1/realtime/calls".into(), why: "net::ERR_FAILED".into() },
            CallCause::ViaUnreachable {
                url: "http://localhost:3000/api/session".into(),
                error: "connection refused".into(),
            },
            CallCause::ViaRoute { url: "http://localhost:3000/api/session".into(), status: 404 },
            CallCause::ViaCors {
                origin: "http://localhost:5173".into(),
                url: "http://localhost:3000/api/session".into(),
                why: "the OPTIONS preflight was answered 404".into(),
            },
            CallCause::ViaNotAnswer {
                url: "http://localhost:3000/api/session".into(),
                status: 500,
                what: "an HTML page".into(),
            },
            CallCause::OfferNoApplication,
            CallCause::IncompleteOffer("no a=fingerprint".into()),
            CallCause::OfferNoAudio,
            CallCause::OfferSetup { setup: "active".into() },
            CallCause::OfferNoCandidates,
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
            CallCause::ChannelNeverOpens { wait: wait(), offered: true },
            CallCause::ChannelNeverOpens { wait: wait(), offered: false },
            CallCause::NoSessionCreated { first: "no event in 5.0 s".into() },
            CallCause::ServerError("{\"type\":\"error\"}".into()),
            CallCause::NoSessionUpdated { wait: wait() },
            CallCause::NoSessionStarted { first: "no event in 5.0 s".into() },
            CallCause::SessionMismatch { why: "session.id live_b, created live_a".into() },
            CallCause::NoCommandConfirmation {
                command: "session.input_audio.mute".into(),
                expected: "session.input_audio.muted".into(),
                wait: wait(),
            },
            CallCause::SessionClosed { reason: "expired".into() },
            CallCause::SessionClosed { reason: "content".into() },
            CallCause::SessionClosed { reason: "remote_hangup".into() },
            CallCause::SessionClosed { reason: "connection_lost".into() },
            CallCause::SessionClosed { reason: "something new".into() },
            CallCause::NoSessionClosed { wait: wait() },
        ];
        // The HTTP causes of the POST and of minting are the key check's.
        all.extend(KeyCause::examples().into_iter().map(CallCause::Key));
        all
    }
}

/// An established signalling exchange: the offerer, both SDPs, the call or session id.
pub struct Call {
    pub offerer: Offerer,
    pub offer: String,
    pub answer: String,
    /// The Realtime call id (`rtc_…`, from `Location`) or the GPT-Live session id (`live_…`).
    pub call_id: Option<String>,
    /// The HTTP status the answer came with (201 from OpenAI; any 2xx is accepted).
    pub status: u16,
    pub api: VoiceApi,
    pub start: Instant,
    /// Gathering was cut short by a silent ICE server (a warning for the check's verdict).
    pub gathering_stalled: Option<f64>,
    /// GPT-Live: where the session stands on the data channel (see `live`).
    pub live: live::State,
    /// The offer went through the app's backend (`--via`).
    pub via: bool,
    http: Arc<Api>,
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
    let api_kind = ctx.settings.api;
    out.evidence.detail("api", api_kind.name());
    let (offerer, offer, gathering_stalled) = make_offer(ctx, out, start).await?;
    let Signalled { api, call_id, answer, status } = signal(ctx, out, &offer, start).await?;
    out.evidence.artifacts.push(Artifact { name: "answer.sdp".into(), content: sdp::redacted(&answer) });
    for c in sdp::candidates(&answer) {
        out.evidence.candidates.push(c.to_report(Side::Remote, Some("answer".into())));
    }
    let call = Call {
        offerer,
        offer,
        answer,
        call_id,
        status,
        api: api_kind,
        start,
        gathering_stalled,
        live: live::State::default(),
        via: ctx.settings.via.is_some(),
        http: api,
    };
    if let Err(cause) = judge_answer(&call.answer) {
        // A GPT-Live session was created with this answer: it is ended (see `end`) even though
        // the answer is unusable, so nothing is left running.
        call.end(ctx, out).await;
        return Err(cause);
    }
    Ok(call)
}

/// The answer to an offer, from wherever the settings send it, and what came with it.
pub struct Signalled {
    pub api: Arc<Api>,
    /// The Realtime call id (`rtc_…`) or the GPT-Live session id (`live_…`).
    pub call_id: Option<String>,
    pub answer: String,
    pub status: u16,
}

/// Send an offer the way the settings say (the app's `--via` route, GPT-Live's create, or the
/// Realtime API's `/calls`) and read the answer out of the reply; `answer_received` is timed from
/// `start`. The answer is not judged yet (see [`judge_answer`]).
pub async fn signal(ctx: &Ctx, out: &mut Outcome, offer: &str, start: Instant) -> Result<Signalled, CallCause> {
    let (api, call_id, answer, status) = if ctx.settings.via.is_some() {
        let a = via::exchange(ctx, out, offer).await?;
        out.evidence.timing("answer_received", start.elapsed());
        if let Some(id) = &a.session_id {
            out.evidence.detail("session_id", id);
        }
        (a.api, a.session_id, a.sdp, a.status)
    } else if ctx.settings.api == VoiceApi::Live {
        let (api, ex) = live::create(ctx, out, offer).await?;
        out.evidence.timing("answer_received", start.elapsed());
        let (id, answer) = live::judge_reply(ex.status, ex.content_type.as_deref(), &ex.body)?;
        out.evidence.detail("session_id", &id);
        (api, Some(id), answer, ex.status)
    } else {
        let (api, ex) = post_offer(ctx, out, offer).await?;
        out.evidence.timing("answer_received", start.elapsed());
        judge_reply(ex.status, ex.content_type.as_deref(), &ex.body)?;
        let call_id = header(&ex.headers, "location")
            .and_then(|l| l.rsplit('/').next().map(str::to_owned))
            .filter(|id| !id.is_empty());
        out.evidence.detail("call_id", call_id.clone().unwrap_or_else(|| "none (no Location header)".into()));
        (api, call_id, ex.body, ex.status)
    };
    Ok(Signalled { api, call_id, answer, status })
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

/// The checks a request needs before it is sent: the endpoint, the key's lint, an API client, and
/// the key in the run's header.
pub(crate) fn prepare(ctx: &Ctx) -> Result<(Arc<Api>, crate::check::key::Credential), CallCause> {
    let s = &ctx.settings;
    crate::check::key::endpoint_verdict(s).map_err(CallCause::Key)?;
    let key = s.api_key.as_ref().ok_or(CallCause::Key(KeyCause::Missing))?;
    crate::check::key::lint_verdict_for(key.value.expose(), s).map_err(CallCause::Key)?;
    let api = Arc::new(crate::check::key::client(ctx).map_err(CallCause::Key)?);
    let cred = crate::check::key::credential(s, &key.value).map_err(CallCause::Key)?;
    Ok((api, cred))
}

/// POST the offer with the credential a browser app would use: a minted `ek_` secret, or with
/// `--unified` the standard key and a multipart form (RFC 7578) of `sdp` and `session`.
async fn post_offer(
    ctx: &Ctx,
    out: &mut Outcome,
    offer: &str,
) -> Result<(Arc<Api>, crate::net::http::Exchange), CallCause> {
    let s = &ctx.settings;
    let mut warnings = Vec::new();
    let calls = s.endpoint("/v1/realtime/calls");
    if s.token_url.is_some() && !s.unified {
        // The page's own way: the secret from the app's token route, then the offer to the API.
        return offer_with_route_secret(ctx, out, offer, &calls).await;
    }
    let (api, standard) = prepare(ctx)?;
    let ex = if s.unified {
        out.evidence.detail("auth", "unified interface (multipart sdp + session, standard key)");
        let session = serde_json::json!({"type": "realtime", "model": s.model}).to_string();
        request(ctx, out, &mut warnings, &api, Step::Calls, |c| {
            let form = reqwest::multipart::Form::new().text("sdp", offer.to_owned()).text("session", session.clone());
            standard.apply(c.post(calls.clone())).multipart(form)
        })
        .await
    } else {
        let (_, ek) = mint::secret(ctx, out, &mut warnings, &api, &standard).await.map_err(CallCause::Key)?;
        out.evidence.detail("auth", "ephemeral client secret (ek_, minted with the standard key)");
        return post_with_secret(ctx, out, &api, &ek, offer, &calls).await.map(|ex| (api, ex));
    };
    Ok((api, ex.map_err(CallCause::Key)?))
}

/// `--token-url`: the secret the app's route hands the page, with no key on this machine.
async fn offer_with_route_secret(
    ctx: &Ctx,
    out: &mut Outcome,
    offer: &str,
    calls: &url::Url,
) -> Result<(Arc<Api>, crate::net::http::Exchange), CallCause> {
    let s = &ctx.settings;
    crate::check::key::endpoint_verdict(s).map_err(CallCause::Key)?;
    // The secret goes to the base URL as the key would: not in clear over a network.
    if let Some((host, via_proxy)) = s.cleartext_hop()
        && !s.allow_insecure_http
    {
        return Err(CallCause::Key(KeyCause::Cleartext { host, via_proxy, route: None }));
    }
    let api = Arc::new(crate::check::key::client(ctx).map_err(CallCause::Key)?);
    let token = crate::check::key::token_route::fetch(ctx, out).await.map_err(CallCause::Key)?;
    out.evidence.detail("auth", "ephemeral client secret from your token route, as the page gets it");
    post_with_secret(ctx, out, &api, &token.secret, offer, calls).await.map(|ex| (api, ex))
}

/// POST the offer to `/calls` with an `ek_` secret, once: a client secret is single-use, so a
/// retry would be refused anyway.
async fn post_with_secret(
    ctx: &Ctx,
    out: &mut Outcome,
    api: &Api,
    ek: &crate::secret::Secret,
    offer: &str,
    calls: &url::Url,
) -> Result<crate::net::http::Exchange, CallCause> {
    let mut bearer = HeaderValue::from_str(&format!("Bearer {}", ek.expose()))
        .map_err(|_| CallCause::Key(KeyCause::BadClientSecret { why: "not a header value".into() }))?;
    bearer.set_sensitive(true);
    let mut warnings = Vec::new();
    request(ctx, out, &mut warnings, api, Step::Calls, |c| {
        c.post(calls.clone())
            .header(AUTHORIZATION, bearer.clone())
            .header("content-type", "application/sdp")
            .body(offer.to_owned())
    })
    .await
    .map_err(CallCause::Key)
}

/// A 2xx reply of `/calls` must be an SDP answer (`application/sdp`, starting `v=0`).
pub fn judge_reply(status: u16, content_type: Option<&str>, body: &str) -> Result<(), CallCause> {
    let ct = content_type.unwrap_or_default().to_ascii_lowercase();
    if !ct.starts_with("application/sdp") || !body.trim_start().starts_with("v=0") {
        return Err(CallCause::NotSdp { status, what: crate::net::http::describe_body(content_type, body) });
    }
    Ok(())
}

/// What the answer must have for the data channel to open (the WebRTC guide's answer shape), and
/// that it parses as SDP at all (RFC 8866).
pub fn judge_answer(answer: &str) -> Result<(), CallCause> {
    if !answer.trim_start().starts_with("v=0") {
        return Err(CallCause::UnparseableAnswer(format!(
            "it does not start with v=0 ({})",
            crate::net::http::describe_body(None, answer)
        )));
    }
    if let Err(e) = rtc::sdp::SessionDescription::unmarshal(&mut std::io::Cursor::new(answer.as_bytes())) {
        return Err(CallCause::UnparseableAnswer(e.to_string()));
    }
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
    /// End the call, best effort and bounded: the Realtime API's hang-up
    /// (`/v1/realtime/calls/{id}/hangup`), or for GPT-Live `session.close` on the data channel
    /// (connecting it first when the check did not); then close the peer.
    pub async fn end(mut self, ctx: &Ctx, out: &mut Outcome) {
        if self.api == VoiceApi::Live {
            live::close_at_end(ctx, out, &mut self).await;
        } else if let Some(id) = &self.call_id {
            hangup(ctx, out, &self.http, id).await;
        }
        self.offerer.close().await;
    }
}

/// The Realtime API's hang-up (`POST /v1/realtime/calls/{id}/hangup`), best effort and bounded;
/// it needs the standard key (without one, the call ends when the peer closes).
pub async fn hangup(ctx: &Ctx, out: &mut Outcome, http: &Api, id: &str) {
    let Some(key) = &ctx.settings.api_key else { return };
    let Ok(cred) = crate::check::key::credential(&ctx.settings, &key.value) else { return };
    let url = ctx.settings.endpoint(&format!("/v1/realtime/calls/{id}/hangup"));
    // Never past the check's deadline: the scheduler cuts a check off soon after it.
    let until =
        (Instant::now() + Duration::from_secs(2)).min(ctx.deadline.max(Instant::now() + Duration::from_millis(300)));
    match http.send("hangup", until, |c| cred.apply(c.post(url.clone()))).await {
        Ok(ex) => out.evidence.detail("hangup", format!("HTTP {}", ex.status)),
        Err(e) => out.evidence.detail("hangup", format!("{e:?}")),
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
    fn an_answer_that_does_not_parse_is_named() {
        assert_eq!(judge_answer("hello").unwrap_err().id(), "answer_unparseable");
        // v=0 then a line that is not `x=value`: RFC 8866 §5 refuses it.
        let broken = ANSWER.replacen("o=", "garbage line\r\no=", 1);
        assert_eq!(judge_answer(&broken).unwrap_err().id(), "answer_unparseable", "{broken}");
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
                prop_assert!(
                    rtc::sdp::SessionDescription::unmarshal(&mut std::io::Cursor::new(body.as_bytes())).is_ok()
                );
            }
            Ok(())
        });
    }
}
