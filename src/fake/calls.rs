//! `/v1/realtime/calls` of the fake Realtime API: a real WebRTC answerer per call, authenticated
//! by a minted (single-use) `ek_` secret, or by the standard key with the "unified interface"
//! multipart form (`sdp` and `session` fields).

use super::{Fault, Shared, error, now, reply};
use crate::peer::{AnswerBehaviour, AnswerOptions, Answerer, LiveBehaviour, VoiceBehaviour, sdp};
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;

/// A call in progress: its answerer and, with fixed media ports, the right to them.
pub(crate) struct Call {
    pub(crate) answerer: Arc<Answerer>,
    _media: Option<tokio::sync::OwnedMutexGuard<()>>,
}

pub(super) async fn create(State(s): State<Arc<Shared>>, headers: HeaderMap, uri: Uri, req: Request) -> Response {
    s.requests.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let offer = match read_offer(&s, &headers, req).await {
        Ok(offer) => offer,
        Err(refused) => return refused,
    };
    if let Some(refused) = refuse(&s, &uri).await {
        return refused;
    }
    if !offer.trim_start().starts_with("v=0") {
        return error(StatusCode::BAD_REQUEST, "Invalid SDP offer.", "invalid_request_error", Some("invalid_offer"));
    }
    answer(&s, &offer).await
}

/// `POST /api/session`: a voice app's own backend route, as OpenAI's WebRTC guide shows it (the
/// page POSTs its SDP offer, the server sends it to /v1/realtime/calls with the standard key and
/// returns the answer SDP), here answering in-process. For `--via` against the local fake.
pub(super) async fn app_session(State(s): State<Arc<Shared>>, uri: Uri, body: String) -> Response {
    s.requests.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    if let Some(refused) = refuse(&s, &uri).await {
        return refused;
    }
    if !body.trim_start().starts_with("v=0") {
        return bad_request("Invalid SDP offer.", Some("invalid_offer"));
    }
    answer(&s, &body).await
}

fn unauthorized(message: &str, code: &str) -> Response {
    error(StatusCode::UNAUTHORIZED, message, "invalid_request_error", Some(code))
}

pub(super) fn bad_request(message: &str, code: Option<&str>) -> Response {
    error(StatusCode::BAD_REQUEST, message, "invalid_request_error", code)
}

/// The offer, once the credential is checked: an `ek_` secret with an `application/sdp` body, or
/// the standard key with a multipart form (RFC 7578) whose `sdp` field is the offer.
async fn read_offer(s: &Shared, headers: &HeaderMap, req: Request) -> Result<String, Response> {
    let ct = headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_ascii_lowercase();
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if ct.starts_with("multipart/form-data") {
        if bearer != s.cfg.key || s.cfg.has(&crate::fake::Fault::InvalidKey) {
            return Err(unauthorized("Incorrect API key provided.", "invalid_api_key"));
        }
        return unified_offer(req).await;
    }
    // An ek_ secret, minted here, used once, not expired: client secrets are single-use.
    let expires = s.secrets.lock().expect("secrets").remove(bearer);
    match expires {
        Some(at) if at > now() => {}
        Some(_) => return Err(unauthorized("The ephemeral token has expired.", "ephemeral_token_expired")),
        None if bearer.starts_with("ek_") => {
            return Err(unauthorized("Ephemeral token has already been used.", "ephemeral_token_already_used"));
        }
        None => return Err(unauthorized("Incorrect API key provided.", "invalid_api_key")),
    }
    if !ct.starts_with("application/sdp") {
        return Err(bad_request("Content-Type must be application/sdp.", None));
    }
    let body = axum::body::to_bytes(req.into_body(), 1 << 20)
        .await
        .map_err(|e| bad_request(&format!("Could not read the body: {e}"), None))?;
    String::from_utf8(body.to_vec()).map_err(|_| bad_request("The SDP offer is not UTF-8.", Some("invalid_offer")))
}

