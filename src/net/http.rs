//! The HTTP client for the OpenAI API: one reqwest client with the probe's proxy and TLS choices,
//! bounded retries that honour `retry-after`, and a classification of every reply.

use crate::net::proxy::ProxyEnv;
use anyhow::Result;
use reqwest::header::{HeaderMap, HeaderValue};
use std::time::{Duration, Instant};

/// Largest body read from any reply: an error JSON is tiny; a proxy page is not worth more.
const MAX_BODY: usize = 1 << 20;
/// Attempts for one request when the server asks to retry (429 rate limit, 5xx).
pub const MAX_ATTEMPTS: u32 = 3;

/// One request/response, with what a support engineer asks for (status, request id, timings).
#[derive(Debug, Clone)]
pub struct Exchange {
    pub label: String,
    pub status: u16,
    pub request_id: Option<String>,
    pub content_type: Option<String>,
    pub first_byte: Duration,
    pub total: Duration,
    pub body: String,
    pub headers: HeaderMap,
    /// Attempts made (1 when no retry was needed).
    pub attempts: u32,
    /// Time spent waiting between attempts.
    pub waited: Duration,
}

/// Why a request never got an HTTP answer.
#[derive(Debug, Clone, PartialEq)]
pub enum SendError {
    Timeout,
    Connect(String),
    Other(String),
}

/// What an answer is, for diagnosis.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Success,
    /// The OpenAI error JSON: `{"error": {"message", "type", "param", "code"}}`.
    OpenAi {
        status: u16,
        code: Option<String>,
        kind: Option<String>,
        message: String,
        /// The request field the error is about, when the API names one.
        param: Option<String>,
    },
    /// Not the OpenAI error shape: a proxy, captive portal or gateway page.
    Foreign {
        status: u16,
        what: String,
    },
}

/// What a client needs to know of the run: where it goes, through which proxy, and the OpenAI
/// headers it adds to every request.
#[derive(Debug, Clone, Default)]
pub struct HttpConfig {
    /// The origin requests go to (the proxy decision is made for it).
    pub base_url: Option<url::Url>,
    pub proxy: ProxyEnv,
    /// Sent as `OpenAI-Organization`.
    pub organization: Option<String>,
    /// Sent as `OpenAI-Project`.
    pub project: Option<String>,
}

pub struct Api {
    client: reqwest::Client,
    config: HttpConfig,
}

impl Api {
    pub fn new(config: HttpConfig, tls: rustls::ClientConfig) -> Result<Api> {
        let mut b = reqwest::Client::builder()
            .use_preconfigured_tls(tls)
            .user_agent(concat!("realtime-doctor/", env!("CARGO_PKG_VERSION")))
            // The API never redirects: a 3xx is a finding (a portal, a proxy's login, a wrong
            // base URL), reported with where it pointed, never a detour taken silently.
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy();
        // The same proxy decision as the probe's (see net::proxy), not reqwest's own reading.
        if let Some(p) = config.base_url.as_ref().and_then(|u| config.proxy.for_url(u)) {
            b = b.proxy(reqwest::Proxy::all(p.as_str())?);
        }
        Ok(Api { client: b.build()?, config })
    }

    /// Send a request built by `build`, retrying 429 rate limits and 5xx within `deadline`.
    pub async fn send(
        &self,
        label: &str,
        deadline: Instant,
        build: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
    ) -> Result<Exchange, SendError> {
        let mut attempts = 0;
        let mut waited = Duration::ZERO;
        loop {
            attempts += 1;
            let mut ex = self.once(label, deadline, &build).await?;
            ex.attempts = attempts;
            ex.waited = waited;
            let retryable = match classify(&ex) {
                Reply::OpenAi { status: 429, code, .. } => code.as_deref() != Some("insufficient_quota"),
                Reply::OpenAi { status, .. } | Reply::Foreign { status, .. } => matches!(status, 500 | 502 | 503 | 504),
                Reply::Success => false,
            };
            if !retryable || attempts >= MAX_ATTEMPTS {
                return Ok(ex);
            }
            let wait = retry_delay(&ex.headers, attempts);
            // A wait that would outlast the budget is not taken: report what we have instead.
            if Instant::now() + wait + Duration::from_millis(100) >= deadline {
                return Ok(ex);
            }
            tokio::time::sleep(wait).await;
            waited += wait;
        }
    }

