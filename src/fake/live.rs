//! `POST /v1/live/sessions` of the fake: GPT-Live's WebRTC create as its API reference describes
//! it. The body is a strict object (`LiveCreateRequest`, `additionalProperties: false`): unknown
//! fields and a missing model are refused with the OpenAI error shape naming the `param`; a
//! model of the Realtime API is refused with `invalid_model`; the reply is 201
//! `{session: {id: "live_…"}, transport: {type: "webrtc", sdp}}`, and the session itself runs on
//! a real WebRTC answerer that speaks GPT-Live's events (`peer::answerer`).

use super::calls::{bad_request, media};
use super::{Fault, Shared, error, gate, not_found_for, reply, unknown_model, wrong_api};
use crate::peer::LiveBehaviour;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use std::sync::Arc;

/// `session` fields of `LiveMediaSessionCreateParams` (the API reference).
const SESSION_FIELDS: &[&str] = &["model", "instructions", "audio", "delegation", "input", "store", "client"];
const TRANSPORT_FIELDS: &[&str] = &["type", "sdp"];

/// Why the create body is refused: the OpenAI error's message, code and param.
#[derive(Debug, PartialEq)]
struct Refusal {
    message: String,
    code: Option<&'static str>,
    param: Option<String>,
}

impl Refusal {
    fn new(message: impl Into<String>, code: &'static str, param: &str) -> Refusal {
        Refusal { message: message.into(), code: Some(code), param: Some(param.to_owned()) }
    }

    fn response(self) -> Response {
        reply(
            StatusCode::BAD_REQUEST,
            json!({"error": {"message": self.message, "type": "invalid_request_error", "param": self.param, "code": self.code}}),
        )
    }
}

fn unknown(param: &str) -> Refusal {
    Refusal::new(format!("Unknown parameter: '{param}'."), "unknown_parameter", param)
}

fn missing(param: &str) -> Refusal {
    Refusal::new(format!("Missing required parameter: '{param}'."), "missing_required_parameter", param)
}

/// The fields of `obj` outside `allowed`, or one the `LiveRejectsField` fault makes unknown.
fn check_fields(obj: &Map<String, Value>, prefix: &str, allowed: &[&str], rejected: &[String]) -> Result<(), Refusal> {
    for k in obj.keys() {
        let param = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        if !allowed.contains(&k.as_str()) || rejected.contains(&param) {
            return Err(unknown(&param));
        }
    }
    Ok(())
}

fn object<'a>(v: &'a Value, param: &str) -> Result<&'a Map<String, Value>, Refusal> {
    v.as_object()
        .ok_or_else(|| Refusal::new(format!("Invalid type for '{param}': expected an object."), "invalid_type", param))
}

/// The create body, validated as strictly as the reference says: the model and the offer.
fn validate(v: &Value, rejected: &[String]) -> Result<(String, String), Refusal> {
    let top = v.as_object().ok_or_else(|| Refusal {
        message: "The request body must be a JSON object.".into(),
        code: None,
        param: None,
    })?;
    check_fields(top, "", &["session", "transport"], rejected)?;
    let session = object(top.get("session").ok_or_else(|| missing("session"))?, "session")?;
    check_fields(session, "session", SESSION_FIELDS, rejected)?;
    if let Some(audio) = session.get("audio").and_then(Value::as_object) {
        // Only `audio.output.voice`: WebRTC negotiates the media format itself.
        check_fields(audio, "session.audio", &["output"], rejected)?;
        if let Some(output) = audio.get("output").and_then(Value::as_object) {
            check_fields(output, "session.audio.output", &["voice"], rejected)?;
        }
    }
    let model = session.get("model").and_then(Value::as_str).ok_or_else(|| missing("session.model"))?;
    let transport = object(top.get("transport").ok_or_else(|| missing("transport"))?, "transport")?;
    check_fields(transport, "transport", TRANSPORT_FIELDS, rejected)?;
    match transport.get("type").and_then(Value::as_str) {
        Some("webrtc") => {}
        Some(other) => {
            return Err(Refusal::new(
                format!("Invalid value for 'transport.type': '{other}'. Supported values are: 'webrtc'."),
                "invalid_value",
                "transport.type",
            ));
        }
        None => return Err(missing("transport.type")),
    }
    let sdp = transport.get("sdp").and_then(Value::as_str).filter(|s| !s.is_empty());
    let sdp = sdp.ok_or_else(|| missing("transport.sdp"))?;
    Ok((model.to_owned(), sdp.to_owned()))
}

