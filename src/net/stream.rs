//! A byte stream to an API URL opened the way the HTTP client opens one: directly or through the
//! proxy the settings choose (HTTP CONNECT, RFC 9110 §9.3.6), then TLS with the run's trust for
//! `https`. For protocols reqwest does not speak (the WebSocket of GPT-Live's sideband).

use std::sync::Arc;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use url::Url;

/// What the stream is: plain TCP or TLS over it.
pub trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

/// Connect to `url`'s host (through `proxy` when given) and, for `https`/`wss`, do TLS with `tls`.
/// Unbounded: the caller puts it under its own wait.
pub async fn open(url: &Url, proxy: Option<&Url>, tls: Arc<rustls::ClientConfig>) -> Result<Box<dyn Io>, String> {
    let host = url.host_str().ok_or("no host")?.trim_start_matches('[').trim_end_matches(']').to_owned();
    let port = url.port_or_known_default().unwrap_or(443);
    let tcp = match proxy {
        None => {
            TcpStream::connect((host.as_str(), port)).await.map_err(|e| format!("connecting to {host}:{port}: {e}"))?
        }
        Some(p) => {
            let (ph, pp) = (p.host_str().unwrap_or_default(), p.port_or_known_default().unwrap_or(8080));
            let mut tcp = TcpStream::connect((ph, pp)).await.map_err(|e| format!("connecting to the proxy: {e}"))?;
            let head = super::proxy::connect_head(&mut tcp, &format!("{host}:{port}"))
                .await
                .map_err(|e| format!("the proxy's CONNECT: {e}"))?;
            match super::proxy::parse_status(&head) {
                Some(200..=299) => tcp,
                Some(status) => return Err(format!("the proxy refused the tunnel (HTTP {status})")),
                None => return Err("the proxy's answer is not HTTP".into()),
            }
        }
    };
    if !matches!(url.scheme(), "https" | "wss") {
        return Ok(Box::new(tcp));
    }
    let _ = tcp.set_nodelay(true);
    let name = rustls::pki_types::ServerName::try_from(host.clone()).map_err(|e| format!("{host}: {e}"))?;
    let tls = tokio_rustls::TlsConnector::from(tls).connect(name, tcp).await.map_err(|e| format!("TLS: {e}"))?;
    Ok(Box::new(tls))
}
