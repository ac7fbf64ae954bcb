//! The support bundle (`--report FILE`): the report plus the environment a support engineer asks
//! about, in one self-contained, shareable JSON file, redacted by construction (the report never
//! holds a secret; see `report::redact`) and optionally with public IP addresses masked.

use crate::report::Report;
use crate::secret::Secrets;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::net::IpAddr;

pub const BUNDLE_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    pub bundle_version: u32,
    pub report: Report,
    pub environment: Environment,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Environment {
    pub os: String,
    pub arch: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os_release: Option<String>,
    pub tool_version: String,
    pub interfaces: Vec<Interface>,
    /// Which proxy variables are set (their values are not recorded: they may hold credentials).
    pub proxy_variables: Vec<String>,
    pub dns_resolvers: Vec<String>,
    /// Whether public IP addresses were masked (`--redact-ips`).
    pub ips_redacted: bool,
}

/// A network interface: name, kind and addresses; never its MAC.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interface {
    pub name: String,
    /// loopback, ethernet, wireless, virtual, tunnel, or unknown.
    pub kind: String,
    pub addresses: Vec<String>,
}

fn kind_of(name: &str, loopback: bool) -> String {
    if loopback {
        return "loopback".into();
    }
    let sys = std::path::Path::new("/sys/class/net").join(name);
    if sys.join("wireless").exists() {
        return "wireless".into();
    }
    if let Ok(t) = std::fs::read_to_string(sys.join("type")) {
        // ARPHRD_* (linux/if_arp.h): 65534 NONE is tun; 768-779 are IP tunnels.
        match t.trim().parse::<u32>().unwrap_or(0) {
            65534 | 768..=779 => return "tunnel".into(),
            1 if std::path::Path::new("/sys/devices/virtual/net").join(name).exists() => return "virtual".into(),
            1 => return "ethernet".into(),
            _ => {}
        }
    }
    "unknown".into()
}

pub fn environment() -> Environment {
    let mut by_name: Vec<Interface> = Vec::new();
    for i in if_addrs::get_if_addrs().unwrap_or_default() {
        let addr = i.ip().to_string();
        match by_name.iter_mut().find(|x| x.name == i.name) {
            Some(x) => x.addresses.push(addr),
            None => by_name.push(Interface {
                kind: kind_of(&i.name, i.is_loopback()),
                name: i.name.clone(),
                addresses: vec![addr],
            }),
        }
    }
    let proxy_variables =
        ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy"]
            .into_iter()
            .filter(|v| std::env::var_os(v).is_some())
            .map(str::to_owned)
            .collect();
    let dns_resolvers = std::fs::read_to_string("/etc/resolv.conf")
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.trim().strip_prefix("nameserver"))
        .map(|s| s.trim().to_owned())
        .collect();
    Environment {
        os: std::env::consts::OS.into(),
        arch: std::env::consts::ARCH.into(),
        os_release: std::fs::read_to_string("/proc/sys/kernel/osrelease").ok().map(|s| s.trim().to_owned()),
        tool_version: env!("CARGO_PKG_VERSION").into(),
        interfaces: by_name,
        proxy_variables,
        dns_resolvers,
        ips_redacted: false,
    }
}

/// Public unicast addresses: what identifies a user's network from outside. Private, loopback,
/// link-local, CGNAT and unique-local ranges stay, as they help diagnose and identify no one.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v) => {
            let o = v.octets();
            !(v.is_private()
                || v.is_loopback()
                || v.is_link_local()
                || v.is_unspecified()
                || v.is_broadcast()
                || v.is_multicast()
                || (o[0] == 100 && (64..128).contains(&o[1])))
        }
        IpAddr::V6(v) => {
            let s = v.segments()[0];
            !(v.is_loopback()
                || v.is_unspecified()
                || v.is_multicast()
                || (s & 0xfe00) == 0xfc00
                || (s & 0xffc0) == 0xfe80)
        }
    }
}

/// Replace public IP addresses in `text`, consistently: the same address gets the same
/// placeholder everywhere in the bundle (`map` is shared across all strings).
pub fn mask_ips(text: &str, map: &mut HashMap<IpAddr, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut token = String::new();
    let flush = |token: &mut String, out: &mut String, map: &mut HashMap<IpAddr, String>| {
        if !token.is_empty() {
            out.push_str(&mask_token(token, map));
            token.clear();
        }
    };
    for c in text.chars() {
        if c.is_ascii_hexdigit() || c == '.' || c == ':' {
            token.push(c);
        } else {
            flush(&mut token, &mut out, map);
            out.push(c);
        }
    }
    flush(&mut token, &mut out, map);
    out
}

