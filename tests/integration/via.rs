//! `--via`: the offer sent through an app's own backend route, as its frontend does. Each backend
//! here is a small axum server on loopback that forwards to the fake API correctly, or breaks the
//! way backends do.

use super::support::*;
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use realtime_doctor::fake::{FakeConfig, FakeServer};
use std::net::SocketAddr;
use std::sync::Arc;

/// What the backend does with the offer it receives (after unwrapping the shape it expects).
#[derive(Clone, Copy, PartialEq)]
enum Backend {
    /// Raw SDP in, raw SDP out: mint an ek_, POST /v1/realtime/calls, return the answer.
    Raw,
    /// JSON {"sdp"} in (415 otherwise), JSON {"sdp"} out.
    Json,
    /// Forwards to the retired beta endpoint and passes the API's 400 on.
    PassesBetaError,
    /// Answers 200 with the API's error JSON (it never looks at the status).
    ErrorWith200,
    /// Drops the offer's m=application before forwarding (an "SDP munging" backend).
    RewritesOffer,
    /// Crashes: 500 with an HTML error page.
    Html500,
    /// Needs the session cookie the frontend sends.
    NeedsCookie,
    /// GPT-Live: creates the session with the key and passes the create JSON on.
    LiveJson,
    /// Raw, and allows a page on http://localhost:5173 (preflight and answer).
    Cors,
}

const PAGE_ORIGIN: &str = "http://localhost:5173";

const COOKIE: &str = "session=via-cookie-SECRET42";

fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
}

/// What a backend does first: mint a client secret with the key (the API's status and JSON).
async fn mint(fake: &str) -> (StatusCode, serde_json::Value) {
    let r = client()
        .post(format!("{fake}/v1/realtime/client_secrets"))
        .bearer_auth(KEY)
        .json(&serde_json::json!({"session": {"type": "realtime", "model": "gpt-realtime"}}))
        .send()
        .await
        .unwrap();
    (StatusCode::from_u16(r.status().as_u16()).unwrap(), r.json().await.unwrap())
}

async fn forward(fake: &str, offer: String) -> (StatusCode, String, String) {
    let (_, ek) = mint(fake).await;
    let r = client()
        .post(format!("{fake}/v1/realtime/calls"))
        .bearer_auth(ek["value"].as_str().unwrap())
        .header("content-type", "application/sdp")
        .body(offer)
        .send()
        .await
        .unwrap();
    let status = StatusCode::from_u16(r.status().as_u16()).unwrap();
    let ct = r.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    (status, ct, r.text().await.unwrap())
}

async fn handle(kind: Backend, fake: Arc<String>, headers: HeaderMap, body: Bytes) -> Response {
    let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let text = String::from_utf8_lossy(&body).into_owned();
    if kind == Backend::NeedsCookie && headers.get(header::COOKIE).and_then(|v| v.to_str().ok()) != Some(COOKIE) {
        return (StatusCode::UNAUTHORIZED, "not logged in").into_response();
    }
    let offer = match kind {
        Backend::Json if !ct.starts_with("application/json") => {
            return (StatusCode::UNSUPPORTED_MEDIA_TYPE, "expected JSON").into_response();
        }
        Backend::Json => serde_json::from_str::<serde_json::Value>(&text).unwrap()["sdp"].as_str().unwrap().to_owned(),
        _ if !ct.starts_with("application/sdp") => return (StatusCode::BAD_REQUEST, "expected SDP").into_response(),
        _ => text,
    };
    match kind {
        Backend::LiveJson => {
            let r = client()
                .post(format!("{fake}/v1/live/sessions"))
                .bearer_auth(KEY)
                .json(&serde_json::json!({"session": {"model": "gpt-live-1"}, "transport": {"type": "webrtc", "sdp": offer}}))
                .send()
                .await
                .unwrap();
            let status = StatusCode::from_u16(r.status().as_u16()).unwrap();
            (status, [(header::CONTENT_TYPE, "application/json")], r.text().await.unwrap()).into_response()
        }
        Backend::PassesBetaError => {
            let r = client()
                .post(format!("{fake}/v1/realtime/sessions"))
                .bearer_auth(KEY)
                .json(&serde_json::json!({"model": "gpt-realtime"}))
                .send()
                .await
                .unwrap();
            let status = StatusCode::from_u16(r.status().as_u16()).unwrap();
            (status, [(header::CONTENT_TYPE, "application/json")], r.text().await.unwrap()).into_response()
        }
        Backend::ErrorWith200 => {
            let body =
                r#"{"error":{"message":"Invalid SDP offer","type":"invalid_request_error","code":"invalid_offer"}}"#;
            (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], body).into_response()
        }
        Backend::Html500 => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, "text/html")],
            "<html><head><title>Internal Server Error</title></head></html>",
        )
            .into_response(),
        Backend::RewritesOffer => {
            let cut = offer.find("m=application").unwrap_or(offer.len());
            let (s, ct, answer) = forward(&fake, offer[..cut].replace(" 0 1\r\n", " 0\r\n")).await;
            (s, [(header::CONTENT_TYPE, ct)], answer).into_response()
        }
        Backend::Json => {
            let (s, _, answer) = forward(&fake, offer).await;
            (s, axum::Json(serde_json::json!({"sdp": answer}))).into_response()
        }
        _ => {
            let (s, ct, answer) = forward(&fake, offer).await;
            (s, [(header::CONTENT_TYPE, ct)], answer).into_response()
        }
    }
}