/// The unified interface's form, read by a real multipart parser: `sdp` is required, `session`
/// (when sent) must be a JSON object.
async fn unified_offer(req: Request) -> Result<String, Response> {
    let invalid = |e: &dyn std::fmt::Display| bad_request(&format!("Invalid multipart body: {e}"), None);
    let mut form = Multipart::from_request(req, &()).await.map_err(|e| invalid(&e))?;
    let (mut sdp, mut session) = (None, None);
    while let Some(field) = form.next_field().await.map_err(|e| invalid(&e))? {
        let name = field.name().unwrap_or_default().to_owned();
        let text = field.text().await.map_err(|e| invalid(&e))?;
        match name.as_str() {
            "sdp" => sdp = Some(text),
            "session" => session = Some(text),
            _ => return Err(bad_request(&format!("Unknown parameter: '{name}'."), Some("unknown_parameter"))),
        }
    }
    if let Some(text) = session {
        let Some(v) = serde_json::from_str::<serde_json::Value>(&text).ok().filter(|v| v.is_object()) else {
            return Err(bad_request("Invalid 'session': expected a JSON object.", Some("invalid_value")));
        };
        if let Some(refused) = v.get("model").and_then(|m| m.as_str()).and_then(super::refuse_live_model) {
            return Err(refused);
        }
    }
    sdp.ok_or_else(|| bad_request("Missing required parameter: 'sdp'.", Some("missing_required_parameter")))
}

/// What the endpoint refuses before looking at the offer: a `?model=` query, and the faults.
async fn refuse(s: &Shared, uri: &Uri) -> Option<Response> {
    if uri.query().is_some_and(|q| q.contains("model=")) {
        return Some(bad_request(
            "The model is taken from the session; remove the ?model= query.",
            Some("unknown_parameter"),
        ));
    }
    for f in &s.cfg.faults {
        match f {
            Fault::CallsBadRequest => return Some(bad_request("Invalid SDP offer.", Some("invalid_offer"))),
            Fault::CallsRateLimit => {
                let mut r = error(
                    StatusCode::TOO_MANY_REQUESTS,
                    "Rate limit reached for calls",
                    "requests",
                    Some("rate_limit_exceeded"),
                );
                r.headers_mut().insert("retry-after", HeaderValue::from_static("20"));
                return Some(r);
            }
            Fault::CallsNotSdp => {
                return Some(
                    (StatusCode::OK, [("content-type", "text/html")], "<html><title>Gateway</title></html>")
                        .into_response(),
                );
            }
            Fault::SlowAnswer(d) => tokio::time::sleep(*d).await,
            _ => {}
        }
    }
    None
}

/// Answer with a real WebRTC peer where the media server would be, and keep the call until it is
/// hung up (or two minutes pass, as the real service ends calls nobody hangs up).
async fn answer(s: &Arc<Shared>, offer: &str) -> Response {
    let call_id = format!("rtc_{:016x}", fastrand::u64(..));
    let answer = match media(s, offer, &call_id, None).await {
        Ok(a) => a,
        Err(refused) => return refused,
    };
    s.realtime_calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let mut r = (StatusCode::CREATED, [("content-type", "application/sdp")], answer).into_response();
    r.headers_mut().insert("location", HeaderValue::from_str(&format!("/v1/realtime/calls/{call_id}")).expect("ascii"));
    r.headers_mut()
        .insert("x-request-id", HeaderValue::from_str(&format!("req_{:016x}", fastrand::u64(..))).expect("ascii"));
    r
}