pub(super) async fn create(State(s): State<Arc<Shared>>, headers: HeaderMap, body: String) -> Response {
    if let Err(r) = gate(&s, &headers).await {
        return r;
    }
    let rejected = match create_faults(&s).await {
        Ok(rejected) => rejected,
        Err(refused) => return refused,
    };
    let (model, offer) = match read_create(&s, &headers, &body, &rejected) {
        Ok(ok) => ok,
        Err(refused) => return refused,
    };
    let id = format!("live_{:016x}{:08x}", fastrand::u64(..), fastrand::u32(..));
    let behaviour = session_behaviour(&s, &id, model);
    let answer = match media(&s, &offer, &id, Some(behaviour)).await {
        Ok(a) => a,
        Err(refused) => return refused,
    };
    s.live_created.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    s.live_open.lock().expect("sessions").insert(id.clone());
    created(&s, id, answer)
}

/// The faults that act on the create before its body is read, in the configured order: a refusal
/// (no GPT-Live, no access, no quota, a rate limit) ends it, a slow answer waits here. Gives the
/// fields `LiveRejectsField` makes unknown.
async fn create_faults(s: &Shared) -> Result<Vec<String>, Response> {
    let mut rejected = Vec::new();
    for f in &s.cfg.faults {
        match f {
            Fault::NoLive => return Err(not_found_for("POST", "/v1/live/sessions")),
            Fault::Forbidden => {
                return Err(error(
                    StatusCode::FORBIDDEN,
                    "Your project does not have access to GPT-Live.",
                    "invalid_request_error",
                    None,
                ));
            }
            Fault::Quota => return Err(super::quota()),
            Fault::RateLimit { .. } | Fault::CallsRateLimit => {
                let mut r = error(
                    StatusCode::TOO_MANY_REQUESTS,
                    "Rate limit reached for concurrent sessions",
                    "requests",
                    Some("rate_limit_exceeded"),
                );
                r.headers_mut().insert("retry-after", HeaderValue::from_static("20"));
                return Err(r);
            }
            Fault::SlowAnswer(d) => tokio::time::sleep(*d).await,
            Fault::LiveRejectsField(field) => rejected.push(field.clone()),
            _ => {}
        }
    }
    Ok(rejected)
}

/// The create's model and offer, read as the API reads them: a JSON body (`validate`), a
/// GPT-Live model this server serves, an offer that is SDP; or the API's refusal.
// The refusal is the reply itself, built at most once per request of a test server: not worth a box.
#[allow(clippy::result_large_err)]
fn read_create(s: &Shared, headers: &HeaderMap, body: &str, rejected: &[String]) -> Result<(String, String), Response> {
    let ct = headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_ascii_lowercase();
    if !ct.starts_with("application/json") {
        return Err(bad_request("Content-Type must be application/json.", None));
    }
    let Ok(mut v) = serde_json::from_str::<Value>(body) else {
        return Err(bad_request("We could not parse the JSON body of your request.", None));
    };
    if s.cfg.has(&Fault::LiveDropsModel)
        && let Some(session) = v.get_mut("session").and_then(Value::as_object_mut)
    {
        // A gateway that rebuilds the body and loses the model.
        session.remove("model");
    }
    let (model, offer) = validate(&v, rejected).map_err(Refusal::response)?;
    if !crate::api::is_live_model(&model) {
        return Err(wrong_api(&model, "/v1/live/sessions: use a GPT-Live model"));
    }
    if let Some(refused) = unknown_model(&s.cfg, &model) {
        return Err(refused);
    }
    if !offer.trim_start().starts_with("v=0") {
        return Err(Refusal::new("Invalid SDP offer.", "invalid_offer", "transport.sdp").response());
    }
    Ok((model, offer))
}

/// How the session `id`'s answerer behaves as GPT-Live, with the faults that change it.
fn session_behaviour(s: &Shared, id: &str, model: String) -> LiveBehaviour {
    LiveBehaviour {
        session_id: id.to_owned(),
        model,
        started_id: s.cfg.has(&Fault::LiveWrongSession).then(|| format!("live_{:016x}", fastrand::u64(..))),
        closed_early: s.cfg.faults.iter().find_map(|f| match f {
            Fault::LiveClosedEarly(reason) => Some(reason.clone()),
            _ => None,
        }),
        ignore_close: s.cfg.has(&Fault::LiveIgnoresClose),
        open_sessions: Some(s.live_open.clone()),
    }
}

