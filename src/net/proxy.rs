//! Proxy selection from the conventional environment variables, decided once and used by both the
//! connection probe and the HTTP client so that the two always take the same path.

use url::Url;

/// The proxy variables as found in the environment (lower case wins, as in curl).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProxyEnv {
    pub https: Option<String>,
    pub http: Option<String>,
    pub all: Option<String>,
    pub no_proxy: Option<String>,
}

fn var(names: [&str; 2]) -> Option<String> {
    names.into_iter().find_map(|n| std::env::var(n).ok()).filter(|v| !v.trim().is_empty())
}

impl ProxyEnv {
    pub fn from_env() -> ProxyEnv {
        ProxyEnv {
            https: var(["https_proxy", "HTTPS_PROXY"]),
            http: var(["http_proxy", "HTTP_PROXY"]),
            all: var(["all_proxy", "ALL_PROXY"]),
            no_proxy: var(["no_proxy", "NO_PROXY"]),
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

    /// NO_PROXY: `*`, exact hosts, domain suffixes (`.corp` or `corp`), and IP addresses.
    fn bypassed(&self, host: &str) -> bool {
        let Some(list) = &self.no_proxy else { return false };
        let host = host.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
        list.split(',').map(|e| e.trim().to_ascii_lowercase()).filter(|e| !e.is_empty()).any(|entry| {
            if entry == "*" {
                return true;
            }
            let entry = entry.split(':').next().unwrap_or("").trim_start_matches('.').to_owned();
            host == entry || host.ends_with(&format!(".{entry}"))
        })
    }
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
}