/// A call's media side, for the Realtime API or GPT-Live (`live`): a real answerer with the
/// answer-side faults applied, kept under `id` until hung up, closed, or two minutes pass.
pub(super) async fn media(
    s: &Arc<Shared>,
    offer: &str,
    id: &str,
    live: Option<LiveBehaviour>,
) -> Result<String, Response> {
    let media_guard = match s.cfg.media {
        Some(_) => match tokio::time::timeout(Duration::from_secs(5), s.media_lock.clone().lock_owned()).await {
            Ok(g) => Some(g),
            Err(_) => return Err(error(StatusCode::SERVICE_UNAVAILABLE, "Media server busy.", "server_error", None)),
        },
        None => None,
    };
    let (media_ip, udp, tcp) = match s.cfg.media {
        Some(ip) => (ip, 3478, 443),
        None => (s.ip, 0, 0),
    };
    let opts = AnswerOptions {
        udp: std::net::SocketAddr::new(media_ip, udp),
        tcp: std::net::SocketAddr::new(media_ip, tcp),
        behaviour: AnswerBehaviour {
            session_created: !s.cfg.has(&Fault::NoSessionCreated),
            error_event: s.cfg.has(&Fault::ErrorEvent),
            session_updated: !s.cfg.has(&Fault::NoSessionUpdated),
            dtls_passive: s.cfg.has(&Fault::DtlsPassive),
            live,
            voice: VoiceBehaviour {
                // A media server that does not receive audio hears nothing; one that does not
                // send it sends no reply.
                deaf: s.cfg.has(&Fault::Deaf) || answer_audio(s).is_some_and(|d| !d.contains("recv")),
                no_reply_audio: s.cfg.has(&Fault::NoReplyAudio)
                    || answer_audio(s).is_some_and(|d| !d.starts_with("send")),
                reply_delay: s
                    .cfg
                    .faults
                    .iter()
                    .find_map(|f| if let Fault::LateReply(d) = f { Some(*d) } else { None })
                    .unwrap_or(Duration::from_millis(200)),
                session_cap: s.cfg.has(&Fault::SessionCap),
                media_stops: s
                    .cfg
                    .faults
                    .iter()
                    .find_map(|f| if let Fault::MediaStops(d) = f { Some(*d) } else { None }),
            },
        },
    };
    // Channel that never opens: the answerer negotiates audio only (so it runs no SCTP), and the
    // answer it returns claims the data channel anyway (see graft_application).
    let never_opens = s.cfg.has(&Fault::ChannelNeverOpens);
    let offer_seen = if never_opens { sdp::without_application(offer) } else { offer.to_owned() };
    let (answerer, mut answer) = match Answerer::answer(&offer_seen, &opts).await {
        Ok(a) => a,
        Err(e) => return Err(bad_request(&format!("Invalid SDP offer: {e}"), Some("invalid_offer"))),
    };
    if never_opens {
        answer = graft_application(&answer, offer);
    }
    answer = mutate(s, answer);
    if s.cfg.has(&Fault::CandidatesNowhere) {
        // Unreachable media servers send no checks either; otherwise ICE would still connect
        // through a peer-reflexive candidate learnt from the answerer's own checks.
        answerer.close().await;
        return Ok(answer);
    }
    let ended = answerer.ended();
    s.calls.lock().expect("calls").insert(id.to_owned(), Call { answerer: Arc::new(answerer), _media: media_guard });
    // The call (and with fixed media ports, the ports) is released when its connection ends (a
    // GPT-Live session.closed), when it is hung up, or after two minutes, as the real service
    // ends calls nobody hangs up.
    let (shared, id) = (s.clone(), id.to_owned());
    tokio::spawn(async move {
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(120)) => {}
            _ = ended => {}
        }
        let call = shared.calls.lock().expect("calls").remove(&id);
        if let Some(c) = call {
            c.answerer.close().await;
        }
    });
    Ok(answer)
}

/// The audio direction the answer is made to say (a fault), if any.
fn answer_audio(s: &Shared) -> Option<&str> {
    s.cfg.faults.iter().find_map(|f| if let Fault::AnswerAudio(d) = f { Some(d.as_str()) } else { None })
}

