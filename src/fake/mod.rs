//! A local fake of OpenAI's voice APIs (as their API references describe them) for tests,
//! `selftest` and `examples/fake_realtime_server.rs`: models, the Realtime API's GA client secrets
//! and calls, the retired beta sessions, GPT-Live's session create, the error shapes, the Azure
//! OpenAI path shape (`/openai/v1/...` with the `api-key` header), and fault injection for every
//! failure the checks classify.

mod calls;
mod live;
pub mod turn;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::net::TcpListener;

/// What the fake server does wrong, if anything.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// Every key is rejected (401 invalid_api_key); the message echoes the key unmasked, as a
    /// careless gateway would, to prove that the tool redacts it.
    InvalidKey,
    /// 403 on the model and the client secret.
    Forbidden,
    /// 429 insufficient_quota on minting.
    Quota,
    /// 429 rate_limit_exceeded on minting for the first `times` requests, with `retry-after`.
    RateLimit { times: u32, retry_after_s: u32 },
    /// The model is unknown (404 model_not_found).
    ModelNotFound,
    /// An old gateway: no GA route (404), the beta sessions endpoint works.
    BetaOnly,
    /// Beta sessions still answer (otherwise they are refused with beta_api_shape_disabled).
    BetaAllowed,
    /// 500 server_error on /v1/models.
    ServerError,
    /// A captive portal: every route answers 511 with an HTML login page.
    Html,
    /// A proxy login page served with 200 on every route (no 511, no redirect).
    Html200,
    /// No CORS headers: a browser page on another origin cannot read any answer.
    NoCors,
    /// `{"data":[]}` with 200 on every route: JSON, but not any endpoint's shape (a catch-all stub,
    /// or whatever a redirect leads to).
    EmptyDataEverywhere,
    /// Every response is delayed.
    Slow(Duration),
    /// The minted secret does not start with ek_.
    BadSecret,
    /// The minted secret expired before it was sent.
    ExpiredSecret,
    /// The GA answer uses the beta shape (client_secret.value).
    BetaShapedSecret,
    /// Only minting is delayed: the connection and the first requests are fine.
    SlowMint(Duration),
    /// The server's clock (its `Date` header and `expires_at`) is this many seconds ahead.
    ClockSkew(i64),
    /// `/calls` answers 400 invalid_request_error (a bad SDP, as the API says).
    CallsBadRequest,
    /// `/calls` answers 429 rate_limit_exceeded.
    CallsRateLimit,
    /// `/calls` answers 200 with an HTML page instead of SDP.
    CallsNotSdp,
    /// The answer has no `m=application` section.
    NoApplication,
    /// The answer names another SCTP port: ICE and DTLS connect, the channel never opens.
    ChannelNeverOpens,
    /// The channel opens but no `session.created` is sent.
    NoSessionCreated,
    /// An `error` event is sent when the channel opens.
    ErrorEvent,
    /// The SDP answer takes this long.
    SlowAnswer(Duration),
    /// The answer's candidates point at a closed port: ICE never connects.
    CandidatesNowhere,
    /// The answer's DTLS fingerprint is not the answerer's: DTLS fails.
    DtlsMismatch,
    /// `session.update` gets no `session.updated`.
    NoSessionUpdated,
    /// Only the answer's UDP candidates point at a closed port; its ICE-TCP candidates work.
    UdpCandidatesNowhere,
    /// The answer's `m=application` has port 0: the data channel is refused (RFC 3264 §6).
    ApplicationRejected,
    /// Not a fault: the answer takes the DTLS server role (`a=setup:passive`) where OpenAI's
    /// answers take the client role (`active`); both are valid (RFC 5763 §5).
    DtlsPassive,
    /// The answer carries only its ICE-TCP candidate (no UDP), as some TCP-only deployments do.
    TcpOnlyAnswer,
    /// The answer carries only its UDP candidate (no ICE-TCP).
    UdpOnlyAnswer,
    /// The model object announces a `shutdown_date` 30 days ahead.
    ModelShutdown,
    /// No GPT-Live route: `/v1/live/sessions` answers 404 (a gateway that predates it).
    NoLive,
    /// The Live create refuses this field (dotted path) as unknown, as a server that does not
    /// know it would.
    LiveRejectsField(String),
    /// The Live create loses `session.model` on the way (a gateway rebuilding the body).
    LiveDropsModel,
    /// The Live create answers 201 with the SDP as the body (a gateway that only knows Realtime).
    LiveSdpAnswer,
    /// The Live create's `transport.sdp` does not parse.
    LiveBadSdp,
    /// `session.started` names another session.
    LiveWrongSession,
    /// Right after `session.started`, `session.closed` with this reason.
    LiveClosedEarly(String),
    /// `session.close` is never confirmed.
    LiveIgnoresClose,
    /// The model never detects speech in the call's audio.
    Deaf,
    /// The response's events come, its audio never does.
    NoReplyAudio,
    /// The reply's audio starts this long after the turn ends.
    LateReply(Duration),
    /// The answer's audio section says this direction (recvonly, sendonly, inactive), and the
    /// media server behaves so.
    AnswerAudio(String),
    /// The session hits its maximum duration when the spoken turn ends.
    SessionCap,
    /// The media server goes silent this long after the data channel opens.
    MediaStops(Duration),
}

