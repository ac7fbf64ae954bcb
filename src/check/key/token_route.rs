//! `--token-url`: the app's own route that hands the page its client secret (OpenAI's WebRTC
//! guide: the server mints with POST /v1/realtime/client_secrets and returns the `ek_` to the
//! browser). Judged as the frontend would use it, and shared with `analyze`, which judges the same
//! route's answer in a HAR.

use super::{KeyCause, REQUEST_LIMIT, Step};
use crate::check::{Ctx, Outcome};
use crate::net::http::{Exchange, Reply, SendError, classify, describe_body};
use crate::secret::Secret;
use serde_json::Value;
use std::time::{SystemTime, UNIX_EPOCH};

/// A usable secret from the route.
pub struct Token {
    pub secret: Secret,
    /// Seconds left, by this machine's clock, when the route gave an `expires_at`.
    pub ttl_s: Option<i64>,
}

/// What the route's answer is: a GA client secret, or why the page cannot use it. `now` (unix
/// seconds) is when the answer came: this machine's clock for a live request, the recorded time
/// for a HAR; `None` skips the expiry.
pub fn judge(label: &str, ex: &Exchange, now: Option<i64>) -> Result<Token, KeyCause> {
    // The worst answer: the standard key itself, which anyone who opens the page can take.
    if (200..300).contains(&ex.status) && crate::secret::has_standard_key(&ex.body) {
        return Err(KeyCause::KeyInBrowser { request: label.to_owned() });
    }
    let reply = classify(ex);
    if let Reply::OpenAi { .. } = reply {
        // The API's error passed through: the backend's key, account or request is the problem.
        return Err(super::reply_cause(Step::MintGa, ex, reply, ""));
    }
    if !(200..300).contains(&ex.status) {
        return Err(KeyCause::TokenRoute {
            request: label.to_owned(),
            status: ex.status,
            what: describe_body(ex.content_type.as_deref(), &ex.body),
        });
    }
    let v: Value = serde_json::from_str(&ex.body).map_err(|_| KeyCause::TokenRoute {
        request: label.to_owned(),
        status: ex.status,
        what: describe_body(ex.content_type.as_deref(), &ex.body),
    })?;
    let ga = v.get("value").and_then(|x| x.as_str());
    let beta = v.pointer("/client_secret/value").and_then(|x| x.as_str());
    let (secret, expires_at) = match (ga, beta) {
        (Some(s), _) if s.starts_with("ek_") => (s, v.get("expires_at").and_then(|x| x.as_i64())),
        (None, Some(_)) => {
            return Err(KeyCause::BadClientSecret {
                why: format!(
                    "{label} returns the secret at client_secret.value, the beta shape; the GA answer has it at value"
                ),
            });
        }
        _ => return Err(KeyCause::BadClientSecret { why: format!("{label} returns no ek_ secret at `value`") }),
    };
    let ttl_s = expires_at.zip(now).map(|(e, now)| e - now);
    if let Some(ttl) = ttl_s.filter(|t| *t <= 0) {
        return Err(KeyCause::BadClientSecret {
            why: format!(
                "{label} returns a secret that expired {} s ago (expires_at {})",
                -ttl,
                expires_at.unwrap_or(0)
            ),
        });
    }
    Ok(Token { secret: Secret::key(secret), ttl_s })
}

/// Ask the route for a secret as the page does: GET, or POST when the route says 405.
pub async fn fetch(ctx: &Ctx, out: &mut Outcome) -> Result<Token, KeyCause> {
    let s = &ctx.settings;
    let url = s.token_url.clone().expect("--token-url is set");
    let api = super::route_client(ctx, &url, "--token-url route")?;
    let wait = ctx.wait(REQUEST_LIMIT);
    let mut last = None;
    for method in [reqwest::Method::GET, reqwest::Method::POST] {
        let label = format!("{method} {}", url.path());
        let sent = api
            .send_once(&label, wait.until, |c| {
                let mut b = c.request(method.clone(), url.clone()).header("accept", "application/json");
                for (name, value) in &s.app_headers {
                    b = b.header(name.as_str(), value.expose());
                }
                b
            })
            .await;
        let ex = match sent {
            Ok(ex) => ex,
            Err(SendError::Timeout) => return Err(KeyCause::Slow { step: label, wait: wait.words() }),
            Err(SendError::Connect(e)) | Err(SendError::Other(e)) => {
                return Err(KeyCause::TokenRoute { request: label, status: 0, what: e });
            }
        };
        out.evidence.detail(
            &label,
            format!("HTTP {} in {:.1} ms (your token route)", ex.status, ex.total.as_secs_f64() * 1000.0),
        );
        out.evidence.timing("token", ex.first_byte);
        if ex.status == 405 && method == reqwest::Method::GET {
            last = Some((label, ex));
            continue;
        }
        // Whatever key or token the route's answer holds is masked in every output.
        crate::secret::find_secrets(&ex.body, &mut ctx.secrets.lock().expect("secrets lock"));
        let token = judge(&label, &ex, Some(unix_now()))?;
        ctx.secrets.lock().expect("secrets lock").add(token.secret.expose());
        out.evidence.detail(
            "client_secret",
            format!(
                "ek_… at `value` (GA shape){}",
                token.ttl_s.map(|t| format!(", expires in {t} s")).unwrap_or_default()
            ),
        );
        return Ok(token);
    }
    let (label, ex) = last.expect("the GET was answered 405");
    judge(&label, &ex, Some(unix_now()))
}

fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(status: u16, body: &str) -> Exchange {
        Exchange::for_test(status, "application/json", body)
    }

    #[test]
    fn what_a_token_route_may_answer() {
        let id = |e: Exchange| {
            judge("GET /api/token", &e, Some(unix_now())).err().map(|c| crate::check::Diagnosis::id(&c).to_owned())
        };
        let later = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() + 600;
        assert_eq!(id(ex(200, &format!(r#"{{"value":"ek_abc123456789","expires_at":{later}}}"#))), None);
        assert_eq!(id(ex(200, r#"{"value":"ek_abc123456789","expires_at":1}"#)).as_deref(), Some("bad_client_secret"));
        assert_eq!(id(ex(200, r#"{"client_secret":{"value":"ek_abc"}}"#)).as_deref(), Some("bad_client_secret"));
        assert_eq!(
            id(ex(200, r#"{"apiKey":"sk-proj-abcdefghijklmnopqrstuvwxyz0123"}"#)).as_deref(),
            Some("standard_key_in_browser")
        );
        let quota = r#"{"error":{"message":"quota","type":"insufficient_quota","code":"insufficient_quota"}}"#;
        assert_eq!(id(ex(429, quota)).as_deref(), Some("insufficient_quota"));
        assert_eq!(id(ex(404, "Not Found")).as_deref(), Some("token_route_broken"));
        assert_eq!(id(ex(200, "<html></html>")).as_deref(), Some("token_route_broken"));
    }
}
