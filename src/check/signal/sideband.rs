//! GPT-Live's sideband connection (the API reference's `attach`): a WebSocket to
//! `/v1/live/sessions/{id}/attach`, authenticated as the create was, that takes the same commands
//! as the data channel. The tool uses it for one thing: to close a session whose data channel
//! cannot be used (the media path is blocked), so that no session it created is left running.

use crate::check::Ctx;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::time::Instant;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

/// Attach, send `session.close`, and wait for `session.closed` until `until`; its reason, or why not.
pub async fn close(ctx: &Ctx, session_id: &str, until: Instant) -> Result<String, String> {
    let work = async {
        let s = &ctx.settings;
        let key = s.api_key.as_ref().ok_or("no key")?;
        let cred = crate::check::key::credential(s, &key.value).map_err(|e| e.to_string())?;
        let mut url = s.endpoint(&format!("/v1/live/sessions/{session_id}/attach"));
        // The HTTP/1.1 upgrade (RFC 6455 §4.1) is made over the connection itself: no h2 in ALPN.
        let tls = crate::net::tls::client_config(s.ca_cert.as_deref(), crate::net::tls::Alpn::None)
            .map_err(|e| format!("{e:#}"))?;
        let proxy = s.proxy.for_url(&s.base_url);
        let stream = crate::net::stream::open(&url, proxy.as_ref(), std::sync::Arc::new(tls)).await?;
        let scheme = if url.scheme() == "https" { "wss" } else { "ws" };
        url.set_scheme(scheme).map_err(|_| "not a WebSocket URL")?;
        let mut req = url.as_str().into_client_request().map_err(|e| e.to_string())?;
        let (name, value) = cred.header();
        req.headers_mut().insert(name.clone(), value.clone());
        let (mut ws, _) =
            tokio_tungstenite::client_async(req, stream).await.map_err(|e| format!("the WebSocket upgrade: {e}"))?;
        let close = json!({"type": "session.close", "event_id": format!("rtd_{:016x}", fastrand::u64(..))});
        ws.send(Message::text(close.to_string())).await.map_err(|e| e.to_string())?;
        while let Some(msg) = ws.next().await {
            let Message::Text(text) = msg.map_err(|e| e.to_string())? else { continue };
            let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            match v.get("type").and_then(Value::as_str) {
                Some("session.closed") => {
                    let _ = ws.close(None).await;
                    return Ok(v.get("reason").and_then(Value::as_str).unwrap_or("(none given)").to_owned());
                }
                Some("error") => {
                    let m = v.pointer("/error/message").and_then(Value::as_str).unwrap_or("an error event");
                    return Err(format!("the sideband answered: {m}"));
                }
                _ => continue,
            }
        }
        Err("the sideband connection closed without session.closed".to_owned())
    };
    match tokio::time::timeout_at(tokio::time::Instant::from_std(until), work).await {
        Ok(r) => r,
        Err(_) => Err("no session.closed over the sideband connection in time".into()),
    }
}