/// The fake API and a backend of `kind` in front of it, serving POST /api/session.
fn backend(kind: Backend) -> (SocketAddr, FakeServer) {
    let fake = fake(FakeConfig::new(KEY));
    let url = Arc::new(fake.url());
    let post = axum::routing::post(move |h: HeaderMap, b: Bytes| async move {
        let mut r = handle(kind, url.clone(), h, b).await;
        if kind == Backend::Cors {
            r.headers_mut().insert("access-control-allow-origin", PAGE_ORIGIN.parse().unwrap());
        }
        r
    });
    let route = if kind == Backend::Cors {
        post.options(|| async {
            (
                StatusCode::NO_CONTENT,
                [
                    ("access-control-allow-origin", PAGE_ORIGIN),
                    ("access-control-allow-methods", "POST"),
                    ("access-control-allow-headers", "content-type"),
                ],
            )
        })
    } else {
        post
    };
    let app = axum::Router::new().route("/api/session", route);
    let listener = rt().block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let addr = listener.local_addr().unwrap();
    rt().spawn(async move { axum::serve(listener, app).await });
    (addr, fake)
}

/// A check through `--via`, with no API key at all: the backend holds it.
fn via(check: &str, addr: SocketAddr, path: &str, extra: &[&str]) -> Run {
    let mut c = doctor();
    c.args([check, "--format", "json", "--bind", "127.0.0.1", "--via", &format!("http://{addr}{path}")]).args(extra);
    run(c)
}

#[test]
fn a_backend_that_forwards_correctly_passes_in_either_body_shape() {
    let (addr, fake) = backend(Backend::Raw);
    let r = via("datachannel", addr, "/api/session", &[]);
    let res = r.result("datachannel");
    assert_eq!(res["status"], "pass", "{res:#}");
    assert!(res["evidence"]["details"].to_string().contains("raw SDP (application/sdp)"), "{res:#}");
    assert_eq!(fake.requests(), 2, "one mint and one call, by the backend");
    // A JSON backend: auto moves on from the refused raw body to {"sdp"}.
    let (addr, _fake) = backend(Backend::Json);
    let r = via("sdp", addr, "/api/session", &[]);
    let res = r.result("sdp");
    assert_eq!(res["status"], "pass", "{res:#}");
    let d = res["evidence"]["details"].to_string();
    assert!(d.contains("via_shapes_refused") && d.contains("HTTP 415") && d.contains("JSON {\\\"sdp\\\"}"), "{d}");
}

#[test]
fn a_gpt_live_backend_passing_the_create_json_on_works_and_the_session_is_closed() {
    let (addr, fake) = backend(Backend::LiveJson);
    for check in ["datachannel", "sdp"] {
        let r = via(check, addr, "/api/session", &["--api", "live"]);
        let res = r.result(check);
        assert_eq!(res["status"], "pass", "{res:#}");
        assert!(res["evidence"]["details"].to_string().contains("live_"), "the session id from the JSON: {res:#}");
    }
    let (created, closed) = fake.live_sessions();
    assert_eq!((created, closed), (2, 2), "every session created through the backend was closed");
}

