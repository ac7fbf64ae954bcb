//! Proxy selection from the conventional environment variables, decided once and used by both the
//! connection probe and the HTTP client so that the two always take the same path.

use std::net::IpAddr;
use url::Url;

/// The proxy variables as found in the environment (lower case wins, as in curl).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ProxyEnv {
    pub https: Option<String>,
    pub http: Option<String>,
    pub all: Option<String>,
    pub no_proxy: Option<String>,
}

impl std::fmt::Debug for ProxyEnv {
    /// Without the password of `http://user:password@proxy:3128`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = |v: &Option<String>| v.as_deref().map(hide_password);
        f.debug_struct("ProxyEnv")
            .field("https", &shown(&self.https))
            .field("http", &shown(&self.http))
            .field("all", &shown(&self.all))
            .field("no_proxy", &self.no_proxy)
            .finish()
    }
}

/// A proxy variable as it may be printed: through [`shown`], so never with its password.
fn hide_password(raw: &str) -> String {
    let with_scheme = if raw.contains("://") { raw.to_owned() } else { format!("http://{raw}") };
    Url::parse(&with_scheme).map(|u| shown(&u)).unwrap_or_else(|_| "(not a URL)".into())
}

impl ProxyEnv {
    /// The proxy variables as `var` finds them (the process environment, or a test's table).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> ProxyEnv {
        let pick = |names: [&str; 2]| names.into_iter().find_map(&var).filter(|v| !v.trim().is_empty());
        ProxyEnv {
            https: pick(["https_proxy", "HTTPS_PROXY"]),
            http: pick(["http_proxy", "HTTP_PROXY"]),
            all: pick(["all_proxy", "ALL_PROXY"]),
            no_proxy: pick(["no_proxy", "NO_PROXY"]),
        }
    }

    /// The proxy a request to `target` goes through, if any.
    pub fn for_url(&self, target: &Url) -> Option<Url> {
        let host = target.host_str()?;
        if self.bypassed(host) {
            return None;
        }
        let raw = match target.scheme() {
            "https" => self.https.as_ref().or(self.all.as_ref()),
            _ => self.http.as_ref().or(self.all.as_ref()),
        }?;
        // `proxy:3128` without a scheme means an HTTP proxy, as curl reads it.
        let with_scheme = if raw.contains("://") { raw.clone() } else { format!("http://{raw}") };
        Url::parse(&with_scheme).ok()
    }

    /// NO_PROXY as curl reads it: `*`, host names (`api.openai.com`, and a domain suffix with or
    /// without a leading dot), IP addresses (IPv6 bare or in brackets) and CIDR blocks
    /// (`10.0.0.0/8`, `fd00::/8`); an entry's port, if any, is ignored.
    fn bypassed(&self, host: &str) -> bool {
        let Some(list) = &self.no_proxy else { return false };
        let host = host.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
        let ip = host.parse::<IpAddr>().ok();
        list.split([',', ' ']).map(|e| e.trim().to_ascii_lowercase()).filter(|e| !e.is_empty()).any(|entry| {
            if entry == "*" {
                return true;
            }
            if let Some((net, bits)) = entry.split_once('/') {
                return ip
                    .zip(net.parse::<IpAddr>().ok())
                    .zip(bits.parse::<u8>().ok())
                    .is_some_and(|((ip, net), bits)| in_block(ip, net, bits));
            }
            let name = without_port(&entry);
            match (ip, name.parse::<IpAddr>()) {
                (Some(ip), Ok(e)) => ip == e,
                (_, Ok(_)) | (Some(_), _) => false,
                (None, Err(_)) => {
                    let suffix = name.trim_start_matches('.');
                    !suffix.is_empty() && (host == suffix || host.ends_with(&format!(".{suffix}")))
                }
            }
        })
    }
}

/// An entry without its port: `host:443`, `[::1]:443`, `1.2.3.4:80`; a bare IPv6 address keeps
/// its colons.
fn without_port(entry: &str) -> &str {
    if let Some(rest) = entry.strip_prefix('[') {
        return rest.split(']').next().unwrap_or(rest);
    }
    match entry.rsplit_once(':') {
        Some((h, p)) if !h.contains(':') && p.chars().all(|c| c.is_ascii_digit()) => h,
        _ => entry,
    }
}

/// Whether `ip` lies in `net/bits` (same family only).
fn in_block(ip: IpAddr, net: IpAddr, bits: u8) -> bool {
    let mask = |len: u32| -> u128 { if bits == 0 { 0 } else { u128::MAX << (len - u32::from(bits).min(len)) } };
    match (ip, net) {
        (IpAddr::V4(a), IpAddr::V4(b)) if bits <= 32 => {
            let m = mask(32) as u32;
            u32::from(a) & m == u32::from(b) & m
        }
        (IpAddr::V6(a), IpAddr::V6(b)) if bits <= 128 => {
            let m = mask(128);
            u128::from(a) & m == u128::from(b) & m
        }
        _ => false,
    }
}

/// Ask the proxy on `tcp` for a tunnel to `authority` (HTTP CONNECT, RFC 9110 §9.3.6) and read
/// its answer's head: byte by byte up to the blank line, so that no byte of what follows (the TLS
/// handshake) is swallowed; bounded at 8 KiB.
pub async fn connect_head(tcp: &mut tokio::net::TcpStream, authority: &str) -> std::io::Result<Vec<u8>> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let req = format!("CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n\r\n");
    tcp.write_all(req.as_bytes()).await?;
    let mut head = Vec::with_capacity(256);
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 8192 {
        if tcp.read(&mut byte).await? == 0 {
            break;
        }
        head.push(byte[0]);
    }
    Ok(head)
}

