//! A HAR file (HTTP Archive 1.2, what a browser's Network tab saves): the requests of a voice
//! app, judged as the key and sdp checks judge their own. What the browser sent to OpenAI
//! (`/v1/realtime/calls`, the retired `/v1/realtime?model=` and `/v1/realtime/sessions`,
//! `/v1/realtime/client_secrets`, `/v1/live/sessions`) and what the app's own token route returned.

use crate::check::key::{KeyCause, Step};
use crate::check::signal::{CallCause, judge_answer};
use crate::check::{Diagnosis, Outcome};
use crate::net::http::{Exchange, Reply, classify};
use crate::report::CheckId;
use crate::report::{Artifact, CheckResult, Side, VoiceApi};
use crate::secret::{Secrets, find_secrets, has_standard_key};
use base64::Engine;
use serde_json::Value;
use std::time::Duration;

/// One request of the archive, as far as the diagnosis needs it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub method: String,
    pub url: String,
    /// 0 (Chrome) or -1 (Playwright) when no response came: blocked, failed or cancelled.
    pub status: i64,
    pub request_headers: Vec<(String, String)>,
    pub response_headers: Vec<(String, String)>,
    pub request_body: String,
    pub body: String,
    pub mime: Option<String>,
    /// Why no response came, as the browser says it (`net::ERR_FAILED`, a CORS error).
    pub failure: Option<String>,
    pub time_ms: f64,
    /// When the request started (unix seconds), from `startedDateTime`.
    pub started_s: Option<i64>,
}

impl Entry {
    fn request_header(&self, name: &str) -> Option<&str> {
        self.request_headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    fn path(&self) -> String {
        url::Url::parse(&self.url).map(|u| u.path().to_owned()).unwrap_or_default()
    }
    fn label(&self) -> String {
        let u = url::Url::parse(&self.url).ok();
        let shown = u.map(|u| format!("{}{}", u.path(), u.query().map(|q| format!("?{q}")).unwrap_or_default()));
        format!("{} {}", self.method, shown.unwrap_or_else(|| self.url.clone()))
    }
    /// The reply as the HTTP client's classifier sees one.
    fn exchange(&self) -> Exchange {
        let mut headers = reqwest::header::HeaderMap::new();
        for (n, v) in &self.response_headers {
            if let (Ok(n), Ok(v)) =
                (reqwest::header::HeaderName::from_bytes(n.as_bytes()), reqwest::header::HeaderValue::from_str(v))
            {
                headers.append(n, v);
            }
        }
        Exchange {
            label: self.label(),
            status: u16::try_from(self.status).unwrap_or(0),
            request_id: crate::net::http::header(&headers, "x-request-id"),
            content_type: self.mime.clone(),
            first_byte: Duration::ZERO,
            total: super::duration_ms(self.time_ms),
            body: self.body.clone(),
            headers,
            attempts: 1,
            waited: Duration::ZERO,
        }
    }
}

/// What a request is on the path to a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// `POST /v1/realtime/calls`: the SDP offer.
    Calls,
    /// The retired beta WebRTC endpoint, `POST /v1/realtime?model=`.
    BetaCalls,
    /// `POST /v1/live/sessions`.
    LiveCreate,
    /// Minting called from the browser: `/v1/realtime/client_secrets` (GA) or `/sessions` (beta).
    Mint {
        beta: bool,
    },
    /// The app's own route that hands the page a client secret (or an error).
    TokenRoute,
    Other,
}

fn role(e: &Entry) -> Role {
    let path = e.path();
    let post = e.method.eq_ignore_ascii_case("POST");
    if path.ends_with("/v1/realtime/calls") && post {
        return Role::Calls;
    }
    if path.ends_with("/v1/realtime") && post {
        return Role::BetaCalls;
    }
    if path.ends_with("/v1/live/sessions") && post {
        return Role::LiveCreate;
    }
    if path.ends_with("/v1/realtime/client_secrets") {
        return Role::Mint { beta: false };
    }
    if path.ends_with("/v1/realtime/sessions") {
        return Role::Mint { beta: true };
    }
    // The app's token route: JSON with a client secret in either shape, or an OpenAI error.
    let json: Option<Value> = serde_json::from_str(&e.body).ok();
    let has_secret =
        json.as_ref().is_some_and(|v| v.get("value").is_some() || v.pointer("/client_secret/value").is_some());
    let is_error = json.as_ref().is_some_and(|v| v.get("error").is_some_and(|x| x.is_object()));
    if has_secret || is_error { Role::TokenRoute } else { Role::Other }
}