#[test]
fn check_all_through_a_backend_needs_no_key() {
    let (addr, _fake) = backend(Backend::Raw);
    let mut c = doctor();
    c.args(["check-all", "--format", "json", "--only", "key,sdp,datachannel", "--bind", "127.0.0.1"])
        .args(["--via", &format!("http://{addr}/api/session")]);
    let r = run(c);
    assert_eq!(r.result("key")["status"], "skip", "{}", r.stdout);
    assert!(r.result("key")["summary"].as_str().unwrap().contains("--via"), "{}", r.stdout);
    for id in ["sdp", "datachannel"] {
        assert_eq!(r.result(id)["status"], "pass", "{id}: {}", r.stdout);
    }
    assert_eq!(r.code, 0);
}

#[test]
fn each_way_a_backend_breaks_gets_its_cause() {
    for (kind, path, cause) in [
        (Backend::PassesBetaError, "/api/session", "sdp.beta_retired"),
        (Backend::ErrorWith200, "/api/session", "sdp.error_passed_as_answer"),
        (Backend::RewritesOffer, "/api/session", "sdp.no_application_section"),
        (Backend::Html500, "/api/session", "sdp.via_not_an_answer"),
        (Backend::Raw, "/api/sesion", "sdp.via_route_missing"),
    ] {
        let (addr, _fake) = backend(kind);
        let r = via("sdp", addr, path, &["--via-shape", "sdp"]);
        let res = r.result("sdp");
        assert_eq!(res["status"], "fail", "{path}: {res:#}");
        assert_eq!(res["cause"]["id"], cause, "{res:#}");
        assert!(res["fix"]["text"].as_str().is_some_and(|t| t.len() > 40), "{res:#}");
        assert_eq!(r.code, 1);
    }
    let r = via("sdp", closed_port(), "/api/session", &[]);
    assert_eq!(r.result("sdp")["cause"]["id"], "sdp.via_unreachable", "{}", r.stdout);
    // A plain-HTTP route off this machine is refused before any connection (as the base URL is).
    let mut c = doctor();
    c.args(["sdp", "--format", "json", "--via", "http://app.realtime-doctor.test/api/session"]);
    let r = run(c);
    let res = r.result("sdp");
    assert_eq!(res["cause"]["id"], "sdp.cleartext_key_refused", "{res:#}");
    assert!(res["cause"]["message"].as_str().unwrap().starts_with("the --via route is plain http://"), "{res:#}");
}

#[test]
fn a_page_on_another_origin_needs_cors_on_the_route() {
    let (addr, _fake) = backend(Backend::Raw);
    let r = via("sdp", addr, "/api/session", &["--origin", PAGE_ORIGIN]);
    let res = r.result("sdp");
    assert_eq!(res["cause"]["id"], "sdp.via_cors", "{res:#}");
    assert!(res["cause"]["message"].as_str().unwrap().contains("preflight was answered HTTP 405"), "{res:#}");
    assert!(
        res["fix"]["text"].as_str().unwrap().contains("Access-Control-Allow-Origin: http://localhost:5173"),
        "{res:#}"
    );
    let (addr, _fake) = backend(Backend::Cors);
    let r = via("sdp", addr, "/api/session", &["--origin", PAGE_ORIGIN]);
    assert_eq!(r.result("sdp")["status"], "pass", "{}", r.stdout);
    // The route's own origin needs no CORS at all.
    let (addr, _fake) = backend(Backend::Raw);
    let r = via("sdp", addr, "/api/session", &["--origin", &format!("http://{addr}")]);
    assert_eq!(r.result("sdp")["status"], "pass", "{}", r.stdout);
}