    /// One attempt, no retry: for requests that must not be repeated (a single-use secret).
    pub async fn send_once(
        &self,
        label: &str,
        deadline: Instant,
        build: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
    ) -> Result<Exchange, SendError> {
        self.once(label, deadline, &build).await
    }

    async fn once(
        &self,
        label: &str,
        deadline: Instant,
        build: &impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
    ) -> Result<Exchange, SendError> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(SendError::Timeout);
        }
        let mut req = build(&self.client).timeout(left);
        if let Some(o) = &self.config.organization {
            req = req.header("OpenAI-Organization", o);
        }
        if let Some(p) = &self.config.project {
            req = req.header("OpenAI-Project", p);
        }
        let start = Instant::now();
        let mut resp = req.send().await.map_err(send_error)?;
        let first_byte = start.elapsed();
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(send_error)? {
            body.extend_from_slice(&chunk[..chunk.len().min(MAX_BODY - body.len())]);
            if body.len() >= MAX_BODY {
                break;
            }
        }
        Ok(Exchange {
            label: label.to_owned(),
            status,
            request_id: header(&headers, "x-request-id"),
            content_type: header(&headers, "content-type"),
            first_byte,
            total: start.elapsed(),
            body: String::from_utf8_lossy(&body).into_owned(),
            headers,
            attempts: 1,
            waited: Duration::ZERO,
        })
    }

    pub fn bearer(key: &str) -> Result<HeaderValue, String> {
        let mut v = HeaderValue::from_str(&format!("Bearer {key}"))
            .map_err(|_| "the key has characters HTTP headers cannot carry".to_owned())?;
        v.set_sensitive(true);
        Ok(v)
    }
}