impl FromStr for Fault {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (name, arg) = s.split_once('=').map_or((s, None), |(n, a)| (n, Some(a)));
        let num = |d: u64| arg.map_or(Ok(d), |a| a.parse::<u64>().map_err(|e| format!("{s}: {e}")));
        Ok(match name {
            "invalid-key" => Fault::InvalidKey,
            "forbidden" => Fault::Forbidden,
            "quota" => Fault::Quota,
            "rate-limit" => Fault::RateLimit { times: num(u32::MAX as u64)? as u32, retry_after_s: 1 },
            "model-not-found" => Fault::ModelNotFound,
            "beta-only" => Fault::BetaOnly,
            "beta-allowed" => Fault::BetaAllowed,
            "server-error" => Fault::ServerError,
            "html" => Fault::Html,
            "html-200" => Fault::Html200,
            "no-cors" => Fault::NoCors,
            "empty-data-everywhere" => Fault::EmptyDataEverywhere,
            "slow" => Fault::Slow(Duration::from_millis(num(30_000)?)),
            "bad-secret" => Fault::BadSecret,
            "expired-secret" => Fault::ExpiredSecret,
            "beta-shaped-secret" => Fault::BetaShapedSecret,
            "slow-mint" => Fault::SlowMint(Duration::from_millis(num(30_000)?)),
            "clock-skew" => Fault::ClockSkew(num(600)? as i64),
            "calls-bad-request" => Fault::CallsBadRequest,
            "calls-rate-limit" => Fault::CallsRateLimit,
            "calls-not-sdp" => Fault::CallsNotSdp,
            "no-application" => Fault::NoApplication,
            "channel-never-opens" => Fault::ChannelNeverOpens,
            "no-session-created" => Fault::NoSessionCreated,
            "error-event" => Fault::ErrorEvent,
            "slow-answer" => Fault::SlowAnswer(Duration::from_millis(num(30_000)?)),
            "candidates-nowhere" => Fault::CandidatesNowhere,
            "dtls-mismatch" => Fault::DtlsMismatch,
            "no-session-updated" => Fault::NoSessionUpdated,
            "udp-candidates-nowhere" => Fault::UdpCandidatesNowhere,
            "application-rejected" => Fault::ApplicationRejected,
            "dtls-passive" => Fault::DtlsPassive,
            "tcp-only-answer" => Fault::TcpOnlyAnswer,
            "udp-only-answer" => Fault::UdpOnlyAnswer,
            "model-shutdown" => Fault::ModelShutdown,
            "no-live" => Fault::NoLive,
            "live-rejects-field" => Fault::LiveRejectsField(arg.unwrap_or("transport.type").to_owned()),
            "live-drops-model" => Fault::LiveDropsModel,
            "live-sdp-answer" => Fault::LiveSdpAnswer,
            "live-bad-sdp" => Fault::LiveBadSdp,
            "live-wrong-session" => Fault::LiveWrongSession,
            "live-closed-early" => Fault::LiveClosedEarly(arg.unwrap_or("expired").to_owned()),
            "live-ignores-close" => Fault::LiveIgnoresClose,
            "deaf" => Fault::Deaf,
            "no-reply-audio" => Fault::NoReplyAudio,
            "late-reply" => Fault::LateReply(Duration::from_millis(num(3_000)?)),
            "session-cap" => Fault::SessionCap,
            "media-stops" => Fault::MediaStops(Duration::from_millis(num(1_000)?)),
            "answer-audio" => match arg.unwrap_or("recvonly") {
                d @ ("recvonly" | "sendonly" | "inactive") => Fault::AnswerAudio(d.to_owned()),
                d => return Err(format!("{s}: the direction is recvonly, sendonly or inactive, not {d:?}")),
            },
            // The same faults under GPT-Live's event names.
            "no-session-started" => Fault::NoSessionCreated,
            "no-confirmation" => Fault::NoSessionUpdated,
            _ => return Err(format!("unknown fault {s:?}; known: {}", Fault::NAMES.join(", "))),
        })
    }
}