#[test]
fn headers_reach_the_route_and_are_never_printed() {
    let (addr, _fake) = backend(Backend::NeedsCookie);
    let r = via("sdp", addr, "/api/session", &["--via-shape", "sdp"]);
    assert_eq!(r.result("sdp")["cause"]["id"], "sdp.via_not_an_answer", "without the cookie: {}", r.stdout);
    let r = via("sdp", addr, "/api/session", &["--via-shape", "sdp", "--app-header", &format!("Cookie: {COOKIE}")]);
    assert_eq!(r.result("sdp")["status"], "pass", "{}", r.stdout);
    let mut c = doctor();
    c.args(["sdp", "-v", "--bind", "127.0.0.1", "--via", &format!("http://{addr}/api/session")]).args([
        "--app-header",
        &format!("Cookie: {COOKIE}"),
        "--via-shape",
        "sdp",
    ]);
    let human = run(c);
    for out in [&r.all_output(), &human.all_output()] {
        assert!(!out.contains("via-cookie-SECRET42"), "the cookie leaked:\n{out}");
    }
}

/// What an app's token route returns.
#[derive(Clone, Copy, PartialEq)]
enum TokenRoute {
    /// The API's GA answer as it is (POST only: GET is 405, as some routes are).
    Ga,
    /// Reshaped to the beta `client_secret.value`.
    BetaShape,
    /// The standard key itself.
    LeaksKey,
}

/// The fake (with `faults`) and a token route of `kind` at /api/token.
fn token_backend(kind: TokenRoute, faults: &[realtime_doctor::fake::Fault]) -> (SocketAddr, FakeServer) {
    let mut cfg = FakeConfig::new(KEY);
    for f in faults {
        cfg = cfg.fault(f.clone());
    }
    let fake = fake(cfg);
    let url = Arc::new(fake.url());
    let handler = move || {
        let url = url.clone();
        async move {
            let (status, v) = mint(&url).await;
            let body = match kind {
                _ if !status.is_success() => v,
                TokenRoute::Ga => v,
                TokenRoute::BetaShape => serde_json::json!({"client_secret": {"value": v["value"]}}),
                TokenRoute::LeaksKey => serde_json::json!({"apiKey": KEY}),
            };
            (status, axum::Json(body)).into_response()
        }
    };
    let app = axum::Router::new().route("/api/token", axum::routing::post(handler));
    let listener = rt().block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let addr = listener.local_addr().unwrap();
    rt().spawn(async move { axum::serve(listener, app).await });
    (addr, fake)
}

#[test]
fn the_token_route_is_judged_and_its_secret_used_as_the_page_uses_it() {
    let (addr, fake) = token_backend(TokenRoute::Ga, &[]);
    let mut c = doctor();
    c.args(["check-all", "--format", "json", "--only", "key,sdp,datachannel", "--bind", "127.0.0.1"]).args([
        "--base-url",
        &fake.url(),
        "--token-url",
        &format!("http://{addr}/api/token"),
    ]);
    let r = run(c);
    let key = r.result("key");
    assert_eq!(key["status"], "pass", "{key:#}");
    let d = key["evidence"]["details"].to_string();
    // GET refused with 405, then POST, as the route wants.
    assert!(d.contains("GET /api/token") && d.contains("HTTP 405") && d.contains("POST /api/token"), "{d}");
    for id in ["sdp", "datachannel"] {
        let res = r.result(id);
        assert_eq!(res["status"], "pass", "{id}: {res:#}");
        assert!(res["evidence"]["details"].to_string().contains("from your token route"), "{res:#}");
    }
    assert_no_secret(&r.all_output());
    for (kind, faults, cause) in [
        (TokenRoute::BetaShape, vec![], "key.bad_client_secret"),
        (TokenRoute::LeaksKey, vec![], "key.standard_key_in_browser"),
        (TokenRoute::Ga, vec![realtime_doctor::fake::Fault::Quota], "key.insufficient_quota"),
    ] {
        let (addr, fake) = token_backend(kind, &faults);
        let mut c = doctor();
        c.args([
            "key",
            "--format",
            "json",
            "--base-url",
            &fake.url(),
            "--token-url",
            &format!("http://{addr}/api/token"),
        ]);
        let r = run(c);
        let res = expect(&r, "fail", Some(cause));
        assert!(!res.to_string().contains("SECRET42"), "{res:#}");
    }
    let mut c = doctor();
    c.args(["key", "--format", "json", "--token-url", &format!("http://{addr}/api/tokn")]);
    expect(&run(c), "fail", Some("key.token_route_broken"));
}
