//! `--via URL`: the offer goes to the app's own backend route, as the app's frontend sends it
//! (OpenAI's WebRTC guide: the browser POSTs its SDP to the app's server, which calls the API with
//! the standard key and returns the answer). What comes back is judged as an answer from the API
//! is, and everything a backend does wrong gets its own cause: an error JSON or a page where SDP
//! belongs, the API's error passed through, a missing route.

use super::CallCause;
use crate::check::key::{KeyCause, REQUEST_LIMIT, Step};
use crate::check::{Ctx, Outcome};
use crate::cli::ViaShape;
use crate::net::http::{Api, Exchange, Reply, SendError, classify, describe_body};
use serde_json::Value;
use std::sync::Arc;

impl ViaShape {
    fn words(self) -> &'static str {
        match self {
            ViaShape::Auto => "auto",
            ViaShape::Sdp => "raw SDP (application/sdp)",
            ViaShape::JsonSdp => "JSON {\"sdp\"}",
            ViaShape::JsonOffer => "JSON {\"offer\": {type, sdp}}",
        }
    }
}

/// What the backend answered: the SDP, and the GPT-Live session id when it passed the create
/// JSON through (so the session can be closed).
pub struct ViaAnswer {
    pub api: Arc<Api>,
    pub status: u16,
    pub sdp: String,
    pub session_id: Option<String>,
}

/// POST the offer to the route, in the shape asked for (or each shape in turn while the route
/// refuses the body's shape), and read the answer out of what comes back.
pub async fn exchange(ctx: &Ctx, out: &mut Outcome, offer: &str) -> Result<ViaAnswer, CallCause> {
    let s = &ctx.settings;
    let url = s.via.clone().expect("--via is set");
    out.evidence.detail("via", format!("{} (the app's backend route; it holds the key)", shown(&url)));
    let api = Arc::new(crate::check::key::route_client(ctx, &url).map_err(CallCause::Key)?);
    let shapes: &[ViaShape] = match s.via_shape {
        ViaShape::Auto => &[ViaShape::Sdp, ViaShape::JsonSdp, ViaShape::JsonOffer],
        ViaShape::Sdp => &[ViaShape::Sdp],
        ViaShape::JsonSdp => &[ViaShape::JsonSdp],
        ViaShape::JsonOffer => &[ViaShape::JsonOffer],
    };
    let wait = ctx.wait(REQUEST_LIMIT);
    let mut refused = Vec::new();
    for (i, &shape) in shapes.iter().enumerate() {
        let label = format!("POST {} ({})", url.path(), shape.words());
        let sent = api
            .send_once(&label, wait.until, |c| {
                let mut b = c.post(url.clone()).header("accept", "application/sdp, application/json");
                for (name, value) in &s.app_headers {
                    b = b.header(name.as_str(), value.expose());
                }
                match shape {
                    ViaShape::JsonSdp => b.json(&serde_json::json!({"sdp": offer})),
                    ViaShape::JsonOffer => b.json(&serde_json::json!({"offer": {"type": "offer", "sdp": offer}})),
                    _ => b.header("content-type", "application/sdp").body(offer.to_owned()),
                }
            })
            .await;
        let ex = match sent {
            Ok(ex) => ex,
            Err(SendError::Timeout) => {
                return Err(CallCause::Key(KeyCause::Slow { step: label, wait: wait.words() }));
            }
            Err(SendError::Connect(e)) => return Err(CallCause::ViaUnreachable { url: shown(&url), error: e }),
            // Reached, but it dropped the connection: a backend that crashed on the request.
            Err(SendError::Other(e)) => {
                return Err(CallCause::Key(KeyCause::Closed {
                    phase: format!("the answer of your backend route {}", shown(&url)),
                    error: e,
                }));
            }
        };
        let mut v = format!("HTTP {} in {:.1} ms", ex.status, ex.total.as_secs_f64() * 1000.0);
        if let Some(ct) = &ex.content_type {
            v.push_str(&format!(", {ct}"));
        }
        out.evidence.detail(&label, v);
        out.evidence.timing("answer", ex.first_byte);
        let shape_refused = matches!(ex.status, 400 | 415 | 422) && !matches!(classify(&ex), Reply::OpenAi { .. });
        if shape_refused && i + 1 < shapes.len() {
            refused.push(format!("{} → HTTP {}", shape.words(), ex.status));
            continue;
        }
        if !refused.is_empty() {
            out.evidence.detail("via_shapes_refused", refused.join("; "));
        }
        out.evidence.detail("via_shape", shape.words());
        return judge(&url, &ex, &s.model).map(|(sdp, session_id)| ViaAnswer {
            api,
            status: ex.status,
            sdp,
            session_id,
        });
    }
    unreachable!("the last shape always returns")
}

