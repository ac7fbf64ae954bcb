//! `--via URL`: the offer goes to the app's own backend route, as the app's frontend sends it
//! (OpenAI's WebRTC guide: the browser POSTs its SDP to the app's server, which calls the API with
//! the standard key and returns the answer). What comes back is judged as an answer from the API
//! is, and everything a backend does wrong gets its own cause: an error JSON or a page where SDP
//! belongs, the API's error passed through, a missing route.

use super::CallCause;
use crate::args::ViaShape;
use crate::check::key::{KeyCause, REQUEST_LIMIT, Step};
use crate::check::{Ctx, Outcome, Wait};
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

    /// The shapes to POST the offer in, in turn: `auto` tries each while the route refuses the
    /// body's shape, any other the one asked for.
    fn tried(self) -> &'static [ViaShape] {
        match self {
            ViaShape::Auto => &[ViaShape::Sdp, ViaShape::JsonSdp, ViaShape::JsonOffer],
            ViaShape::Sdp => &[ViaShape::Sdp],
            ViaShape::JsonSdp => &[ViaShape::JsonSdp],
            ViaShape::JsonOffer => &[ViaShape::JsonOffer],
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
    let api = Arc::new(crate::check::key::route_client(ctx, &url, "--via route").map_err(CallCause::Key)?);
    let shapes = s.via_shape.tried();
    let wait = ctx.wait(REQUEST_LIMIT);
    // A page on another origin: the browser asks the route first (the Fetch standard's CORS
    // preflight: application/sdp and application/json are not "simple" content types).
    let cors = s.origin.clone().filter(|o| *o != url.origin().ascii_serialization());
    let credentials = s.app_headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("cookie"));
    let route = Route { ctx, api: &api, url: &url, wait, cors: cors.as_deref(), credentials };
    if let Some(origin) = route.cors {
        route.preflight(out, origin).await?;
    }
    let mut refused = Vec::new();
    for (i, &shape) in shapes.iter().enumerate() {
        let ex = route.post(out, shape, offer).await?;
        let shape_refused = matches!(ex.status, 400 | 415 | 422) && !matches!(classify(&ex), Reply::OpenAi { .. });
        if shape_refused && i + 1 < shapes.len() {
            refused.push(format!("{} → HTTP {}", shape.words(), ex.status));
            continue;
        }
        if !refused.is_empty() {
            out.evidence.detail("via_shapes_refused", refused.join("; "));
        }
        out.evidence.detail("via_shape", shape.words());
        if let Some(origin) = route.cors {
            // Without it the browser hides the answer from the page, whatever its status.
            allowed_origin(&ex, origin, credentials).map_err(|why| CallCause::ViaCors {
                origin: origin.to_owned(),
                url: shown(&url),
                why,
            })?;
        }
        return judge(&url, &ex, &s.model).map(|(sdp, session_id)| ViaAnswer {
            api,
            status: ex.status,
            sdp,
            session_id,
        });
    }
    unreachable!("the last shape always returns")
}

/// The `--via` route as one exchange reaches it: what its CORS preflight and each POST of the
/// offer share.
struct Route<'a> {
    ctx: &'a Ctx,
    api: &'a Api,
    url: &'a url::Url,
    wait: Wait,
    /// The page's origin (`--origin`) when it is not the route's own: the browser applies CORS.
    cors: Option<&'a str>,
    /// A cookie goes along (an app header): CORS asks more of the answers.
    credentials: bool,
}

