//! Network-path failures on loopback: refused, silent, unresolvable, TLS interception, proxies.

use super::support::*;
use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose, SanType};
use realtime_doctor::fake::{FakeConfig, Fault};
use std::net::SocketAddr;
use std::sync::Arc;

#[test]
fn connection_refused() {
    let addr = closed_port();
    let r = key_check(&format!("http://{addr}"), Some(KEY), &[]);
    let res = expect(&r, "fail", Some("key.connection_refused"));
    assert!(res["cause"]["message"].as_str().unwrap().contains(&addr.to_string()));
}

#[test]
fn unresolvable_host() {
    // RFC 6761: .invalid never resolves, and the resolver answers that without the network.
    let r = key_check("https://realtime-doctor-test.invalid", Some(KEY), &["--timeout", "3s"]);
    expect(&r, "fail", Some("key.dns_failure"));
}

#[test]
fn silent_server_ends_within_the_deadline() {
    let addr = silent_server();
    let r = key_check(&format!("http://{addr}"), Some(KEY), &["--timeout", "1s"]);
    let res = expect(&r, "fail", Some("key.no_answer"));
    assert!(res["cause"]["message"].as_str().unwrap().contains("first byte"), "{res:#}");
    assert!(r.elapsed.as_secs_f64() < 4.0, "{:?}", r.elapsed);
    // The overall deadline wins over a longer per-check timeout.
    let r = key_check(&format!("http://{addr}"), Some(KEY), &["--timeout", "20s", "--deadline", "1s"]);
    assert_eq!(r.code, 1);
    assert!(r.elapsed.as_secs_f64() < 4.0, "{:?}", r.elapsed);
}

#[test]
fn plain_http_where_tls_is_expected() {
    let s = fake(FakeConfig::new(KEY));
    let r = key_check(&format!("https://{}", s.addr), Some(KEY), &[]);
    expect(&r, "fail", Some("key.not_tls"));
}

/// A TLS front for the fake server, with a certificate from a CA named `ca_name`.
struct TlsFront {
    addr: SocketAddr,
    ca_pem: tempfile::NamedTempFile,
    _server: realtime_doctor::fake::FakeServer,
}

fn tls_front(ca_name: &str) -> TlsFront {
    tls_front_with(ca_name, true)
}

fn tls_front_with(ca_name: &str, ip_san: bool) -> TlsFront {
    let server = fake(FakeConfig::new(KEY));
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.distinguished_name.push(DnType::CommonName, ca_name);
    ca_params.distinguished_name.push(DnType::OrganizationName, ca_name);
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.key_usages =
        vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign, KeyUsagePurpose::DigitalSignature];
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().unwrap()).unwrap();
    let leaf_key = KeyPair::generate().unwrap();
    let mut leaf = CertificateParams::new(vec!["localhost".to_owned()]).unwrap();
    if ip_san {
        leaf.subject_alt_names.push(SanType::IpAddress([127, 0, 0, 1].into()));
    }
    leaf.distinguished_name.push(DnType::CommonName, "localhost");
    let leaf = leaf.signed_by(&leaf_key, &ca).unwrap();
    let ca_pem = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(ca_pem.path(), ca.pem()).unwrap();

    let chain = vec![leaf.der().clone(), ca.der().clone()];
    let (addr, server) = serve_tls(chain, &leaf_key, server);
    TlsFront { addr, ca_pem, _server: server }
}

/// A TLS listener on loopback presenting `chain` (signed with `key`) in front of `server`.
fn serve_tls(
    chain: Vec<rustls::pki_types::CertificateDer<'static>>,
    key: &KeyPair,
    server: realtime_doctor::fake::FakeServer,
) -> (SocketAddr, realtime_doctor::fake::FakeServer) {
    let upstream = server.addr;
    let key = rustls::pki_types::PrivateKeyDer::try_from(key.serialize_der()).unwrap();
    let cfg = rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(cfg));
    let listener = rt().block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let addr = listener.local_addr().unwrap();
    rt().spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else { return };
                let Ok(mut up) = tokio::net::TcpStream::connect(upstream).await else { return };
                let _ = tokio::io::copy_bidirectional(&mut tls, &mut up).await;
            });
        }
    });
    (addr, server)
}