impl Fault {
    pub const NAMES: &[&str] = &[
        "invalid-key",
        "forbidden",
        "quota",
        "rate-limit[=TIMES]",
        "model-not-found",
        "beta-only",
        "beta-allowed",
        "server-error",
        "html",
        "html-200",
        "no-cors",
        "empty-data-everywhere",
        "slow[=MS]",
        "bad-secret",
        "expired-secret",
        "beta-shaped-secret",
        "slow-mint[=MS]",
        "clock-skew[=S]",
        "calls-bad-request",
        "calls-rate-limit",
        "calls-not-sdp",
        "no-application",
        "channel-never-opens",
        "no-session-created",
        "error-event",
        "slow-answer[=MS]",
        "candidates-nowhere",
        "dtls-mismatch",
        "no-session-updated",
        "udp-candidates-nowhere",
        "application-rejected",
        "dtls-passive",
        "tcp-only-answer",
        "udp-only-answer",
        "model-shutdown",
        "no-live",
        "live-rejects-field[=PARAM]",
        "live-drops-model",
        "live-sdp-answer",
        "live-bad-sdp",
        "live-wrong-session",
        "live-closed-early[=REASON]",
        "live-ignores-close",
        "deaf",
        "no-reply-audio",
        "late-reply[=MS]",
        "answer-audio[=recvonly|sendonly|inactive]",
        "session-cap",
        "media-stops[=MS]",
        "no-session-started",
        "no-confirmation",
    ];
}

#[derive(Debug, Clone)]
pub struct FakeConfig {
    /// The one standard key the server accepts.
    pub key: String,
    pub faults: Vec<Fault>,
    pub models: Vec<String>,
    /// Where the WebRTC answerer listens: OpenAI's media servers answer on UDP 3478 and TCP 443 of
    /// their own addresses. `None`: the server's own IP, ephemeral ports.
    pub media: Option<std::net::IpAddr>,
    /// The organization the key belongs to: another `OpenAI-Organization` header is refused (401
    /// mismatched_organization), as the API does.
    pub organization: String,
    /// A Microsoft Entra token the Azure paths (`/openai/...`) accept as a bearer token.
    pub azure_token: Option<String>,
}

impl FakeConfig {
    pub fn new(key: impl Into<String>) -> FakeConfig {
        FakeConfig {
            key: key.into(),
            faults: Vec::new(),
            models: [
                "gpt-realtime",
                "gpt-realtime-mini",
                "gpt-4o-realtime-preview",
                "gpt-4o-mini-realtime-preview",
                "gpt-4o",
                "gpt-live-1",
                "gpt-live-1.1",
            ]
            .map(String::from)
            .to_vec(),
            organization: "org-fake".into(),
            media: None,
            azure_token: None,
        }
    }

    pub fn fault(mut self, f: Fault) -> FakeConfig {
        self.faults.push(f);
        self
    }

