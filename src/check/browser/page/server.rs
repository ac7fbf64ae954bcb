//! The page's server: one HTML page under a random path, and the three requests the page makes
//! back (progress, the offer, the results). It answers only its own page: the path carries a
//! 128-bit random token, the Host must be the address it listens on (no DNS rebinding), and a
//! POST must come from the page's own origin — another site open in the same browser cannot use
//! this process to make calls with the key it holds.

use super::PageResults;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

const PAGE: &str = include_str!("page.html");

/// What the page did, in order.
pub enum Event {
    /// The page was loaded.
    Opened,
    /// The page reached a step (its own words).
    Progress(String),
    /// The page's offer: the answer SDP, or why there is none, goes back to it.
    Offer {
        sdp: String,
        reply: oneshot::Sender<Result<String, String>>,
    },
    Results(Box<PageResults>),
    /// The page's results could not be read (why).
    Unreadable(String),
}

struct Shared {
    token: String,
    html: String,
    /// The Host values this server answers to, and the origins it accepts POSTs from.
    hosts: Vec<String>,
    events: mpsc::Sender<Event>,
}

pub struct Server {
    /// The page's full URL (with its token).
    pub url: String,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Server {
    /// Listen on `listen` (127.0.0.1 on a free port by default) and serve the page with `config`.
    pub async fn start(
        listen: Option<std::net::SocketAddr>,
        config: serde_json::Value,
    ) -> std::io::Result<(Server, mpsc::Receiver<Event>)> {
        let bind = listen.unwrap_or_else(|| (std::net::Ipv4Addr::LOCALHOST, 0).into());
        let listener = tokio::net::TcpListener::bind(bind).await?;
        let addr = listener.local_addr()?;
        let token = format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..));
        let mut hosts = vec![addr.to_string()];
        if addr.ip().is_loopback() {
            hosts.push(format!("localhost:{}", addr.port()));
        }
        // JSON inside <script>: "</" would end the element (HTML's script data state).
        let json = config.to_string().replace("</", "<\\/");
        let html = PAGE.replace("__CONFIG__", &json);
        let (tx, rx) = mpsc::channel(16);
        let shared = Arc::new(Shared { token: token.clone(), html, hosts, events: tx });
        // What the page POSTs back: each request checked by `guard` first.
        let posts = Router::new()
            .route("/r/{token}/progress", post(progress))
            .route("/r/{token}/offer", post(offer))
            .route("/r/{token}/results", post(results))
            .layer(axum::middleware::from_fn_with_state(shared.clone(), guard));
        let app = Router::new()
            .route("/r/{token}/", get(page))
            .merge(posts)
            .layer(axum::extract::DefaultBodyLimit::max(1 << 20))
            .with_state(shared);
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok((Server { url: format!("http://{addr}/r/{token}/"), task }, rx))
    }

    /// The URL without its token, for reports.
    pub fn shown_url(&self) -> String {
        match self.url.find("/r/") {
            Some(i) => format!("{}/r/…/", &self.url[..i]),
            None => self.url.clone(),
        }
    }
}

/// The request is for this page: its token, its Host, and for a POST its own origin.
fn allowed(s: &Shared, token: &str, headers: &HeaderMap, post: bool) -> Result<(), (StatusCode, &'static str)> {
    // Not a secret comparison that matters for timing: a guess needs the whole 128 bits.
    if token != s.token {
        return Err((StatusCode::NOT_FOUND, "not found"));
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    if !s.hosts.iter().any(|h| h == host) {
        return Err((StatusCode::FORBIDDEN, "wrong Host"));
    }
    if post {
        let origin = headers.get(header::ORIGIN).and_then(|h| h.to_str().ok()).unwrap_or_default();
        if !s.hosts.iter().any(|h| origin == format!("http://{h}")) {
            return Err((StatusCode::FORBIDDEN, "wrong Origin"));
        }
    }
    Ok(())
}

/// A POST reaches its handler only with the page's token, Host and Origin.
async fn guard(State(s): State<Arc<Shared>>, req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let token = req.uri().path().strip_prefix("/r/").and_then(|p| p.split('/').next()).unwrap_or_default();
    match allowed(&s, token, req.headers(), true) {
        Ok(()) => next.run(req).await,
        Err(refused) => refused.into_response(),
    }
}

async fn page(State(s): State<Arc<Shared>>, Path(token): Path<String>, headers: HeaderMap) -> Response {
    if let Err(r) = allowed(&s, &token, &headers, false) {
        return r.into_response();
    }
    let _ = s.events.send(Event::Opened).await;
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            // The page talks to this server only, and runs only its own inline script.
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
            ),
        ],
        s.html.clone(),
    )
        .into_response()
}

