//! ICE server URLs: `stun:`/`stuns:` (RFC 7064) and `turn:`/`turns:` (RFC 7065), as browsers accept
//! them in `iceServers`.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Stun,
    Stuns,
    Turn,
    Turns,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Transport {
    Udp,
    Tcp,
    Tls,
}

impl Transport {
    /// What carries the packets: TLS runs over TCP.
    pub fn protocol(self) -> crate::report::Protocol {
        match self {
            Transport::Udp => crate::report::Protocol::Udp,
            Transport::Tcp | Transport::Tls => crate::report::Protocol::Tcp,
        }
    }
}

impl fmt::Display for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Transport::Udp => "udp",
            Transport::Tcp => "tcp",
            Transport::Tls => "tls",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IceUrl {
    pub scheme: Scheme,
    pub host: String,
    pub port: u16,
    pub transport: Transport,
}

impl IceUrl {
    pub fn parse(s: &str) -> Result<IceUrl, String> {
        let s = s.trim();
        let (scheme, rest) =
            s.split_once(':').ok_or_else(|| format!("{s:?} is not an ICE server URL (stun:host:port)"))?;
        let scheme = match scheme.to_ascii_lowercase().as_str() {
            "stun" => Scheme::Stun,
            "stuns" => Scheme::Stuns,
            "turn" => Scheme::Turn,
            "turns" => Scheme::Turns,
            other => return Err(format!("{s:?}: unknown scheme {other:?} (stun, stuns, turn or turns)")),
        };
        // Tolerate the `stun://host` form people write by analogy with http.
        let rest = rest.trim_start_matches("//");
        let (hostport, query) = rest.split_once('?').map_or((rest, None), |(h, q)| (h, Some(q)));
        let secure = matches!(scheme, Scheme::Stuns | Scheme::Turns);
        let default_port = if secure { 5349 } else { 3478 };
        let (host, port) = split_host_port(hostport).ok_or_else(|| format!("{s:?}: cannot read host and port"))?;
        if host.is_empty() {
            return Err(format!("{s:?}: no host"));
        }
        let port = match port {
            Some(p) => p.parse::<u16>().map_err(|_| format!("{s:?}: bad port {p:?}"))?,
            None => default_port,
        };
        let mut transport = if secure { Transport::Tls } else { Transport::Udp };
        if let Some(q) = query {
            for pair in q.split('&') {
                match pair.split_once('=') {
                    Some(("transport", "udp")) if !secure => transport = Transport::Udp,
                    Some(("transport", "tcp")) => transport = if secure { Transport::Tls } else { Transport::Tcp },
                    Some(("transport", t)) => return Err(format!("{s:?}: transport {t:?} is not possible here")),
                    _ => return Err(format!("{s:?}: unknown parameter {pair:?}")),
                }
            }
        }
        Ok(IceUrl { scheme, host: host.to_owned(), port, transport })
    }

    pub fn is_turn(&self) -> bool {
        matches!(self.scheme, Scheme::Turn | Scheme::Turns)
    }
}

fn split_host_port(s: &str) -> Option<(&str, Option<&str>)> {
    if let Some(rest) = s.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        return match after {
            "" => Some((host, None)),
            p => Some((host, Some(p.strip_prefix(':')?))),
        };
    }
    match s.rsplit_once(':') {
        Some((h, p)) => Some((h, Some(p))),
        None => Some((s, None)),
    }
}

impl fmt::Display for IceUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = match self.scheme {
            Scheme::Stun => "stun",
            Scheme::Stuns => "stuns",
            Scheme::Turn => "turn",
            Scheme::Turns => "turns",
        };
        let host = if self.host.contains(':') { format!("[{}]", self.host) } else { self.host.clone() };
        write!(f, "{scheme}:{host}:{}", self.port)?;
        if self.transport == Transport::Tcp {
            f.write_str("?transport=tcp")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let u = IceUrl::parse("stun:stun.l.google.com:19302").unwrap();
        assert_eq!((u.host.as_str(), u.port, u.transport), ("stun.l.google.com", 19302, Transport::Udp));
        assert_eq!(IceUrl::parse("stun:example.org").unwrap().port, 3478);
        assert_eq!(
            IceUrl::parse("stuns:example.org").unwrap(),
            IceUrl { scheme: Scheme::Stuns, host: "example.org".into(), port: 5349, transport: Transport::Tls }
        );
        let t = IceUrl::parse("turn:relay.example.org:443?transport=tcp").unwrap();
        assert_eq!((t.port, t.transport, t.is_turn()), (443, Transport::Tcp, true));
        assert_eq!(IceUrl::parse("turns:relay.example.org:443?transport=tcp").unwrap().transport, Transport::Tls);
        assert_eq!(IceUrl::parse("stun:[::1]:3478").unwrap().host, "::1");
        assert_eq!(IceUrl::parse("stun://127.0.0.1:3478").unwrap().host, "127.0.0.1");
        assert_eq!(t.to_string(), "turn:relay.example.org:443?transport=tcp");
    }

    #[test]
    fn rejects() {
        for bad in [
            "",
            "http://x",
            "stun:",
            "stun:host:99999",
            "stun:host?transport=sctp",
            "stuns:host?transport=udp",
            "turn:h?foo=1",
        ] {
            assert!(IceUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn prop_ice_urls_parse_or_are_refused_and_round_trip() {
        use crate::testing::props;
        use proptest::prelude::*;
        let urls = prop_oneof![
            "(stun|stuns|turn|turns|STUN|http)(:|://)(\\[[0-9a-f:]{0,12}\\]|[a-z0-9.-]{0,20})(:[0-9]{0,6})?(\\?transport=(udp|tcp|tls|x)|\\?[a-z=&]{0,10})?",
            ".{0,40}",
        ];
        props::check("ice url", urls, |s| {
            if let Ok(u) = IceUrl::parse(&s) {
                prop_assert_eq!(IceUrl::parse(&u.to_string()), Ok(u));
            }
            Ok(())
        });
    }
}
