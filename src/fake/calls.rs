//! `/v1/realtime/calls` of the fake Realtime API: a real WebRTC answerer per call, authenticated
//! by a minted (single-use) `ek_` secret, or by the standard key with the "unified interface"
//! multipart form (`sdp` and `session` fields).

use super::{Fault, Shared, error, now, reply};
use crate::peer::{AnswerBehaviour, Answerer, Options, sdp};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A call in progress: its answerer and, with fixed media ports, the right to them.
pub(crate) struct Call {
    answerer: Arc<Answerer>,
    _media: Option<tokio::sync::OwnedMutexGuard<()>>,
}

pub(super) async fn create(State(s): State<Arc<Shared>>, headers: HeaderMap, uri: Uri, body: String) -> Response {
    s.requests.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let ct = headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_ascii_lowercase();
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let offer = if ct.starts_with("multipart/form-data") {
        if bearer != s.cfg.key {
            return error(
                StatusCode::UNAUTHORIZED,
                "Incorrect API key provided.",
                "invalid_request_error",
                Some("invalid_api_key"),
            );
        }
        match form_field(&ct, &body, "sdp") {
            Some(sdp) => sdp,
            None => {
                return error(
                    StatusCode::BAD_REQUEST,
                    "Missing required parameter: 'sdp'.",
                    "invalid_request_error",
                    Some("missing_required_parameter"),
                );
            }
        }
    } else {
        // An ek_ secret, minted here, used once, not expired (../shared/realtime-api.md).
        let expires = s.secrets.lock().expect("secrets").remove(bearer);
        match expires {
            Some(at) if at > now() => {}
            Some(_) => {
                return error(
                    StatusCode::UNAUTHORIZED,
                    "The ephemeral token has expired.",
                    "invalid_request_error",
                    Some("ephemeral_token_expired"),
                );
            }
            None if bearer.starts_with("ek_") => {
                return error(
                    StatusCode::UNAUTHORIZED,
                    "Ephemeral token has already been used.",
                    "invalid_request_error",
                    Some("ephemeral_token_already_used"),
                );
            }
            None => {
                return error(
                    StatusCode::UNAUTHORIZED,
                    "Incorrect API key provided.",
                    "invalid_request_error",
                    Some("invalid_api_key"),
                );
            }
        }
        if !ct.starts_with("application/sdp") {
            return error(
                StatusCode::BAD_REQUEST,
                "Content-Type must be application/sdp.",
                "invalid_request_error",
                None,
            );
        }
        body
    };
    if uri.query().is_some_and(|q| q.contains("model=")) {
        return error(
            StatusCode::BAD_REQUEST,
            "The model is taken from the session; remove the ?model= query.",
            "invalid_request_error",
            Some("unknown_parameter"),
        );
    }
    for f in &s.cfg.faults {
        match f {
            Fault::CallsBadRequest => {
                return error(
                    StatusCode::BAD_REQUEST,
                    "Invalid SDP offer.",
                    "invalid_request_error",
                    Some("invalid_offer"),
                );
            }
            Fault::CallsRateLimit => {
                let mut r = error(
                    StatusCode::TOO_MANY_REQUESTS,
                    "Rate limit reached for calls",
                    "requests",
                    Some("rate_limit_exceeded"),
                );
                r.headers_mut().insert("retry-after", HeaderValue::from_static("20"));
                return r;
            }
            Fault::CallsNotSdp => {
                return (StatusCode::OK, [("content-type", "text/html")], "<html><title>Gateway</title></html>")
                    .into_response();
            }
            Fault::SlowAnswer(d) => tokio::time::sleep(*d).await,
            _ => {}
        }
    }
    if !offer.trim_start().starts_with("v=0") {
        return error(StatusCode::BAD_REQUEST, "Invalid SDP offer.", "invalid_request_error", Some("invalid_offer"));
    }
    let media_guard = match s.cfg.media {
        Some(_) => match tokio::time::timeout(Duration::from_secs(5), s.media_lock.clone().lock_owned()).await {
            Ok(g) => Some(g),
            Err(_) => return error(StatusCode::SERVICE_UNAVAILABLE, "Media server busy.", "server_error", None),
        },
        None => None,
    };
    let (media_ip, udp, tcp) = match s.cfg.media {
        Some(ip) => (ip, 3478, 443),
        None => (s.ip, 0, 0),
    };
    let opts = Options {
        ice_servers: vec![],
        relay_only: false,
        udp_addrs: vec![format!("{}", std::net::SocketAddr::new(media_ip, udp))],
        tcp_addrs: vec![format!("{}", std::net::SocketAddr::new(media_ip, tcp))],
    };
    let behaviour = AnswerBehaviour {
        session_created: !s.cfg.has(&Fault::NoSessionCreated),
        error_event: s.cfg.has(&Fault::ErrorEvent),
        session_updated: !s.cfg.has(&Fault::NoSessionUpdated),
    };
    // Channel that never opens: the answerer negotiates audio only (so it runs no SCTP), and the
    // answer it returns claims the data channel anyway (see graft_application).
    let never_opens = s.cfg.has(&Fault::ChannelNeverOpens);
    let offer_seen = if never_opens { sdp::without_application(&offer) } else { offer.clone() };
    let (answerer, mut answer) =
        match Answerer::answer(&offer_seen, &opts, behaviour, Instant::now() + Duration::from_secs(10)).await {
            Ok(a) => a,
            Err(e) => {
                return error(
                    StatusCode::BAD_REQUEST,
                    &format!("Invalid SDP offer: {e}"),
                    "invalid_request_error",
                    Some("invalid_offer"),
                );
            }
        };
    if never_opens {
        answer = graft_application(&answer, &offer);
    }
    answer = mutate(&s, answer);
    let call_id = format!("rtc_{:016x}", fastrand::u64(..));
    if s.cfg.has(&Fault::CandidatesNowhere) {
        // Unreachable media servers send no checks either; otherwise ICE would still connect
        // through a peer-reflexive candidate learnt from the answerer's own checks.
        answerer.close().await;
    } else {
        s.calls
            .lock()
            .expect("calls")
            .insert(call_id.clone(), Call { answerer: Arc::new(answerer), _media: media_guard });
    }
    // Calls that nobody hangs up end after a while, as the real service's do.
    let (shared, id) = (s.clone(), call_id.clone());
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(120)).await;
        let call = shared.calls.lock().expect("calls").remove(&id);
        if let Some(c) = call {
            c.answerer.close().await;
        }
    });
    let mut r = (StatusCode::CREATED, [("content-type", "application/sdp")], answer).into_response();
    r.headers_mut().insert("location", HeaderValue::from_str(&format!("/v1/realtime/calls/{call_id}")).expect("ascii"));
    r.headers_mut()
        .insert("x-request-id", HeaderValue::from_str(&format!("req_{:016x}", fastrand::u64(..))).expect("ascii"));
    r
}

/// Apply the answer-side faults.
fn mutate(s: &Shared, answer: String) -> String {
    let mut a = answer;
    if s.cfg.has(&Fault::NoApplication) {
        a = sdp::without_application(&a);
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

/// One field of a multipart/form-data body (RFC 7578), enough for the unified interface.
fn form_field(content_type: &str, body: &str, name: &str) -> Option<String> {
    let boundary = content_type.split("boundary=").nth(1)?.trim_matches('"');
    let marker = format!("--{boundary}");
    body.split(marker.as_str()).find_map(|part| {
        let (head, value) = part.split_once("\r\n\r\n")?;
        head.contains(&format!("name=\"{name}\"")).then(|| value.trim_end_matches("\r\n").to_owned())
    })
}