    pub(crate) fn has(&self, f: &Fault) -> bool {
        self.faults.contains(f)
    }
}

pub(crate) struct Shared {
    pub(crate) cfg: FakeConfig,
    pub(crate) requests: AtomicU32,
    pub(crate) mints: AtomicU32,
    /// GPT-Live sessions created, and those not yet ended with session.closed.
    pub(crate) live_created: AtomicU32,
    pub(crate) live_open: Arc<std::sync::Mutex<std::collections::HashSet<String>>>,
    /// Realtime calls answered (each a billed session on the real service).
    pub(crate) realtime_calls: AtomicU32,
    /// Address the WebRTC answerers bind (the server's own IP).
    pub(crate) ip: std::net::IpAddr,
    /// Client secrets minted and not yet used (they are single-use on /calls).
    pub(crate) secrets: std::sync::Mutex<std::collections::HashMap<String, i64>>,
    pub(crate) calls: std::sync::Mutex<std::collections::HashMap<String, calls::Call>>,
    /// With fixed media ports only one call can hold them: calls wait their turn.
    pub(crate) media_lock: Arc<tokio::sync::Mutex<()>>,
}

/// A running fake server; stops when dropped.
pub struct FakeServer {
    pub addr: std::net::SocketAddr,
    task: tokio::task::JoinHandle<()>,
    shared: Arc<Shared>,
    /// Served over TLS (`start_tls`): the URL is https://.
    tls: bool,
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FakeServer {
    /// Start on `bind` (use `127.0.0.1:0` for a free port).
    pub async fn start(cfg: FakeConfig, bind: &str) -> std::io::Result<FakeServer> {
        Self::serve(cfg, bind, None).await
    }

    /// Start on `bind` over TLS with this certificate chain and key: the API as a real client
    /// meets it, https:// (the network lab's API, which must not be sent keys in clear).
    pub async fn start_tls(cfg: FakeConfig, bind: &str, tls: rustls::ServerConfig) -> std::io::Result<FakeServer> {
        Self::serve(cfg, bind, Some(tokio_rustls::TlsAcceptor::from(Arc::new(tls)))).await
    }

    async fn serve(cfg: FakeConfig, bind: &str, tls: Option<tokio_rustls::TlsAcceptor>) -> std::io::Result<FakeServer> {
        let listener = TcpListener::bind(bind).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            cfg,
            requests: AtomicU32::new(0),
            mints: AtomicU32::new(0),
            live_created: AtomicU32::new(0),
            realtime_calls: AtomicU32::new(0),
            live_open: Default::default(),
            ip: addr.ip(),
            secrets: Default::default(),
            calls: Default::default(),
            media_lock: Arc::new(tokio::sync::Mutex::new(())),
        });
        let api = Router::new()
            .route("/v1/models", get(models))
            .route("/v1/models/{id}", get(model))
            .route("/v1/realtime/client_secrets", post(client_secrets))
            .route("/v1/realtime/sessions", post(beta_sessions))
            .route("/v1/realtime/calls", post(calls::create))
            .route("/v1/realtime/calls/{id}/hangup", post(calls::hangup))
            .route("/v1/live/sessions", post(live::create))
            .route("/v1/live/sessions/{id}/attach", get(live::attach))
            .route("/api/session", post(calls::app_session));
        // Azure OpenAI's v1 API: the same paths under /openai, with its own authentication.
        let azure = api.clone().layer(axum::middleware::map_request_with_state(shared.clone(), azure_auth));
        let app = api
            .nest("/openai", azure)
            .fallback(not_found)
            .layer(axum::middleware::from_fn_with_state(shared.clone(), cors))
            .with_state(shared.clone());
        let is_tls = tls.is_some();
        let task = tokio::spawn(async move {
            match tls {
                None => {
                    let _ = axum::serve(listener, app).await;
                }
                Some(acceptor) => {
                    let _ = axum::serve(TlsListener::new(listener, acceptor), app).await;
                }
            }
        });
        Ok(FakeServer { addr, task, shared, tls: is_tls })
    }

    pub fn url(&self) -> String {
        format!("{}://{}", if self.tls { "https" } else { "http" }, self.addr)
    }

    /// Requests served so far (for tests asserting that no request was made).
    pub fn requests(&self) -> u32 {
        self.shared.requests.load(Ordering::SeqCst)
    }

    /// GPT-Live sessions created so far, and how many of them ended with session.closed (for
    /// tests that the tool never leaves a session open).
    pub fn live_sessions(&self) -> (u32, u32) {
        let created = self.shared.live_created.load(Ordering::SeqCst);
        let open = self.shared.live_open.lock().expect("sessions").len() as u32;
        (created, created - open)
    }

    /// Realtime calls answered so far, and how many are still up (not hung up or ended).
    pub fn realtime_calls(&self) -> (u32, u32) {
        let created = self.shared.realtime_calls.load(Ordering::SeqCst);
        let up = self.shared.calls.lock().expect("calls").keys().filter(|k| k.starts_with("rtc_")).count() as u32;
        (created, up)
    }
}