/// A self-signed certificate as `openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost
/// -addext subjectAltName=...` makes it: its own issuer, and `CA:TRUE`. Served in front of a fake;
/// the PEM is what a user passes to --ca-cert.
fn self_signed_front(
    sans: &[SanType],
    expired: bool,
) -> (SocketAddr, tempfile::NamedTempFile, realtime_doctor::fake::FakeServer) {
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.subject_alt_names = sans.to_vec();
    params.distinguished_name.push(DnType::CommonName, "localhost");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    if expired {
        params.not_before = rcgen::date_time_ymd(2020, 1, 1);
        params.not_after = rcgen::date_time_ymd(2021, 1, 1);
    }
    let cert = params.self_signed(&key).unwrap();
    let pem = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(pem.path(), cert.pem()).unwrap();
    let (addr, server) = serve_tls(vec![cert.der().clone()], &key, fake(FakeConfig::new(KEY)));
    (addr, pem, server)
}

fn localhost_sans() -> Vec<SanType> {
    vec![SanType::DnsName("localhost".try_into().unwrap()), SanType::IpAddress([127, 0, 0, 1].into())]
}

#[test]
fn a_self_signed_gateway_named_with_ca_cert_is_trusted() {
    let (addr, pem, _server) = self_signed_front(&localhost_sans(), false);
    let pem = pem.path().to_str().unwrap();
    for url in [format!("https://localhost:{}", addr.port()), format!("https://127.0.0.1:{}", addr.port())] {
        let r = key_check(&url, Some(KEY), &["--ca-cert", pem]);
        expect(&r, "pass", None);
    }
    // Without it, untrusted as before.
    let r = key_check(&format!("https://localhost:{}", addr.port()), Some(KEY), &[]);
    expect(&r, "fail", Some("key.tls_untrusted"));
}

#[test]
fn a_certificate_named_with_ca_cert_that_still_fails_says_why() {
    // Expired: the name and the trust are right, the period is not.
    let (addr, pem, _s) = self_signed_front(&localhost_sans(), true);
    let r = key_check(
        &format!("https://localhost:{}", addr.port()),
        Some(KEY),
        &["--ca-cert", pem.path().to_str().unwrap()],
    );
    expect(&r, "fail", Some("key.tls_expired"));
    // For another name.
    let (addr, pem, _s) = self_signed_front(&[SanType::DnsName("localhost".try_into().unwrap())], false);
    let r = key_check(
        &format!("https://127.0.0.1:{}", addr.port()),
        Some(KEY),
        &["--ca-cert", pem.path().to_str().unwrap()],
    );
    expect(&r, "fail", Some("key.tls_wrong_name"));
    // --ca-cert names another certificate: the verifier's reason, never "not signed by a public CA".
    let (addr, _pem, _s) = self_signed_front(&localhost_sans(), false);
    let (_, other, _s2) = self_signed_front(&localhost_sans(), false);
    let r = key_check(
        &format!("https://localhost:{}", addr.port()),
        Some(KEY),
        &["--ca-cert", other.path().to_str().unwrap()],
    );
    let res = expect(&r, "fail", Some("key.tls_rejected"));
    let msg = res["cause"]["message"].as_str().unwrap();
    assert!(msg.contains("--ca-cert") && !msg.contains("not signed by a public CA"), "{msg}");
}

#[test]
fn tls_interception_is_named_and_ca_cert_fixes_it() {
    let front = tls_front("Zscaler Root CA");
    let url = format!("https://localhost:{}", front.addr.port());
    let r = key_check(&url, Some(KEY), &[]);
    let res = expect(&r, "fail", Some("key.tls_interception"));
    let msg = res["cause"]["message"].as_str().unwrap();
    assert!(msg.contains("Zscaler"), "{msg}");
    assert!(res["fix"]["text"].as_str().unwrap().contains("--ca-cert"));

    let ca = front.ca_pem.path().to_str().unwrap();
    let r = key_check(&url, Some(KEY), &["--ca-cert", ca]);
    let res = expect(&r, "pass", None);
    let phases = res["evidence"]["timings"].to_string();
    assert!(phases.contains("\"tls\""), "TLS phase timed: {phases}");
}

#[test]
fn a_private_ca_is_reported_as_untrusted() {
    let front = tls_front("Example Dev CA");
    let r = key_check(&format!("https://localhost:{}", front.addr.port()), Some(KEY), &[]);
    let res = expect(&r, "fail", Some("key.tls_untrusted"));
    assert!(res["cause"]["message"].as_str().unwrap().contains("Example Dev CA"), "{res:#}");
}

