//! The key's safety: never sent in clear over a network, redirects reported (not followed), files
//! only the user can read.

use super::support::*;
use realtime_doctor::fake::{FakeConfig, Fault};
use std::net::SocketAddr;
use std::time::Duration;

#[test]
fn a_plain_http_base_url_off_this_machine_is_refused_before_any_request() {
    // The proxy on loopback would carry the request to a host that is not this machine: the key
    // would cross the network in clear. Nothing may reach the proxy.
    let (proxy, seen) = forwarding_proxy();
    let mut c = doctor();
    c.args(["check-all", "--format", "json", "--only", "key,sdp,datachannel"])
        .args(["--base-url", "http://gateway.realtime-doctor.test"])
        .env("OPENAI_API_KEY", KEY)
        .env("HTTP_PROXY", format!("http://{proxy}"));
    let r = run(c);
    let res = r.result("key");
    assert_eq!(res["status"], "fail", "{res:#}");
    assert_eq!(res["cause"]["id"], "key.cleartext_key_refused", "{res:#}");
    assert!(res["cause"]["message"].as_str().unwrap().contains("gateway.realtime-doctor.test"), "{res:#}");
    assert!(res["fix"]["text"].as_str().unwrap().contains("https://"), "{res:#}");
    for id in ["sdp", "datachannel"] {
        let s = r.result(id);
        assert_eq!(s["status"], "skip", "{s:#}");
        assert!(s["summary"].as_str().unwrap().contains("unencrypted"), "{s:#}");
    }
    assert_eq!(r.json()["verdict"]["rule"], "cleartext_key", "{}", r.stdout);
    std::thread::sleep(Duration::from_millis(100));
    assert!(seen.lock().unwrap().is_empty(), "a request was sent: {:?}", seen.lock().unwrap());
    assert_no_secret(&r.all_output());
    assert!(r.elapsed < Duration::from_secs(5), "refused at once: {:?}", r.elapsed);

    // The calls refuse on their own too (run without the key check).
    let mut c = doctor();
    c.args(["sdp", "--format", "json", "--base-url", "http://gateway.realtime-doctor.test"])
        .env("OPENAI_API_KEY", KEY)
        .env("HTTP_PROXY", format!("http://{proxy}"));
    let r = run(c);
    assert_eq!(r.result("sdp")["cause"]["id"], "sdp.cleartext_key_refused", "{}", r.stdout);
    assert!(seen.lock().unwrap().is_empty(), "a request was sent: {:?}", seen.lock().unwrap());
}

#[test]
fn allow_insecure_http_sends_it_and_warns() {
    // The fake answers a proxied request itself (absolute-form request line).
    let s = fake(FakeConfig::new(KEY));
    let mut c = doctor();
    c.args(["key", "--format", "json", "--base-url", "http://gateway.realtime-doctor.test", "--allow-insecure-http"])
        .env("OPENAI_API_KEY", KEY)
        .env("HTTP_PROXY", s.url());
    let r = run(c);
    let res = expect(&r, "warn", Some("key.cleartext_key_sent"));
    assert!(res["cause"]["message"].as_str().unwrap().contains("--allow-insecure-http"), "{res:#}");
    assert!(s.requests() > 0);
    // Loopback plain HTTP (the built-in fake, a local gateway) needs no flag and gets no warning.
    expect(&key_check(&s.url(), Some(KEY), &[]), "pass", None);
}

/// A server that answers every request with `status` and `Location: location`, and counts them.
fn redirector(status: u16, location: &str) -> (SocketAddr, std::sync::Arc<std::sync::atomic::AtomicU32>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let l = rt().block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let addr = l.local_addr().unwrap();
    let hits = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
    let counter = hits.clone();
    let reply = format!("HTTP/1.1 {status} Redirect\r\nlocation: {location}\r\ncontent-length: 0\r\n\r\n");
    rt().spawn(async move {
        while let Ok((mut s, _)) = l.accept().await {
            let reply = reply.clone();
            let counter = counter.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let mut head = Vec::new();
                loop {
                    let n = s.read(&mut buf).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    head.extend_from_slice(&buf[..n]);
                    while let Some(end) = head.windows(4).position(|w| w == b"\r\n\r\n") {
                        head.drain(..end + 4);
                        counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        if s.write_all(reply.as_bytes()).await.is_err() {
                            return;
                        }
                    }
                }
            });
        }
    });
    (addr, hits)
}

#[test]
fn a_redirect_is_reported_with_where_it_pointed_and_not_followed() {
    // Where it points answers like the API would: following it would have passed.
    let elsewhere = fake(FakeConfig::new(KEY));
    let target = format!("{}/v1/models", elsewhere.url());
    let (addr, hits) = redirector(307, &target);
    let r = key_check(&format!("http://{addr}"), Some(KEY), &[]);
    let res = expect(&r, "fail", Some("key.redirected"));
    let msg = res["cause"]["message"].as_str().unwrap();
    assert!(msg.contains("HTTP 307") && msg.contains(&target), "{msg}");
    assert_eq!(elsewhere.requests(), 0, "the redirect was followed");
    assert!(hits.load(std::sync::atomic::Ordering::SeqCst) >= 1);
    assert_eq!(r.json()["verdict"]["rule"], "api_unreachable", "{}", r.stdout);
    // A user:password in the Location is not repeated.
    let (addr, _) = redirector(302, "https://user:hunter2@portal.example/login?next=/v1/models");
    let r = key_check(&format!("http://{addr}"), Some(KEY), &[]);
    let res = expect(&r, "fail", Some("key.redirected"));
    let msg = res["cause"]["message"].as_str().unwrap();
    assert!(msg.contains("https://portal.example/login") && !msg.contains("hunter2"), "{msg}");
}

#[test]
fn a_2xx_without_the_endpoints_shape_is_not_the_api() {
    // `{"data":[]}` for every path: no `object: "list"`, and no model object for the lookup.
    let s = fake(FakeConfig::new(KEY).fault(Fault::EmptyDataEverywhere));
    let res = expect(&key_check(&s.url(), Some(KEY), &[]), "fail", Some("key.not_openai_response"));
    assert!(res["cause"]["message"].as_str().unwrap().starts_with("GET /v1/models was answered"), "{res:#}");
}

#[cfg(unix)]
#[test]
fn output_and_bundle_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let bundle = dir.path().join("bundle.json");
    // An older report others could read is replaced, and private afterwards.
    std::fs::write(&report, "old").unwrap();
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut c = doctor();
    c.args(["selftest", "--api", "realtime", "--format", "json", "--skip", "mic"])
        .arg("-o")
        .arg(&report)
        .arg("--bundle")
        .arg(&bundle);
    let r = run(c);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    for p in [&report, &bundle] {
        let mode = std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}: {mode:o}", p.display());
    }
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(v["status"], "pass");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
}

#[cfg(unix)]
#[test]
fn a_key_file_others_can_read_warns_as_ssh_does() {
    use std::os::unix::fs::PermissionsExt;
    let s = fake(FakeConfig::new(KEY));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("openai.key");
    std::fs::write(&file, format!("{KEY}\n")).unwrap();
    let path = file.to_str().unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let res = expect(&key_check(&s.url(), None, &["--api-key-file", path]), "warn", Some("key.key_file_readable"));
    assert!(res["cause"]["message"].as_str().unwrap().contains("644"), "{res:#}");
    assert!(res["fix"]["text"].as_str().unwrap().contains(&format!("chmod 600 {path}")), "{res:#}");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    expect(&key_check(&s.url(), None, &["--api-key-file", path]), "pass", None);
}