fn request_id() -> String {
    format!("req_{:016x}", fastrand::u64(..))
}

pub(crate) fn reply(status: StatusCode, body: Value) -> Response {
    let mut r = (status, axum::Json(body)).into_response();
    r.headers_mut().insert("x-request-id", HeaderValue::from_str(&request_id()).expect("ascii"));
    r
}

/// A server clock `skew` seconds ahead: its Date header (hyper only adds one when absent).
fn dated(mut r: Response, skew: i64) -> Response {
    if skew != 0 {
        let t = SystemTime::now() + Duration::from_secs(skew.unsigned_abs());
        let t = if skew < 0 { SystemTime::now() - Duration::from_secs(skew.unsigned_abs()) } else { t };
        r.headers_mut().insert("date", HeaderValue::from_str(&httpdate::fmt_http_date(t)).expect("ascii"));
    }
    r
}

fn skew(cfg: &FakeConfig) -> i64 {
    cfg.faults.iter().find_map(|f| if let Fault::ClockSkew(s) = f { Some(*s) } else { None }).unwrap_or(0)
}

pub(crate) fn error(status: StatusCode, message: &str, kind: &str, code: Option<&str>) -> Response {
    reply(status, json!({"error": {"message": message, "type": kind, "param": null, "code": code}}))
}

/// A TCP listener whose connections are TLS: each handshake runs in the background (bounded), so
/// a client that stalls in it holds up nobody else.
struct TlsListener {
    tcp: TcpListener,
    acceptor: tokio_rustls::TlsAcceptor,
    /// Finished handshakes, kept across `accept` calls so that none is lost.
    done: (TlsSender, tokio::sync::mpsc::Receiver<(TlsIo, std::net::SocketAddr)>),
}

type TlsIo = tokio_rustls::server::TlsStream<tokio::net::TcpStream>;
type TlsSender = tokio::sync::mpsc::Sender<(TlsIo, std::net::SocketAddr)>;