/// The status code of an HTTP/1 response head, if it is one.
pub fn parse_status(head: &[u8]) -> Option<u16> {
    let line = head.split(|&b| b == b'\n').next()?;
    let line = std::str::from_utf8(line).ok()?;
    let mut parts = line.split_whitespace();
    parts.next().filter(|v| v.starts_with("HTTP/"))?;
    parts.next()?.parse().ok()
}

/// A proxy URL as shown in reports: never with its password.
pub fn shown(proxy: &Url) -> String {
    let mut u = proxy.clone();
    if u.password().is_some() {
        let _ = u.set_password(Some("***"));
    }
    u.as_str().trim_end_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn status_lines() {
        assert_eq!(parse_status(b"HTTP/1.1 200 Connection established\r\n\r\n"), Some(200));
        assert_eq!(parse_status(b"HTTP/1.0 407 Proxy Authentication Required\r\n"), Some(407));
        assert_eq!(parse_status(b"<html>"), None);
        assert_eq!(parse_status(b""), None);
    }

    #[test]
    fn prop_status_lines_of_any_bytes() {
        use crate::testing::props;
        use proptest::prelude::*;
        props::check("status line", prop::collection::vec(any::<u8>(), 0..64), |b| {
            let _ = parse_status(&b);
            Ok(())
        });
    }

    use super::*;

    fn env(https: Option<&str>, no_proxy: Option<&str>) -> ProxyEnv {
        ProxyEnv { https: https.map(str::to_owned), no_proxy: no_proxy.map(str::to_owned), ..Default::default() }
    }

    #[test]
    fn https_proxy_applies_unless_bypassed() {
        let api = Url::parse("https://api.openai.com/v1/models").unwrap();
        assert_eq!(env(Some("proxy:3128"), None).for_url(&api).unwrap().as_str(), "http://proxy:3128/");
        for np in ["*", "api.openai.com", ".openai.com", "openai.com", "localhost, openai.com:443"] {
            assert!(env(Some("http://proxy:3128"), Some(np)).for_url(&api).is_none(), "{np}");
        }
        assert!(env(Some("http://proxy:3128"), Some("notopenai.com")).for_url(&api).is_some());
        assert!(env(None, None).for_url(&api).is_none());
    }

    #[test]
    fn no_proxy_ipv6_cidr_and_wildcards() {
        let at =
            |u: &str, np: &str| env(Some("http://proxy:3128"), Some(np)).for_url(&Url::parse(u).unwrap()).is_none();
        // IPv6: bare, bracketed, with a port; and not a prefix match on text.
        assert!(at("https://[::1]:8443/", "::1"));
        assert!(at("https://[::1]:8443/", "[::1]"));
        assert!(at("https://[::1]:8443/", "[::1]:8443"));
        assert!(!at("https://[::1]:8443/", "::2"));
        assert!(at("https://[fd00::5]/", "fd00::/8"));
        assert!(!at("https://[fe80::5]/", "fd00::/8"));
        // CIDR for IPv4; a block never matches a name.
        assert!(at("https://10.1.2.3/", "10.0.0.0/8"));
        assert!(at("https://192.168.7.9/", "localhost, 192.168.0.0/16"));
        assert!(!at("https://11.1.2.3/", "10.0.0.0/8"));
        assert!(!at("https://api.openai.com/", "10.0.0.0/8"));
        assert!(at("https://1.2.3.4/", "0.0.0.0/0"));
        // An IP entry never matches a name, and a name never an IP.
        assert!(!at("https://api.openai.com/", "1.2.3.4"));
        assert!(!at("https://1.2.3.4/", "openai.com"));
        // `*`, suffixes, ports ignored, space separated lists.
        assert!(at("https://api.openai.com/", "*"));
        assert!(at("https://api.openai.com/", "example.com openai.com:443"));
        assert!(!at("https://api.openai.com/", "."));
        assert!(!at("https://api.openai.com/", "penai.com"));
    }

    #[test]
    fn http_targets_use_http_proxy() {
        let local = Url::parse("http://127.0.0.1:8080/").unwrap();
        let e = ProxyEnv { http: Some("http://p:1".into()), ..Default::default() };
        assert!(e.for_url(&local).is_some());
        assert!(env(Some("http://p:1"), None).for_url(&local).is_none());
    }

    #[test]
    fn shown_proxy_hides_password() {
        let u = Url::parse("http://user:hunter2@proxy:3128").unwrap();
        assert_eq!(shown(&u), "http://user:***@proxy:3128");
    }

    #[test]
    fn prop_no_proxy_lists_never_panic() {
        use crate::testing::props;
        use proptest::prelude::*;
        let entry = prop_oneof!["[a-z0-9.*-]{0,12}(:[0-9]{0,5})?", "\\[?[0-9a-f:.]{0,20}\\]?(/[0-9]{0,3})?", ".{0,10}"];
        let hosts = prop_oneof![
            "[a-z0-9.-]{1,20}",
            "[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}",
            "\\[[0-9a-f:]{2,20}\\]"
        ];
        props::check("no_proxy", (prop::collection::vec(entry, 0..5), hosts), |(entries, host)| {
            if let Ok(u) = Url::parse(&format!("https://{host}/")) {
                let _ = env(Some("http://p:1"), Some(&entries.join(","))).for_url(&u);
            }
            Ok(())
        });
    }
}