impl Route<'_> {
    /// The CORS preflight a browser sends for a page on `origin`, judged as the browser judges
    /// it: a refused preflight means the page never POSTs its offer.
    async fn preflight(&self, out: &mut Outcome, origin: &str) -> Result<(), CallCause> {
        let (s, url, wait) = (&self.ctx.settings, self.url, self.wait);
        let mut asked: Vec<String> = vec!["content-type".into()];
        asked.extend(s.app_headers.iter().map(|(n, _)| n.to_ascii_lowercase()).filter(|n| n != "cookie"));
        let label = format!("OPTIONS {} (CORS preflight from {origin})", url.path());
        let sent = self
            .api
            .send_once(&label, wait.until, |c| {
                c.request(reqwest::Method::OPTIONS, url.clone())
                    .header("origin", origin)
                    .header("access-control-request-method", "POST")
                    .header("access-control-request-headers", asked.join(","))
            })
            .await;
        let ex = match sent {
            Ok(ex) => ex,
            Err(SendError::Timeout) => return Err(CallCause::Key(KeyCause::Slow { step: label, wait: wait.words() })),
            Err(SendError::Connect(e)) | Err(SendError::Other(e)) => {
                return Err(CallCause::ViaUnreachable { url: shown(url), error: e });
            }
        };
        out.evidence.detail(&label, format!("HTTP {}", ex.status));
        judge_preflight(&ex, origin, &asked, self.credentials).map_err(|why| CallCause::ViaCors {
            origin: origin.to_owned(),
            url: shown(url),
            why,
        })
    }

    /// POST the offer in `shape`, as the app's frontend would (its origin and the app's headers
    /// along), and record the reply's status, time and type, and when its first byte came.
    async fn post(&self, out: &mut Outcome, shape: ViaShape, offer: &str) -> Result<Exchange, CallCause> {
        let (s, url, wait) = (&self.ctx.settings, self.url, self.wait);
        let label = format!("POST {} ({})", url.path(), shape.words());
        let sent = self
            .api
            .send_once(&label, wait.until, |c| {
                let mut b = c.post(url.clone()).header("accept", "application/sdp, application/json");
                if let Some(origin) = self.cors {
                    b = b.header("origin", origin);
                }
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
            Err(SendError::Connect(e)) => return Err(CallCause::ViaUnreachable { url: shown(url), error: e }),
            // Reached, but it dropped the connection: a backend that crashed on the request.
            Err(SendError::Other(e)) => {
                return Err(CallCause::Key(KeyCause::Closed {
                    phase: format!("the answer of your backend route {}", shown(url)),
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
        Ok(ex)
    }
}

/// Whether a response lets a page on `origin` read it (Fetch standard, "CORS check"): the
/// origin or `*` in Access-Control-Allow-Origin, and with cookies the origin itself and
/// Access-Control-Allow-Credentials: true.
fn allowed_origin(ex: &Exchange, origin: &str, credentials: bool) -> Result<(), String> {
    let h = |n: &str| crate::net::http::header(&ex.headers, n);
    let Some(acao) = h("access-control-allow-origin") else {
        return Err(format!(
            "HTTP {} without Access-Control-Allow-Origin: the browser hides the answer from the page",
            ex.status
        ));
    };
    let acao = acao.trim();
    if acao != origin && acao != "*" {
        return Err(format!("Access-Control-Allow-Origin is {acao:?}, not {origin:?}"));
    }
    if credentials && acao == "*" {
        return Err("with cookies, Access-Control-Allow-Origin must name the origin, not *".into());
    }
    if credentials && h("access-control-allow-credentials").as_deref().map(str::trim) != Some("true") {
        return Err("with cookies, Access-Control-Allow-Credentials: true is needed".into());
    }
    Ok(())
}

/// Whether a preflight's answer lets a page on `origin` POST with `asked` headers.
fn judge_preflight(ex: &Exchange, origin: &str, asked: &[String], credentials: bool) -> Result<(), String> {
    if !(200..300).contains(&ex.status) {
        return Err(format!("the OPTIONS preflight was answered HTTP {}", ex.status));
    }
    allowed_origin(ex, origin, credentials).map_err(|why| format!("the preflight's {why}"))?;
    let list = |n: &str| -> Option<Vec<String>> {
        crate::net::http::header(&ex.headers, n)
            .map(|v| v.split(',').map(|x| x.trim().to_ascii_lowercase()).filter(|x| !x.is_empty()).collect())
    };
    // Absent means only the safelisted methods (POST is one); `*` counts without credentials.
    if let Some(methods) = list("access-control-allow-methods")
        && !methods.iter().any(|m| m == "post" || (m == "*" && !credentials))
    {
        return Err(format!("POST is not in Access-Control-Allow-Methods ({})", methods.join(", ")));
    }
    let headers = list("access-control-allow-headers").unwrap_or_default();
    if let Some(missing) = asked.iter().find(|a| !headers.iter().any(|h| h == *a || (h == "*" && !credentials))) {
        return Err(format!(
            "{missing} is not in Access-Control-Allow-Headers ({})",
            if headers.is_empty() { "absent".to_owned() } else { headers.join(", ") }
        ));
    }
    Ok(())
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
        // CORS: what a browser on another origin needs.
        let with = |status: u16, hs: &[(&'static str, &'static str)]| {
            let mut e = ex(status, "text/plain", "");
            for (n, v) in hs {
                e.headers.insert(*n, reqwest::header::HeaderValue::from_static(v));
            }
            e
        };
        let o = "http://localhost:5173";
        let asked = vec!["content-type".to_owned()];
        let good = with(
            204,
            &[
                ("access-control-allow-origin", "http://localhost:5173"),
                ("access-control-allow-methods", "GET, POST"),
                ("access-control-allow-headers", "Content-Type"),
            ],
        );
        assert_eq!(judge_preflight(&good, o, &asked, false), Ok(()));
        assert!(judge_preflight(&with(404, &[]), o, &asked, false).unwrap_err().contains("HTTP 404"));
        let no_header = with(204, &[("access-control-allow-origin", "*")]);
        assert!(judge_preflight(&no_header, o, &asked, false).unwrap_err().contains("content-type"));
        let star = with(204, &[("access-control-allow-origin", "*"), ("access-control-allow-headers", "*")]);
        assert_eq!(judge_preflight(&star, o, &asked, false), Ok(()));
        assert!(judge_preflight(&star, o, &asked, true).unwrap_err().contains("must name the origin"));
        assert!(allowed_origin(&with(201, &[]), o, false).unwrap_err().contains("without Access-Control-Allow-Origin"));
        // The route is shown without its query.
        let msg = judge(&url, &ex(404, "text/plain", ""), "m").unwrap_err().to_string();
        assert!(msg.contains("http://localhost:3000/api/session") && !msg.contains("token=x"), "{msg}");
    }
}