fn mask_token(token: &str, map: &mut HashMap<IpAddr, String>) -> String {
    let place = |ip: IpAddr, map: &mut HashMap<IpAddr, String>| {
        let n = map.len() + 1;
        map.entry(ip)
            .or_insert_with(|| if ip.is_ipv4() { format!("<public-ip-{n}>") } else { format!("<public-ip6-{n}>") })
            .clone()
    };
    // "a.b.c.d:port" (IPv4 with a port) and bare addresses; IPv6 in brackets reaches here bare.
    if let Ok(ip) = token.parse::<IpAddr>() {
        return if is_public(ip) { place(ip, map) } else { token.to_owned() };
    }
    if let Some((host, port)) = token.rsplit_once(':')
        && host.contains('.')
        && let Ok(ip) = host.parse::<IpAddr>()
    {
        return if is_public(ip) { format!("{}:{port}", place(ip, map)) } else { token.to_owned() };
    }
    token.to_owned()
}

fn mask_value(v: &mut serde_json::Value, map: &mut HashMap<IpAddr, String>) {
    match v {
        serde_json::Value::String(s) => *s = mask_ips(s, map),
        serde_json::Value::Array(a) => a.iter_mut().for_each(|x| mask_value(x, map)),
        serde_json::Value::Object(o) => o.values_mut().for_each(|x| mask_value(x, map)),
        _ => {}
    }
}

/// The bundle as JSON text, redacted once more against every known secret, IPs masked if asked.
pub fn render(report: &Report, secrets: &Secrets, redact_ips: bool) -> String {
    let mut env = environment();
    env.ips_redacted = redact_ips;
    let bundle = Bundle { bundle_version: BUNDLE_VERSION, report: report.clone(), environment: env };
    let mut v = serde_json::to_value(&bundle).expect("a bundle serialises");
    if redact_ips {
        mask_value(&mut v, &mut HashMap::new());
    }
    let text = serde_json::to_string_pretty(&v).expect("JSON") + "\n";
    secrets.redact(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_addresses_are_masked_consistently() {
        let mut map = HashMap::new();
        let a = mask_ips("relay 203.0.113.9:3478 via 198.51.100.7, again 203.0.113.9", &mut map);
        assert_eq!(a, "relay <public-ip-1>:3478 via <public-ip-2>, again <public-ip-1>");
        let b = mask_ips("a=candidate:1 1 udp 2130706431 203.0.113.9 50000 typ host", &mut map);
        assert!(b.contains("<public-ip-1> 50000"), "{b}");
        let private = "10.1.2.3 192.168.1.1 127.0.0.1 172.16.0.1 100.64.0.1 fe80::1 fd00::1 ::1 v=0";
        assert_eq!(mask_ips(private, &mut map), private);
        assert_eq!(mask_ips("[2001:db8::5]:443", &mut map), "[<public-ip6-3>]:443");
        // Hex words and versions are not addresses.
        assert_eq!(mask_ips("sha-256 AB:CD:EF rtc_deadbeef 0.1.0", &mut map), "sha-256 AB:CD:EF rtc_deadbeef 0.1.0");
    }

    #[test]
    fn environment_has_no_mac_addresses() {
        let e = environment();
        let text = serde_json::to_string(&e).unwrap();
        // A MAC is six hex pairs joined by colons.
        let mac = text
            .split(|c: char| !(c.is_ascii_hexdigit() || c == ':'))
            .any(|t| t.len() == 17 && t.matches(':').count() == 5);
        assert!(!mac, "{text}");
        assert!(!e.os.is_empty());
    }

    #[test]
    fn prop_ip_masking_is_stable_and_never_panics() {
        use crate::testing::props;
        props::check("mask ips", "([0-9a-f.:\\[\\] ]|[a-z]|,){0,60}", |text| {
            let mut map = HashMap::new();
            let once = mask_ips(&text, &mut map);
            proptest::prop_assert_eq!(mask_ips(&once, &mut map), once.clone());
            Ok(())
        });
    }
}