impl TlsListener {
    fn new(tcp: TcpListener, acceptor: tokio_rustls::TlsAcceptor) -> TlsListener {
        TlsListener { tcp, acceptor, done: tokio::sync::mpsc::channel(64) }
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsIo;
    type Addr = std::net::SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            tokio::select! {
                Some(done) = self.done.1.recv() => return done,
                accepted = self.tcp.accept() => {
                    let Ok((tcp, peer)) = accepted else { continue };
                    let (acceptor, tx) = (self.acceptor.clone(), self.done.0.clone());
                    tokio::spawn(async move {
                        if let Ok(Ok(tls)) = tokio::time::timeout(Duration::from_secs(5), acceptor.accept(tcp)).await {
                            let _ = tx.send((tls, peer)).await;
                        }
                    });
                }
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
}

/// Cross-origin access for a browser page calling the API directly (the GA flow: the page posts
/// its offer to /v1/realtime/calls with an `ek_` secret): preflights answered, and the answer
/// readable by the page with its `Location` (the Fetch standard's CORS protocol).
async fn cors(
    axum::extract::State(s): axum::extract::State<Arc<Shared>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let origin = req.headers().contains_key("origin");
    if !origin || s.cfg.has(&Fault::NoCors) {
        return next.run(req).await;
    }
    let preflight =
        req.method() == axum::http::Method::OPTIONS && req.headers().contains_key("access-control-request-method");
    let mut resp = if preflight {
        let asked = req.headers().get("access-control-request-headers").cloned();
        let mut r = StatusCode::NO_CONTENT.into_response();
        let h = r.headers_mut();
        h.insert("access-control-allow-methods", HeaderValue::from_static("GET, POST, DELETE, OPTIONS"));
        if let Some(asked) = asked {
            h.insert("access-control-allow-headers", asked);
        }
        h.insert("access-control-max-age", HeaderValue::from_static("600"));
        r
    } else {
        next.run(req).await
    };
    let h = resp.headers_mut();
    h.insert("access-control-allow-origin", HeaderValue::from_static("*"));
    h.insert("access-control-expose-headers", HeaderValue::from_static("location, x-request-id"));
    resp
}

/// The API's answer when the account has no credit: 429 with the code that is not a rate limit.
pub(crate) fn quota() -> Response {
    error(
        StatusCode::TOO_MANY_REQUESTS,
        "You exceeded your current quota, please check your plan and billing details.",
        "insufficient_quota",
        Some("insufficient_quota"),
    )
}

/// The status a captive portal fault answers every request with, if one is set.
pub(crate) fn portal(cfg: &FakeConfig) -> Option<StatusCode> {
    if cfg.has(&Fault::Html) {
        Some(StatusCode::NETWORK_AUTHENTICATION_REQUIRED)
    } else if cfg.has(&Fault::Html200) {
        Some(StatusCode::OK)
    } else {
        None
    }
}

/// Azure OpenAI's authentication, turned into the OpenAI form the routes check: the `api-key`
/// header carries the resource key, and a Microsoft Entra token comes as a bearer token. A
/// bearer with the resource key is not Azure's way and stays as it is (the gate refuses it only
/// if it is not the key).
async fn azure_auth(State(s): State<Arc<Shared>>, mut req: axum::extract::Request) -> axum::extract::Request {
    let h = req.headers_mut();
    let bearer = h.get("authorization").and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    let entra = bearer.is_some_and(|b| s.cfg.azure_token.as_deref() == Some(b));
    let api_key = h.remove("api-key").and_then(|v| v.to_str().ok().map(str::to_owned));
    let key = if entra { Some(s.cfg.key.clone()) } else { api_key };
    if let Some(k) = key
        && let Ok(v) = HeaderValue::from_str(&format!("Bearer {k}"))
    {
        h.insert("authorization", v);
    }
    req
}

/// The Realtime API refuses a GPT-Live model (`invalid_model`), as OpenAI does.
pub(crate) fn refuse_live_model(model: &str) -> Option<Response> {
    crate::api::is_live_model(model).then(|| wrong_api(model, "the Realtime API: use /v1/live/sessions"))
}

/// `invalid_model`: a model of the other voice API.
pub(crate) fn wrong_api(model: &str, served_by: &str) -> Response {
    error(
        StatusCode::BAD_REQUEST,
        &format!("The model '{model}' is not supported by {served_by}."),
        "invalid_request_error",
        Some("invalid_model"),
    )
}

/// 404 `model_not_found` for a model the fake does not serve (or with the fault).
pub(crate) fn unknown_model(cfg: &FakeConfig, model: &str) -> Option<Response> {
    (cfg.has(&Fault::ModelNotFound) || !cfg.models.iter().any(|m| m == model)).then(|| {
        error(
            StatusCode::NOT_FOUND,
            &format!("The model '{model}' does not exist or you do not have access to it."),
            "invalid_request_error",
            Some("model_not_found"),
        )
    })
}

/// Common gate for every route: count, delay, captive portal, authentication.
pub(crate) async fn gate(s: &Shared, headers: &HeaderMap) -> Result<(), Response> {
    s.requests.fetch_add(1, Ordering::SeqCst);
    for f in &s.cfg.faults {
        if let Fault::Slow(d) = f {
            tokio::time::sleep(*d).await;
        }
    }
    if let Some(status) = portal(&s.cfg) {
        let page = "<!DOCTYPE html><html><head><title>Guest Wi-Fi - Please log in</title></head><body><form>Accept terms</form></body></html>";
        let mut r = (status, [("content-type", "text/html; charset=utf-8")], page).into_response();
        r.headers_mut().insert("x-request-id", HeaderValue::from_static("portal"));
        return Err(r);
    }
    if s.cfg.has(&Fault::EmptyDataEverywhere) {
        return Err((StatusCode::OK, [("content-type", "application/json")], r#"{"data":[]}"#).into_response());
    }
    let Some(auth) = headers.get("authorization").and_then(|v| v.to_str().ok()) else {
        return Err(error(
            StatusCode::UNAUTHORIZED,
            "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
            "invalid_request_error",
            None,
        ));
    };
    let given = auth.strip_prefix("Bearer ").unwrap_or(auth);
    if given != s.cfg.key || s.cfg.has(&Fault::InvalidKey) {
        // Deliberately unmasked (see Fault::InvalidKey): the real API masks it, a proxy may not.
        return Err(error(
            StatusCode::UNAUTHORIZED,
            &format!(
                "Incorrect API key provided: {given}. You can find your API key at https://platform.openai.com/account/api-keys."
            ),
            "invalid_request_error",
            Some("invalid_api_key"),
        ));
    }
    if let Some(org) = headers.get("openai-organization").and_then(|v| v.to_str().ok())
        && org != s.cfg.organization
    {
        return Err(error(
            StatusCode::UNAUTHORIZED,
            "OpenAI-Organization header should match organization for API key",
            "invalid_request_error",
            Some("mismatched_organization"),
        ));
    }
    Ok(())
}

async fn models(State(s): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    if let Err(r) = gate(&s, &headers).await {
        return r;
    }
    if s.cfg.has(&Fault::ServerError) {
        return error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "The server had an error while processing your request.",
            "server_error",
            None,
        );
    }
    let data: Vec<Value> = s
        .cfg
        .models
        .iter()
        .map(|m| json!({"id": m, "object": "model", "created": 1_756_000_000, "owned_by": "system"}))
        .collect();
    reply(StatusCode::OK, json!({"object": "list", "data": data}))
}

async fn model(State(s): State<Arc<Shared>>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if let Err(r) = gate(&s, &headers).await {
        return r;
    }
    if s.cfg.has(&Fault::Forbidden) {
        return error(
            StatusCode::FORBIDDEN,
            &format!("Project does not have access to model {id}"),
            "invalid_request_error",
            Some("model_not_allowed"),
        );
    }
    if let Some(refused) = unknown_model(&s.cfg, &id) {
        return refused;
    }
    let mut m = json!({"id": id, "object": "model", "created": 1_756_000_000, "owned_by": "system"});
    if s.cfg.has(&Fault::ModelShutdown) {
        m["shutdown_date"] = json!(now() + 30 * 86_400);
    }
    reply(StatusCode::OK, m)
}

pub(crate) fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

fn secret() -> String {
    format!("ek_{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..))
}

async fn client_secrets(State(s): State<Arc<Shared>>, headers: HeaderMap, body: String) -> Response {
    if let Err(r) = gate(&s, &headers).await {
        return r;
    }
    let n = s.mints.fetch_add(1, Ordering::SeqCst);
    for f in &s.cfg.faults {
        match f {
            Fault::SlowMint(d) => tokio::time::sleep(*d).await,
            Fault::BetaOnly => return not_found_for("POST", "/v1/realtime/client_secrets"),
            Fault::Forbidden => {
                return error(
                    StatusCode::FORBIDDEN,
                    "You do not have access to the Realtime API.",
                    "invalid_request_error",
                    None,
                );
            }
            Fault::Quota => return quota(),
            Fault::RateLimit { times, retry_after_s } if n < *times => {
                let mut r = error(
                    StatusCode::TOO_MANY_REQUESTS,
                    "Rate limit reached for requests",
                    "requests",
                    Some("rate_limit_exceeded"),
                );
                r.headers_mut()
                    .insert("retry-after", HeaderValue::from_str(&retry_after_s.to_string()).expect("digits"));
                return r;
            }
            _ => {}
        }
    }
    let req: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    let ttl = req.pointer("/expires_after/seconds").and_then(Value::as_i64).unwrap_or(600);
    if !(10..=7200).contains(&ttl) {
        return error(
            StatusCode::BAD_REQUEST,
            "expires_after.seconds must be between 10 and 7200",
            "invalid_request_error",
            Some("invalid_value"),
        );
    }
    let model = req.pointer("/session/model").and_then(Value::as_str).unwrap_or("gpt-realtime").to_owned();
    if let Some(refused) = refuse_live_model(&model) {
        return refused;
    }
    if !s.cfg.models.contains(&model) || s.cfg.has(&Fault::ModelNotFound) {
        return error(
            StatusCode::BAD_REQUEST,
            &format!("Invalid model: {model}"),
            "invalid_request_error",
            Some("invalid_value"),
        );
    }
    let value = if s.cfg.has(&Fault::BadSecret) { format!("sess_{:016x}", fastrand::u64(..)) } else { secret() };
    let server_now = now() + skew(&s.cfg);
    let expires_at = if s.cfg.has(&Fault::ExpiredSecret) { server_now - 30 } else { server_now + ttl };
    s.secrets.lock().expect("secrets").insert(value.clone(), expires_at);
    let session = json!({"type": "realtime", "object": "realtime.session", "id": format!("sess_{:016x}", fastrand::u64(..)), "model": model});
    if s.cfg.has(&Fault::BetaShapedSecret) {
        return reply(
            StatusCode::OK,
            json!({"client_secret": {"value": value, "expires_at": expires_at}, "session": session}),
        );
    }
    dated(reply(StatusCode::OK, json!({"value": value, "expires_at": expires_at, "session": session})), skew(&s.cfg))
}

async fn beta_sessions(State(s): State<Arc<Shared>>, headers: HeaderMap, body: String) -> Response {
    if let Err(r) = gate(&s, &headers).await {
        return r;
    }
    if !s.cfg.has(&Fault::BetaOnly) && !s.cfg.has(&Fault::BetaAllowed) {
        return error(
            StatusCode::BAD_REQUEST,
            "The Realtime API beta shape is no longer supported. Use /v1/realtime/client_secrets and /v1/realtime/calls.",
            "invalid_request_error",
            Some("beta_api_shape_disabled"),
        );
    }
    if headers.get("openai-beta").and_then(|v| v.to_str().ok()) != Some("realtime=v1") {
        return error(
            StatusCode::BAD_REQUEST,
            "Missing required header OpenAI-Beta: realtime=v1",
            "invalid_request_error",
            None,
        );
    }
    let req: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    let model = req.get("model").and_then(Value::as_str).unwrap_or("gpt-4o-realtime-preview");
    reply(
        StatusCode::OK,
        json!({"id": format!("sess_{:016x}", fastrand::u64(..)), "object": "realtime.session", "model": model,
               "client_secret": {"value": secret(), "expires_at": now() + 60}}),
    )
}

pub(crate) fn not_found_for(method: &str, path: &str) -> Response {
    error(StatusCode::NOT_FOUND, &format!("Invalid URL ({method} {path})"), "invalid_request_error", None)
}

async fn not_found(State(s): State<Arc<Shared>>, method: axum::http::Method, uri: axum::http::Uri) -> Response {
    s.requests.fetch_add(1, Ordering::SeqCst);
    not_found_for(method.as_str(), uri.path())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_parse() {
        assert_eq!("quota".parse::<Fault>().unwrap(), Fault::Quota);
        assert_eq!("rate-limit=2".parse::<Fault>().unwrap(), Fault::RateLimit { times: 2, retry_after_s: 1 });
        assert_eq!("slow=250".parse::<Fault>().unwrap(), Fault::Slow(Duration::from_millis(250)));
        assert!("nope".parse::<Fault>().is_err());
        assert!("slow=x".parse::<Fault>().is_err());
    }
}