/// Apply the answer-side faults.
fn mutate(s: &Shared, answer: String) -> String {
    let mut a = answer;
    if let Some(d) = answer_audio(s) {
        a = sdp::with_audio_direction(&a, d);
    }
    if s.cfg.has(&Fault::NoApplication) {
        a = sdp::without_application(&a);
    }
    if s.cfg.has(&Fault::ApplicationRejected) {
        a = a.replacen("m=application 9 ", "m=application 0 ", 1);
    }
    for (fault, dropped) in [(Fault::TcpOnlyAnswer, "udp"), (Fault::UdpOnlyAnswer, "tcp")] {
        if s.cfg.has(&fault) {
            a = a
                .lines()
                .filter(|l| {
                    !(l.starts_with("a=candidate:")
                        && l.split(' ').nth(2).is_some_and(|p| p.eq_ignore_ascii_case(dropped)))
                })
                .map(|l| format!("{l}\r\n"))
                .collect();
        }
    }
    let udp_only = s.cfg.has(&Fault::UdpCandidatesNowhere);
    if s.cfg.has(&Fault::CandidatesNowhere) || udp_only {
        // A port on the server's own address where nothing listens: checks go unanswered.
        let dead = std::net::UdpSocket::bind((s.ip, 0)).and_then(|u| u.local_addr()).map(|a| a.port()).unwrap_or(9);
        a = a
            .lines()
            .map(|l| {
                if l.starts_with("a=candidate:") {
                    let mut f: Vec<String> = l.split(' ').map(str::to_owned).collect();
                    if f.len() > 5 && (!udp_only || f[2].eq_ignore_ascii_case("udp")) {
                        f[5] = dead.to_string();
                    }
                    f.join(" ")
                } else {
                    l.to_owned()
                }
            })
            .map(|l| l + "\r\n")
            .collect();
    }
    if s.cfg.has(&Fault::DtlsMismatch) {
        a = a
            .lines()
            .map(|l| {
                if l.starts_with("a=fingerprint:sha-256 ") {
                    format!("a=fingerprint:sha-256 {}", vec!["AB"; 32].join(":"))
                } else {
                    l.to_owned()
                }
            })
            .map(|l| l + "\r\n")
            .collect();
    }
    a
}

pub(super) async fn hangup(State(s): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    let call = s.calls.lock().expect("calls").remove(&id);
    match call {
        Some(c) => {
            c.answerer.close().await;
            reply(StatusCode::OK, serde_json::json!({}))
        }
        None => error(
            StatusCode::NOT_FOUND,
            &format!("Call {id} not found."),
            "invalid_request_error",
            Some("call_not_found"),
        ),
    }
}

/// Append an `m=application` section to an audio-only answer, bundled on the audio transport
/// (same ICE credentials, fingerprint, setup and candidates), with the offer's mid.
fn graft_application(answer: &str, offer: &str) -> String {
    let mid_in = |text: &str, kind: &str| {
        let section = text.split("m=").find(|sec| sec.starts_with(kind))?;
        section.lines().find_map(|l| l.strip_prefix("a=mid:")).map(|m| m.trim().to_owned())
    };
    let (Some(app_mid), Some(audio_mid)) = (mid_in(offer, "application"), mid_in(answer, "audio")) else {
        return answer.to_owned();
    };
    let transport: Vec<&str> = answer
        .lines()
        .skip_while(|l| !l.starts_with("m=audio"))
        .filter(|l| {
            ["a=ice-ufrag:", "a=ice-pwd:", "a=fingerprint:", "a=setup:", "a=candidate:", "a=end-of-candidates"]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .collect();
    let mut out = String::new();
    for l in answer.lines().filter(|l| !l.starts_with("a=group:BUNDLE")) {
        out.push_str(l);
        out.push_str("\r\n");
        if l.starts_with("t=") {
            out.push_str(&format!("a=group:BUNDLE {audio_mid} {app_mid}\r\n"));
        }
    }
    out.push_str("m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n");
    for l in transport {
        out.push_str(l);
        out.push_str("\r\n");
    }
    out.push_str(&format!("a=mid:{app_mid}\r\na=sctp-port:5000\r\na=max-message-size:262144\r\n"));
    out
}