/// The 201 for a created session, `{session: {id}, transport: {type: "webrtc", sdp}}`, or the
/// wrong shape a faulty gateway gives.
fn created(s: &Shared, id: String, mut answer: String) -> Response {
    if s.cfg.has(&Fault::LiveSdpAnswer) {
        // A gateway that only knows the Realtime API: the answer SDP as the body.
        return (StatusCode::CREATED, [("content-type", "application/sdp")], answer).into_response();
    }
    if s.cfg.has(&Fault::LiveBadSdp) {
        answer = "v=0\r\nthis line is not an SDP field\r\n".into();
    }
    reply(StatusCode::CREATED, json!({"session": {"id": id}, "transport": {"type": "webrtc", "sdp": answer}}))
}

/// The sideband connection (`GET /v1/live/sessions/{id}/attach`, a WebSocket with the key that
/// created the session): `session.started` on attach, and `session.close` answered with
/// `session.closed`, which ends the session and its media.
pub(super) async fn attach(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    ws: WebSocketUpgrade,
) -> Response {
    if let Err(r) = gate(&s, &headers).await {
        return r;
    }
    if !s.live_open.lock().expect("sessions").contains(&id) {
        return error(
            StatusCode::NOT_FOUND,
            &format!("Session {id} not found."),
            "invalid_request_error",
            Some("session_not_found"),
        );
    }
    ws.on_upgrade(move |socket| sideband(s, id, socket))
}

async fn sideband(s: Arc<Shared>, id: String, mut socket: WebSocket) {
    let event_id = || format!("event_{:012x}", fastrand::u64(..) >> 16);
    let session = json!({"id": id, "status": "active", "model": "gpt-live-1"});
    let started = json!({"type": "session.started", "event_id": event_id(), "session": session});
    if socket.send(Message::Text(started.to_string().into())).await.is_err() {
        return;
    }
    while let Some(Ok(msg)) = socket.recv().await {
        let Message::Text(text) = msg else { continue };
        let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        let reply = match v.get("type").and_then(Value::as_str) {
            Some("session.close") => {
                s.live_open.lock().expect("sessions").remove(&id);
                let call = s.calls.lock().expect("calls").remove(&id);
                if let Some(c) = call {
                    c.answerer.close().await;
                }
                json!({"type": "session.closed", "event_id": event_id(), "reason": "close_requested",
                       "session": session, "usage": {"seconds": 0.0}})
            }
            other => json!({"type": "error", "event_id": event_id(), "error": {"type": "invalid_request_error",
                            "code": "unknown_event", "message": format!("Unknown client event type: '{}'.", other.unwrap_or(""))}}),
        };
        let closed = reply["type"] == "session.closed";
        if socket.send(Message::Text(reply.to_string().into())).await.is_err() || closed {
            break;
        }
    }
    let _ = socket.send(Message::Close(None)).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn param(r: Result<(String, String), Refusal>) -> String {
        r.expect_err("refused").param.unwrap_or_default()
    }

    #[test]
    fn the_create_body_is_strict() {
        let ok = json!({"session": {"model": "gpt-live-1", "audio": {"output": {"voice": "marin"}}},
                        "transport": {"type": "webrtc", "sdp": "v=0"}});
        assert_eq!(validate(&ok, &[]).unwrap(), ("gpt-live-1".into(), "v=0".into()));
        let voice = json!({"session": {"model": "gpt-live-1", "voice": "marin"}, "transport": {"type": "webrtc", "sdp": "v=0"}});
        assert_eq!(param(validate(&voice, &[])), "session.voice");
        let no_model = json!({"session": {}, "transport": {"type": "webrtc", "sdp": "v=0"}});
        assert_eq!(param(validate(&no_model, &[])), "session.model");
        let format = json!({"session": {"model": "m", "audio": {"format": "pcm"}}, "transport": {"type": "webrtc", "sdp": "v=0"}});
        assert_eq!(param(validate(&format, &[])), "session.audio.format");
        let empty_sdp = json!({"session": {"model": "m"}, "transport": {"type": "webrtc", "sdp": ""}});
        assert_eq!(param(validate(&empty_sdp, &[])), "transport.sdp");
        let ws = json!({"session": {"model": "m"}, "transport": {"type": "websocket", "sdp": "v=0"}});
        assert_eq!(param(validate(&ws, &[])), "transport.type");
        assert_eq!(param(validate(&ok, &["transport.type".into()])), "transport.type");
    }
}