/// The entries of a HAR, or why it is not one.
pub fn entries(v: &Value) -> Result<Vec<Entry>, String> {
    let list = v.pointer("/log/entries").and_then(|e| e.as_array()).ok_or("no log.entries: not a HAR file")?;
    let s = |v: &Value, p: &str| v.pointer(p).and_then(|x| x.as_str()).map(str::to_owned);
    let headers = |v: &Value, p: &str| -> Vec<(String, String)> {
        v.pointer(p)
            .and_then(|h| h.as_array())
            .map(|a| a.iter().filter_map(|h| Some((s(h, "/name")?, s(h, "/value")?))).collect())
            .unwrap_or_default()
    };
    Ok(list
        .iter()
        .map(|e| {
            let text = s(e, "/response/content/text").unwrap_or_default();
            // HAR 1.2: `encoding: "base64"` for bodies the browser kept as bytes.
            let body = if s(e, "/response/content/encoding").as_deref() == Some("base64") {
                base64::engine::general_purpose::STANDARD
                    .decode(text.trim())
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .unwrap_or_default()
            } else {
                text
            };
            Entry {
                method: s(e, "/request/method").unwrap_or_default(),
                url: s(e, "/request/url").unwrap_or_default(),
                status: e.pointer("/response/status").and_then(|x| x.as_i64()).unwrap_or(0),
                request_headers: headers(e, "/request/headers"),
                response_headers: headers(e, "/response/headers"),
                request_body: s(e, "/request/postData/text").unwrap_or_default(),
                body,
                mime: s(e, "/response/content/mimeType").filter(|m| !m.is_empty()),
                failure: s(e, "/response/_failureText")
                    .or_else(|| s(e, "/response/_error"))
                    .or_else(|| s(e, "/_error")),
                time_ms: e.pointer("/time").and_then(|x| x.as_f64()).unwrap_or(0.0),
                started_s: s(e, "/startedDateTime")
                    .and_then(|t| humantime::parse_rfc3339_weak(t.trim_end_matches('Z')).ok())
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map(|d| d.as_secs() as i64),
            }
        })
        .collect())
}

/// Everything secret in the archive: authorization headers, cookies, and keys or tokens in any
/// header or body.
fn collect_secrets(list: &[Entry], secrets: &mut Secrets) {
    for e in list {
        for (n, v) in e.request_headers.iter().chain(e.response_headers.iter()) {
            let n = n.to_ascii_lowercase();
            if n == "authorization" || n == "api-key" || n == "cookie" || n == "set-cookie" || n == "openai-api-key" {
                let value = v.strip_prefix("Bearer ").unwrap_or(v);
                // "Bearer undefined" is a finding, not a secret.
                if value != "undefined" && value != "null" {
                    secrets.add(value);
                }
            }
            find_secrets(v, secrets);
        }
        find_secrets(&e.body, secrets);
        find_secrets(&e.request_body, secrets);
        find_secrets(&e.url, secrets);
    }
}

/// The key and sdp results of a HAR, and the API it shows.
pub fn analyze(v: &Value, secrets: &mut Secrets) -> Result<(VoiceApi, Vec<CheckResult>), String> {
    let list = entries(v)?;
    collect_secrets(&list, secrets);
    let api = if list.iter().any(|e| role(e) == Role::LiveCreate) {
        VoiceApi::Live
    } else if list.iter().any(|e| matches!(role(e), Role::BetaCalls | Role::Mint { beta: true })) {
        VoiceApi::RealtimeBeta
    } else {
        VoiceApi::Realtime
    };
    Ok((api, vec![key_result(&list), sdp_result(&list)]))
}

fn record(out: &mut Outcome, e: &Entry) {
    let status = if e.status > 0 { format!("HTTP {}", e.status) } else { "no response".to_owned() };
    let failure = e.failure.as_ref().map(|f| format!(" ({f})")).unwrap_or_default();
    out.evidence.detail(e.label(), format!("{status}{failure} in {:.1} ms, from {}", e.time_ms, e.url));
    out.evidence.timing(format!("{} {}", e.method, e.path()), super::duration_ms(e.time_ms));
}