#[test]
fn captive_portal_behind_a_proxy() {
    // The "proxy" answers every request with a login page, as a captive portal does.
    let portal = fake(FakeConfig::new(KEY).fault(Fault::Html));
    let mut c = doctor();
    // Plain HTTP to a host off this machine needs --allow-insecure-http (the key would cross the
    // network in clear); the portal's page is the finding.
    c.args(["key", "--format", "json", "--base-url", "http://api.realtime-doctor.test", "--allow-insecure-http"])
        .env("OPENAI_API_KEY", KEY)
        .env("HTTP_PROXY", portal.url());
    let r = run(c);
    let res = expect(&r, "fail", Some("key.not_openai_response"));
    let msg = res["cause"]["message"].as_str().unwrap();
    assert!(msg.contains("Guest Wi-Fi"), "{msg}");
    assert!(res["evidence"]["details"].to_string().contains("\"proxy\""), "{res:#}");
    // NO_PROXY bypasses it: now the (unresolvable) host itself is tried.
    let mut c = doctor();
    c.args(["key", "--format", "json", "--base-url", "http://api.realtime-doctor.invalid", "--allow-insecure-http"])
        .env("OPENAI_API_KEY", KEY)
        .env("HTTP_PROXY", portal.url())
        .env("NO_PROXY", ".invalid");
    expect(&run(c), "fail", Some("key.dns_failure"));
}

#[test]
fn proxy_that_refuses_the_tunnel_or_is_down() {
    // The fake API is no proxy: it answers CONNECT with an error status.
    let not_a_proxy = fake(FakeConfig::new(KEY));
    let mut c = doctor();
    c.args(["key", "--format", "json"]).env("OPENAI_API_KEY", KEY).env("HTTPS_PROXY", not_a_proxy.url());
    expect(&run(c), "fail", Some("key.proxy_refused"));

    let down = closed_port();
    let mut c = doctor();
    c.args(["key", "--format", "json"])
        .env("OPENAI_API_KEY", KEY)
        .env("https_proxy", format!("http://user:hunter2@{down}"));
    let r = run(c);
    let res = expect(&r, "fail", Some("key.connection_refused"));
    assert!(res["cause"]["message"].as_str().unwrap().contains("proxy"));
    assert!(!r.all_output().contains("hunter2"), "proxy password leaked");
}

#[test]
fn dropped_syns_end_in_a_connect_timeout_within_the_deadline() {
    let (addr, _held) = blackhole();
    let r = key_check(&format!("http://{addr}"), Some(KEY), &["--timeout", "1500ms"]);
    let res = expect(&r, "fail", Some("key.connect_timeout"));
    assert!(res["fix"]["text"].as_str().unwrap().contains("TCP 443"), "{res:#}");
    assert!(r.elapsed.as_secs_f64() < 4.0, "{:?}", r.elapsed);
}

/// A TCP server that answers every connection with `reply` (or closes at once when empty).
fn canned(reply: &'static str) -> SocketAddr {
    let l = rt().block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let addr = l.local_addr().unwrap();
    rt().spawn(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        while let Ok((mut s, _)) = l.accept().await {
            tokio::spawn(async move {
                if reply.is_empty() {
                    return;
                }
                let mut buf = [0u8; 1024];
                let _ = s.read(&mut buf).await;
                let _ = s.write_all(reply.as_bytes()).await;
            });
        }
    });
    addr
}

#[test]
fn proxy_that_wants_credentials() {
    let proxy = canned(
        "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\nContent-Length: 0\r\n\r\n",
    );
    let mut c = doctor();
    c.args(["key", "--format", "json"]).env("OPENAI_API_KEY", KEY).env("HTTPS_PROXY", format!("http://{proxy}"));
    let r = run(c);
    let res = expect(&r, "fail", Some("key.proxy_auth_required"));
    assert!(res["evidence"]["details"].to_string().contains(&proxy.to_string()), "{res:#}");
}

#[test]
fn a_server_that_hangs_up() {
    let addr = canned("");
    let r = key_check(&format!("http://{addr}"), Some(KEY), &[]);
    expect(&r, "fail", Some("key.connection_closed"));
}

#[test]
fn a_certificate_for_another_name() {
    // A trusted CA, but a certificate for "localhost" only, reached as 127.0.0.1.
    let front = tls_front_with("Example Dev CA", false);
    let ca = front.ca_pem.path().to_str().unwrap();
    let r = key_check(&format!("https://127.0.0.1:{}", front.addr.port()), Some(KEY), &["--ca-cert", ca]);
    let res = expect(&r, "fail", Some("key.tls_wrong_name"));
    assert!(res["cause"]["message"].as_str().unwrap().contains("localhost"), "{res:#}");
}