async fn progress(State(s): State<Arc<Shared>>, body: String) -> Response {
    let step: String = body.chars().filter(|c| !c.is_control()).take(200).collect();
    let _ = s.events.send(Event::Progress(step)).await;
    StatusCode::NO_CONTENT.into_response()
}

async fn offer(State(s): State<Arc<Shared>>, body: String) -> Response {
    let (reply, answer) = oneshot::channel();
    if s.events.send(Event::Offer { sdp: body, reply }).await.is_err() {
        return (StatusCode::SERVICE_UNAVAILABLE, "the check is over").into_response();
    }
    match answer.await {
        Ok(Ok(sdp)) => ([(header::CONTENT_TYPE, "application/sdp")], sdp).into_response(),
        Ok(Err(why)) => (StatusCode::BAD_GATEWAY, why).into_response(),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "the check is over").into_response(),
    }
}

async fn results(State(s): State<Arc<Shared>>, body: String) -> Response {
    match serde_json::from_str::<PageResults>(&body) {
        Ok(r) => {
            let _ = s.events.send(Event::Results(Box::new(r))).await;
            StatusCode::NO_CONTENT.into_response()
        }
        Err(e) => {
            let _ = s.events.send(Event::Unreadable(e.to_string())).await;
            (StatusCode::BAD_REQUEST, format!("results: {e}")).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// One raw HTTP/1.1 request (the Host and Origin as given), and the status of the reply.
    async fn status(addr: &str, request: String) -> u16 {
        let mut c = tokio::net::TcpStream::connect(addr).await.unwrap();
        c.write_all(request.as_bytes()).await.unwrap();
        let mut buf = vec![0; 256];
        let n = c.read(&mut buf).await.unwrap();
        let head = String::from_utf8_lossy(&buf[..n]).to_string();
        head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0)
    }

    fn post(path: &str, host: &str, origin: Option<&str>) -> String {
        let origin = origin.map(|o| format!("Origin: {o}\r\n")).unwrap_or_default();
        format!("POST {path} HTTP/1.1\r\nHost: {host}\r\n{origin}Content-Length: 3\r\nConnection: close\r\n\r\nv=0")
    }

    #[tokio::test]
    async fn only_its_own_page_may_use_it() {
        let config = serde_json::json!({"note": "</script><script>alert(1)</script>"});
        let (server, mut events) = Server::start(None, config).await.unwrap();
        let url = url::Url::parse(&server.url).unwrap();
        let addr = format!("{}:{}", url.host_str().unwrap(), url.port().unwrap());
        let path = url.path().to_owned();
        let get = |path: &str, host: &str| format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        assert_eq!(status(&addr, get(&path, &addr)).await, 200);
        assert!(matches!(events.recv().await, Some(Event::Opened)));
        // Another token, another Host (DNS rebinding), another origin (a site open in the same
        // browser), or no origin at all: refused, and the check never hears of it.
        assert_eq!(status(&addr, get("/r/0123456789abcdef0123456789abcdef/", &addr)).await, 404);
        assert_eq!(status(&addr, get(&path, "attacker.example:80")).await, 403);
        let offer = format!("{path}offer");
        assert_eq!(status(&addr, post(&offer, &addr, Some("https://attacker.example"))).await, 403);
        assert_eq!(status(&addr, post(&offer, &addr, None)).await, 403);
        assert_eq!(status(&addr, post(&format!("{path}results"), &addr, Some("null"))).await, 403);
        assert!(events.try_recv().is_err(), "a refused request reached the check");
        // The page's own origin is heard.
        let origin = format!("http://{addr}");
        let progress = format!("{path}progress");
        assert_eq!(status(&addr, post(&progress, &addr, Some(&origin))).await, 204);
        assert!(matches!(events.recv().await, Some(Event::Progress(s)) if s == "v=0"));
        // Results that do not parse are said at once, not waited out.
        let results = format!("{path}results");
        assert_eq!(status(&addr, post(&results, &addr, Some(&origin))).await, 400);
        assert!(matches!(events.recv().await, Some(Event::Unreadable(_))));
        // The configuration cannot end the page's script element.
        let page = crate::check::browser::page::server::PAGE.replace("__CONFIG__", "");
        assert!(page.contains("<script"), "the page is served whole");
        let mut c = tokio::net::TcpStream::connect(&addr).await.unwrap();
        c.write_all(get(&path, &addr).as_bytes()).await.unwrap();
        let mut body = String::new();
        c.read_to_string(&mut body).await.unwrap();
        assert!(!body.contains("</script><script>alert"), "{body}");
        assert!(body.contains("content-security-policy"), "{body}");
    }
}