/// The URL as shown: without a user:password part or a query (which may carry a token).
fn shown(url: &url::Url) -> String {
    let mut u = url.clone();
    let _ = u.set_username("");
    let _ = u.set_password(None);
    u.set_query(None);
    u.to_string()
}

/// The answer in a backend's reply, or what the reply is instead.
pub fn judge(url: &url::Url, ex: &Exchange, model: &str) -> Result<(String, Option<String>), CallCause> {
    let body = ex.body.trim_start_matches('\u{feff}');
    let reply = classify(ex);
    if let Reply::OpenAi { .. } = reply {
        // The backend passed the API's error on, with its status: the API's cause is the news.
        return Err(CallCause::Key(crate::check::key::reply_cause(Step::Calls, ex, reply, model)));
    }
    if !(200..300).contains(&ex.status) {
        if matches!(ex.status, 404 | 405) {
            return Err(CallCause::ViaRoute { url: shown(url), status: ex.status });
        }
        return Err(CallCause::ViaNotAnswer {
            url: shown(url),
            status: ex.status,
            what: describe_body(ex.content_type.as_deref(), body),
        });
    }
    if body.trim_start().starts_with("v=0") {
        return Ok((body.to_owned(), None));
    }
    if let Ok(v) = serde_json::from_str::<Value>(body) {
        // 2xx with the API's error inside: a backend that does not look at the API's status.
        if let Some(e) = v.get("error").filter(|e| e.is_object()) {
            let message = e.get("message").and_then(|m| m.as_str()).unwrap_or("no message").to_owned();
            let code = e.get("code").and_then(|c| c.as_str()).map(|c| format!(" ({c})")).unwrap_or_default();
            return Err(CallCause::ErrorAsAnswer { message: format!("{message}{code}, with HTTP {}", ex.status) });
        }
        let sdp = ["/sdp", "/answer", "/answer/sdp", "/transport/sdp"]
            .iter()
            .find_map(|p| v.pointer(p).and_then(|x| x.as_str()))
            .filter(|s| s.trim_start().starts_with("v=0"));
        if let Some(sdp) = sdp {
            let id = v.pointer("/session/id").and_then(|x| x.as_str()).map(str::to_owned);
            return Ok((sdp.to_owned(), id));
        }
    }
    Err(CallCause::ViaNotAnswer {
        url: shown(url),
        status: ex.status,
        what: describe_body(ex.content_type.as_deref(), body),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(status: u16, ct: &str, body: &str) -> Exchange {
        Exchange::for_test(status, ct, body)
    }

    #[test]
    fn every_answer_shape_and_every_wrong_one() {
        let url = url::Url::parse("http://localhost:3000/api/session?token=x").unwrap();
        let sdp = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n";
        let ok = |e: Exchange| judge(&url, &e, "m").map(|(s, id)| (s.starts_with("v=0"), id));
        assert_eq!(ok(ex(201, "application/sdp", sdp)), Ok((true, None)));
        let json = serde_json::json!({"sdp": sdp}).to_string();
        assert_eq!(ok(ex(200, "application/json", &json)), Ok((true, None)));
        let json = serde_json::json!({"answer": {"type": "answer", "sdp": sdp}}).to_string();
        assert_eq!(ok(ex(200, "application/json", &json)), Ok((true, None)));
        let live =
            serde_json::json!({"session": {"id": "live_1"}, "transport": {"type": "webrtc", "sdp": sdp}}).to_string();
        assert_eq!(ok(ex(201, "application/json", &live)), Ok((true, Some("live_1".into()))));
        let err =
            r#"{"error":{"message":"beta shape","type":"invalid_request_error","code":"beta_api_shape_disabled"}}"#;
        let id = |e: Exchange| judge(&url, &e, "m").err().map(|c| crate::check::Diagnosis::id(&c).to_owned());
        assert_eq!(id(ex(400, "application/json", err)).as_deref(), Some("beta_retired"));
        assert_eq!(id(ex(200, "application/json", err)).as_deref(), Some("error_passed_as_answer"));
        assert_eq!(id(ex(404, "text/html", "<html>Not Found</html>")).as_deref(), Some("via_route_missing"));
        assert_eq!(id(ex(500, "text/plain", "boom")).as_deref(), Some("via_not_an_answer"));
        assert_eq!(id(ex(200, "text/html", "<html><title>Login</title></html>")).as_deref(), Some("via_not_an_answer"));
        // The route is shown without its query.
        let msg = judge(&url, &ex(404, "text/plain", ""), "m").unwrap_err().to_string();
        assert!(msg.contains("http://localhost:3000/api/session") && !msg.contains("token=x"), "{msg}");
    }
}