pub fn header(h: &HeaderMap, name: &str) -> Option<String> {
    h.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

fn send_error(e: reqwest::Error) -> SendError {
    if e.is_timeout() {
        return SendError::Timeout;
    }
    // reqwest's own message is generic ("error sending request"); the root cause is the useful part.
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(&e);
    while let Some(s) = src {
        msg = s.to_string();
        src = s.source();
    }
    if e.is_connect() { SendError::Connect(msg) } else { SendError::Other(msg) }
}

/// The longest wait a server can ask for between attempts (the check's budget cuts it anyway).
const MAX_RETRY_WAIT_S: f64 = 60.0;

/// Delay before the next attempt: the server's `retry-after-ms` / `retry-after` when given (as the
/// OpenAI SDKs honour them), else exponential backoff from 0.5 s with ±25 % jitter, capped at 8 s.
pub fn retry_delay(h: &HeaderMap, attempt: u32) -> Duration {
    if let Some(ms) =
        header(h, "retry-after-ms").and_then(|v| v.trim().parse::<f64>().ok()).filter(|v| v.is_finite() && *v >= 0.0)
    {
        // Clamp before converting: a server's `1e300` must not overflow the conversion.
        return Duration::from_secs_f64((ms / 1000.0).min(MAX_RETRY_WAIT_S));
    }
    if let Some(s) =
        header(h, "retry-after").and_then(|v| v.trim().parse::<f64>().ok()).filter(|v| v.is_finite() && *v >= 0.0)
    {
        return Duration::from_secs_f64(s.min(MAX_RETRY_WAIT_S));
    }
    let base = 0.5 * 2f64.powi(attempt.saturating_sub(1) as i32);
    let jitter = 0.75 + fastrand::f64() * 0.5;
    Duration::from_secs_f64((base * jitter).min(8.0))
}

impl Exchange {
    /// A reply built by hand, for tests of what judges replies.
    #[cfg(test)]
    pub fn for_test(status: u16, content_type: &str, body: &str) -> Exchange {
        Exchange {
            label: "test".into(),
            status,
            request_id: None,
            content_type: Some(content_type.into()),
            first_byte: Duration::ZERO,
            total: Duration::ZERO,
            body: body.into(),
            headers: HeaderMap::new(),
            attempts: 1,
            waited: Duration::ZERO,
        }
    }
}

/// Is this the OpenAI error JSON, a success, or somebody else's page?
pub fn classify(ex: &Exchange) -> Reply {
    if (200..300).contains(&ex.status) {
        return Reply::Success;
    }
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(&ex.body)
        && let Some(err) = v.get("error").filter(|e| e.is_object())
    {
        let s = |k: &str| err.get(k).and_then(|x| x.as_str()).map(str::to_owned);
        return Reply::OpenAi {
            status: ex.status,
            code: s("code"),
            kind: s("type"),
            message: s("message").unwrap_or_default(),
            param: s("param"),
        };
    }
    Reply::Foreign { status: ex.status, what: describe_body(ex.content_type.as_deref(), &ex.body) }
}

/// A short description of a body that is not what the API sends.
pub fn describe_body(content_type: Option<&str>, body: &str) -> String {
    let ct = content_type.unwrap_or("no content type");
    if body.trim().is_empty() {
        return format!("an empty body ({ct})");
    }
    let lower = body.to_ascii_lowercase();
    if let Some(start) = lower.find("<title>") {
        let rest = &body[start + 7..];
        // Up to the closing tag, or everything (the 80-character cut below is by characters, so
        // a multi-byte character is never split).
        let end = rest.to_ascii_lowercase().find("</title>").unwrap_or(rest.len());
        let title: String = rest[..end].split_whitespace().collect::<Vec<_>>().join(" ").chars().take(80).collect();
        return format!("an HTML page titled \"{title}\" ({ct})");
    }
    if lower.contains("<html") || lower.contains("<!doctype") {
        return format!("an HTML page ({ct})");
    }
    let snippet: String = body.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(80).collect();
    format!("\"{snippet}\" ({ct})")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(status: u16, ct: &str, body: &str) -> Exchange {
        Exchange::for_test(status, ct, body)
    }

    #[test]
    fn classifies_openai_errors_and_foreign_pages() {
        let q = r#"{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"#;
        assert_eq!(
            classify(&ex(429, "application/json", q)),
            Reply::OpenAi {
                status: 429,
                code: Some("insufficient_quota".into()),
                kind: Some("insufficient_quota".into()),
                message: "You exceeded your current quota".into(),
                param: None,
            }
        );
        assert_eq!(classify(&ex(200, "application/json", "{}")), Reply::Success);
        let html = "<html><head><TITLE>Sign in to Guest Wi-Fi</TITLE></head></html>";
        assert_eq!(
            classify(&ex(403, "text/html", html)),
            Reply::Foreign { status: 403, what: "an HTML page titled \"Sign in to Guest Wi-Fi\" (text/html)".into() }
        );
        assert!(matches!(classify(&ex(502, "text/plain", "")), Reply::Foreign { status: 502, .. }));
        // JSON, but not the error shape: still foreign.
        assert!(matches!(classify(&ex(400, "application/json", r#"{"detail":"x"}"#)), Reply::Foreign { .. }));
    }

    #[test]
    fn retry_delay_prefers_server_hints_and_is_bounded() {
        let mut h = HeaderMap::new();
        h.insert("retry-after", HeaderValue::from_static("2"));
        assert_eq!(retry_delay(&h, 1), Duration::from_secs(2));
        h.insert("retry-after-ms", HeaderValue::from_static("150"));
        assert_eq!(retry_delay(&h, 1), Duration::from_millis(150));
        let none = HeaderMap::new();
        for attempt in 1..10 {
            let d = retry_delay(&none, attempt);
            let base = (0.5 * 2f64.powi(attempt as i32 - 1)).min(8.0);
            assert!(d.as_secs_f64() <= (base * 1.25).min(8.0) + 1e-9, "{attempt}: {d:?}");
            assert!(d.as_secs_f64() >= (base * 0.75).min(8.0) - 1e-9 || d.as_secs_f64() >= 6.0, "{attempt}: {d:?}");
        }
    }

    #[test]
    fn prop_retry_delays_are_bounded_whatever_the_server_says() {
        use crate::testing::props;
        props::check(
            "retry-after",
            ("[0-9.eE+-]{0,12}|.{0,12}", "[0-9.eE+-]{0,12}|.{0,12}", 0u32..100),
            |(a, ms, attempt)| {
                let mut h = HeaderMap::new();
                for (name, v) in [("retry-after", a), ("retry-after-ms", ms)] {
                    if let Ok(v) = HeaderValue::from_str(&v) {
                        h.insert(name, v);
                    }
                }
                proptest::prop_assert!(retry_delay(&h, attempt) <= Duration::from_secs(60));
                Ok(())
            },
        );
    }
}
