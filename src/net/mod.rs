//! Network plumbing shared by the checks: proxies, TLS trust, the timed connection probe and the
//! HTTP client for the OpenAI API.

pub mod http;
pub mod probe;
pub mod proxy;
pub mod stream;
pub mod tls;

use url::Url;

/// A URL whose host is this machine: a loopback address or `localhost` (RFC 6761 §6.3).
pub fn is_loopback(u: &Url) -> bool {
    match u.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            d == "localhost" || d.ends_with(".localhost")
        }
        None => false,
    }
}