/// The key stage: a standard key in the browser, the token route's answer, browser-side minting.
fn key_result(list: &[Entry]) -> CheckResult {
    let mut out = Outcome::new(CheckId::Key);
    // The worst thing a HAR can show: the standard key sent by the page itself.
    if let Some(e) = list.iter().find(|e| {
        role(e) != Role::Other
            && e.request_header("authorization").is_some_and(|a| a.trim_start_matches("Bearer ").starts_with("sk-"))
    }) {
        record(&mut out, e);
        return out.diagnose(&KeyCause::KeyInBrowser { request: e.label() }, None);
    }
    // A token route that hands out the standard key itself (an error message quoting a key, as
    // some gateways echo it, is not that).
    if let Some(e) =
        list.iter().find(|e| role(e) == Role::TokenRoute && (200..300).contains(&e.status) && has_standard_key(&e.body))
    {
        record(&mut out, e);
        return out.diagnose(&KeyCause::KeyInBrowser { request: e.label() }, None);
    }
    let Some(e) = list.iter().rev().find(|e| matches!(role(e), Role::TokenRoute | Role::Mint { .. })) else {
        return out.skip("no token request in this HAR (no client secret fetched by the page)");
    };
    record(&mut out, e);
    if role(e) == Role::TokenRoute {
        out.evidence.detail(
            "token_route",
            format!("{} is the app's own route: the client secret (or the error) comes from the app's server, which holds the standard key", e.label()),
        );
    }
    if role(e) == (Role::Mint { beta: true }) {
        let ex = e.exchange();
        let reply = classify(&ex);
        if reply != Reply::Success {
            return out.diagnose(&crate::check::key::reply_cause(Step::MintBeta, &ex, reply, ""), None);
        }
        return out.diagnose(&KeyCause::BetaRetired, None);
    }
    // Judged as --token-url judges a live answer, at the time the browser got it.
    match crate::check::key::token_route::judge(&e.label(), &e.exchange(), e.started_s) {
        Ok(t) => {
            let ttl = t.ttl_s.map(|t| format!(", valid {t} s when it came")).unwrap_or_default();
            out.evidence.detail("client_secret", format!("ek_… at `value` (GA shape){ttl}"));
            out.pass(format!("{} returns a GA client secret (ek_… at `value`)", e.label()))
        }
        Err(cause) => out.diagnose(&cause, None),
    }
}

/// The SDP stage: the offer the page POSTed and what came back.
fn sdp_result(list: &[Entry]) -> CheckResult {
    let mut out = Outcome::new(CheckId::Sdp);
    let Some(e) = list.iter().rev().find(|e| matches!(role(e), Role::Calls | Role::BetaCalls | Role::LiveCreate))
    else {
        return out.skip("no SDP offer was sent in this HAR (no POST to /v1/realtime/calls or /v1/live/sessions)");
    };
    record(&mut out, e);
    if !e.request_body.is_empty() {
        out.evidence
            .artifacts
            .push(Artifact { name: "offer.sdp".into(), content: crate::peer::sdp::redacted(&e.request_body) });
    }
    let auth = e.request_header("authorization").unwrap_or_default().trim_start_matches("Bearer ").trim();
    if role(e) == Role::BetaCalls {
        return out.diagnose(&CallCause::Key(KeyCause::BetaRetired), None);
    }
    if matches!(auth, "undefined" | "null" | "") {
        let why = format!(
            "the page sent `Authorization: Bearer {auth}` on {}: it read the secret from a field the token answer does not have (the GA answer has it at `value`, the beta one at `client_secret.value`)",
            e.label()
        );
        return out.diagnose(&CallCause::Key(KeyCause::BadClientSecret { why }), None);
    }
    if e.status <= 0 {
        return out.diagnose(
            &CallCause::BlockedByBrowser {
                request: e.label(),
                why: e.failure.clone().unwrap_or_else(|| "no response recorded".into()),
            },
            None,
        );
    }
    let ex = e.exchange();
    let step = if role(e) == Role::LiveCreate { Step::LiveCreate } else { Step::Calls };
    let reply = classify(&ex);
    if reply != Reply::Success {
        return out.diagnose(&CallCause::Key(crate::check::key::reply_cause(step, &ex, reply, "")), None);
    }
    let answer = if step == Step::LiveCreate {
        match crate::check::signal::live::judge_reply(ex.status, ex.content_type.as_deref(), &ex.body) {
            Ok((id, sdp)) => {
                out.evidence.detail("session_id", id);
                sdp
            }
            Err(cause) => return out.diagnose(&cause, None),
        }
    } else {
        ex.body.clone()
    };
    out.evidence.artifacts.push(Artifact { name: "answer.sdp".into(), content: crate::peer::sdp::redacted(&answer) });
    for c in crate::peer::sdp::candidates(&answer) {
        out.evidence.candidates.push(c.to_report(Side::Remote, Some("answer".into())));
    }
    let mut findings = super::sdp::judge_offer(&e.request_body);
    match judge_answer(&answer) {
        Err(c) => findings.push(c),
        Ok(()) => findings.extend(super::sdp::answer_warnings(&answer, None)),
    }
    match findings.iter().find(|c| c.status() == crate::report::Status::Fail).or(findings.first()) {
        Some(c) if c.status() == crate::report::Status::Fail => out.diagnose(c, None),
        w => out.pass_or_warn(format!("{} answered HTTP {} with an SDP answer", e.label(), e.status), w),
    }
}
