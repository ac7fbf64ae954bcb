//! `stun` and `turn` against a real coturn on loopback, and against UDP servers that misbehave.

use super::coturn::{self, Options, PASSWORD, SHARED_SECRET, USER};
use super::support::*;
use realtime_doctor::stun::msg;
use std::net::SocketAddr;

fn stun(urls: &[String], extra: &[&str]) -> Run {
    let mut c = doctor();
    c.args(["stun", "--format", "json"]);
    for u in urls {
        c.args(["--stun", u]);
    }
    c.args(extra);
    run(c)
}

fn turn(urls: &[String], extra: &[&str]) -> Run {
    let mut c = doctor();
    c.args(["turn", "--format", "json"]);
    for u in urls {
        c.args(["--turn", u]);
    }
    c.args(extra);
    run(c)
}

fn status_cause(r: &Run, id: &str) -> (String, Option<String>) {
    let res = r.result(id);
    (res["status"].as_str().unwrap().to_owned(), res["cause"]["id"].as_str().map(str::to_owned))
}

fn details(r: &Run, id: &str) -> String {
    r.result(id)["evidence"]["details"].to_string()
}

#[test]
fn stun_binding_against_coturn() {
    if !coturn::available() {
        return;
    }
    let c = coturn::start(Options::default());
    let r = stun(&[format!("stun:127.0.0.1:{}", c.port), format!("stun:127.0.0.1:{}?transport=tcp", c.port)], &[]);
    assert_eq!(status_cause(&r, "stun"), ("pass".into(), None), "{}", r.stdout);
    let res = r.result("stun");
    assert!(res["summary"].as_str().unwrap().contains("2/2 server(s) answer; no NAT"), "{res:#}");
    let cands = res["evidence"]["candidates"].as_array().unwrap();
    assert!(
        cands.iter().any(|c| c["type"] == "host" && c["protocol"] == "udp" && c["address"] == "127.0.0.1"),
        "{res:#}"
    );
    assert!(res["evidence"]["timings"].to_string().contains("rtt 127.0.0.1"), "{res:#}");
    assert!(details(&r, "stun").contains("answers over tcp"), "{res:#}");
}

#[test]
fn rfc5780_behaviour_on_loopback_is_no_nat_and_open_filtering() {
    if !coturn::available() {
        return;
    }
    let c = coturn::start(Options { two_ips: true, ..Default::default() });
    let r = stun(&[format!("stun:127.0.0.1:{}", c.port)], &["--timeout", "5s"]);
    assert_eq!(status_cause(&r, "stun"), ("pass".into(), None), "{}", r.stdout);
    let d = details(&r, "stun");
    assert!(d.contains("OTHER-ADDRESS 127.0.0.2"), "{d}");
    assert!(d.contains("\"nat_mapping\",\"value\":\"no NAT"), "{d}");
    assert!(d.contains("\"nat_filtering\",\"value\":\"endpoint-independent filtering\""), "{d}");
}

#[test]
fn turn_relays_over_udp_and_tcp_with_good_credentials() {
    if !coturn::available() {
        return;
    }
    let c = coturn::start(Options::default());
    let urls = [format!("turn:127.0.0.1:{}?transport=udp", c.port), format!("turn:127.0.0.1:{}?transport=tcp", c.port)];
    let r = turn(&urls, &["--turn-username", USER, "--turn-credential", PASSWORD]);
    assert_eq!(status_cause(&r, "turn"), ("pass".into(), None), "{}\n{}", r.stdout, c.log());
    assert_no_secret(&r.all_output());
    let res = r.result("turn");
    let relays: Vec<_> =
        res["evidence"]["candidates"].as_array().unwrap().iter().filter(|c| c["type"] == "relay").collect();
    assert_eq!(relays.len(), 2, "{res:#}");
    let timings = res["evidence"]["timings"].to_string();
    for phase in ["allocate udp", "relayed_rtt udp", "connect tcp", "relayed_rtt tcp"] {
        assert!(timings.contains(phase), "{phase}: {timings}");
    }
    // Allocations are released (Refresh with lifetime 0): coturn logs their deletion.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let log = c.log();
    // Two URLs, two allocations each (the second is the relay test's peer): four releases.
    assert_eq!(log.matches("lifetime=0").count(), 4, "{log}");
}

#[test]
fn turn_credentials_missing_or_wrong() {
    if !coturn::available() {
        return;
    }
    let c = coturn::start(Options::default());
    let url = [format!("turn:127.0.0.1:{}", c.port)];
    let r = turn(&url, &[]);
    assert_eq!(status_cause(&r, "turn"), ("fail".into(), Some("turn.no_credentials".into())));
    let r = turn(&url, &["--turn-username", USER, "--turn-credential", "wrong-SECRET42"]);
    assert_eq!(status_cause(&r, "turn"), ("fail".into(), Some("turn.credentials_rejected".into())));
    assert!(r.result("turn")["cause"]["message"].as_str().unwrap().contains(coturn::REALM));
    assert!(details(&r, "turn").contains("reached, not authenticated"), "{}", details(&r, "turn"));
    assert_no_secret(&r.all_output());
}

#[test]
fn turn_rest_credentials_from_a_shared_secret() {
    if !coturn::available() {
        return;
    }
    let c = coturn::start(Options { rest: true, ..Default::default() });
    let url = [format!("turn:127.0.0.1:{}", c.port)];
    let r = turn(&url, &["--turn-secret", SHARED_SECRET, "--turn-username", "bob"]);
    assert_eq!(status_cause(&r, "turn"), ("pass".into(), None), "{}\n{}", r.stdout, c.log());
    assert!(details(&r, "turn").contains(":bob"), "REST username is expiry:user");
    assert_no_secret(&r.all_output());
    let r = turn(&url, &["--turn-secret", "not-the-SECRET42"]);
    assert_eq!(status_cause(&r, "turn"), ("fail".into(), Some("turn.credentials_rejected".into())));
    assert_no_secret(&r.all_output());
}

#[test]
fn turns_over_tls_needs_the_ca() {
    if !coturn::available() {
        return;
    }
    let c = coturn::start(Options { tls: true, ..Default::default() });
    let url = [format!("turns:localhost:{}?transport=tcp", c.tls_port)];
    let creds = ["--turn-username", USER, "--turn-credential", PASSWORD];
    let r = turn(&url, &creds);
    assert_eq!(status_cause(&r, "turn"), ("fail".into(), Some("turn.tls_failure".into())), "{}", r.stdout);
    let ca = c.ca_pem.as_ref().unwrap().path().to_str().unwrap().to_owned();
    let mut args = creds.to_vec();
    args.extend(["--ca-cert", &ca]);
    let r = turn(&url, &args);
    assert_eq!(status_cause(&r, "turn"), ("pass".into(), None), "{}\n{}", r.stdout, c.log());
    assert!(r.result("turn")["evidence"]["timings"].to_string().contains("connect tls"));
    assert!(details(&r, "turn").contains("reached, authenticated: relay 127.0.0.1:"), "{}", details(&r, "turn"));
    // STUN over TLS on the same port.
    let r = stun(&[format!("stuns:localhost:{}", c.tls_port)], &["--ca-cert", &ca]);
    assert_eq!(status_cause(&r, "stun"), ("pass".into(), None), "{}", r.stdout);
    assert!(details(&r, "stun").contains("answers over tls"), "{}", details(&r, "stun"));
}

#[test]
fn turn_over_udp_blocked_but_tcp_works() {
    if !coturn::available() {
        return;
    }
    let c = coturn::start(Options::default());
    // UDP to a closed port (ICMP unreachable) stands for UDP blocked to the server.
    let dead = closed_port();
    let urls =
        [format!("turn:127.0.0.1:{}?transport=udp", dead.port()), format!("turn:127.0.0.1:{}?transport=tcp", c.port)];
    let r = turn(&urls, &["--turn-username", USER, "--turn-credential", PASSWORD]);
    assert_eq!(status_cause(&r, "turn"), ("warn".into(), Some("turn.udp_blocked_tcp_works".into())), "{}", r.stdout);
    assert!(r.result("turn")["summary"].as_str().unwrap().contains("transport=tcp"));
}

#[test]
fn stale_nonce_is_retried_with_the_new_nonce() {
    if !coturn::available() {
        return;
    }
    use realtime_doctor::stun::turn as client;
    use realtime_doctor::stun::{Transport, conn::Conn};
    let c = coturn::start(Options { stale_nonce_s: Some(1), ..Default::default() });
    let addr = c.addr();
    rt().block_on(async {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(8);
        let conn = Conn::open(Transport::Udp, addr, None, None, deadline).await.unwrap();
        let mut a = client::allocate(conn, Some((USER, PASSWORD)), deadline, deadline)
            .await
            .map_err(|(e, _)| format!("{e:?}"))
            .unwrap();
        // Let the nonce go stale, then ask for a permission: 438, then success with the new nonce.
        tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
        a.permit("127.0.0.1".parse().unwrap(), deadline).await.unwrap();
        assert!(a.auth.as_ref().unwrap().stale_retries >= 1, "no 438 was seen: {}", c.log());
        a.release().await;
    });
}

/// A UDP server answering each datagram with `reply(request)`, or not at all.
fn udp_responder(reply: impl Fn(&[u8]) -> Option<Vec<u8>> + Send + 'static) -> SocketAddr {
    let sock = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let addr = sock.local_addr().unwrap();
    std::thread::spawn(move || {
        let mut buf = [0u8; 2048];
        while let Ok((n, from)) = sock.recv_from(&mut buf) {
            if let Some(r) = reply(&buf[..n]) {
                let _ = sock.send_to(&r, from);
            }
        }
    });
    addr
}

fn tid(req: &[u8]) -> [u8; 12] {
    msg::transaction_id(req).expect("a STUN request")
}

#[test]
fn misbehaving_stun_servers_get_a_verdict_within_the_timeout() {
    let garbage = udp_responder(|_| Some(b"HTTP/1.1 400 Bad Request\r\n\r\n".to_vec()));
    let truncated = udp_responder(|req| {
        let full =
            msg::response(msg::BINDING, tid(req), None, vec![msg::xor_mapped("127.0.0.1:9".parse().unwrap())], None);
        Some(full[..full.len() - 6].to_vec())
    });
    let wrong_tid = udp_responder(|_| {
        Some(msg::response(msg::BINDING, [7; 12], None, vec![msg::xor_mapped("127.0.0.1:9".parse().unwrap())], None))
    });
    let no_mapped = udp_responder(|req| Some(msg::response(msg::BINDING, tid(req), None, vec![], None)));
    let error =
        udp_responder(|req| Some(msg::response(msg::BINDING, tid(req), Some((400, "Bad Request")), vec![], None)));
    let silent = udp_responder(|_| None);
    for (addr, status, cause) in [
        (garbage, "fail", "stun.not_stun"),
        (truncated, "fail", "stun.not_stun"),
        (wrong_tid, "fail", "stun.not_stun"),
        (no_mapped, "fail", "stun.no_mapped_address"),
        (error, "fail", "stun.error_response"),
        (silent, "fail", "stun.udp_blocked"),
        (closed_port(), "fail", "stun.udp_rejected"),
    ] {
        let r = stun(&[format!("stun:{addr}")], &["--timeout", "2s"]);
        assert_eq!(status_cause(&r, "stun"), (status.into(), Some(cause.into())), "{addr}: {}", r.stdout);
        assert_eq!(r.code, 1);
        assert!(r.elapsed.as_secs_f64() < 4.0, "{cause}: {:?}", r.elapsed);
        let fix = r.result("stun")["fix"]["text"].as_str().unwrap().to_owned();
        assert!(fix.len() > 20);
    }
}

#[test]
fn one_dead_server_among_good_ones_is_a_warning() {
    if !coturn::available() {
        return;
    }
    let c = coturn::start(Options::default());
    let silent = udp_responder(|_| None);
    let r = stun(&[format!("stun:127.0.0.1:{}", c.port), format!("stun:{silent}")], &["--timeout", "2s"]);
    assert_eq!(status_cause(&r, "stun"), ("warn".into(), Some("stun.some_unreachable".into())), "{}", r.stdout);
    assert_eq!(r.code, 0, "a warning is not a failure without --strict");
}

#[test]
fn a_blackholed_server_list_gives_its_verdict_within_the_timeout() {
    let silent: Vec<String> = (0..4).map(|_| format!("stun:{}", udp_responder(|_| None))).collect();
    let r = stun(&silent, &["--timeout", "1500ms"]);
    assert_eq!(status_cause(&r, "stun"), ("fail".into(), Some("stun.udp_blocked".into())));
    assert!(r.result("stun")["cause"]["message"].as_str().unwrap().contains("4 STUN server"));
    assert!(r.elapsed.as_secs_f64() < 3.5, "{:?}", r.elapsed);
    // Without --timeout, STUN's own default budget (3 s) applies, not the RFC's 39.5 s.
    let r = stun(&silent[..1], &[]);
    assert_eq!(status_cause(&r, "stun").1.as_deref(), Some("stun.udp_blocked"));
    assert!(r.elapsed.as_secs_f64() < 5.0, "{:?}", r.elapsed);
}

#[test]
fn misbehaving_turn_servers() {
    // 401 challenge, then a success signed with the wrong key.
    let bad_mi = udp_responder(|req| {
        let m = msg::decode(req, None).ok()?;
        if m.method() != msg::ALLOCATE {
            return None;
        }
        let signed = msg::read(&m).has_integrity;
        if !signed {
            return Some(msg::response(
                msg::ALLOCATE,
                tid(req),
                Some((401, "Unauthorized")),
                vec![msg::realm("fake"), msg::nonce("n0nce")],
                None,
            ));
        }
        let wrong = msg::LongTerm::new(USER, "not-the-password", "fake", "n0nce").unwrap();
        Some(msg::response(
            msg::ALLOCATE,
            tid(req),
            None,
            vec![msg::xor_relayed("127.0.0.1:9".parse().unwrap())],
            Some(&wrong.key),
        ))
    });
    let no_challenge =
        udp_responder(|req| Some(msg::response(msg::ALLOCATE, tid(req), Some((401, "Unauthorized")), vec![], None)));
    let quota = udp_responder(|req| {
        Some(msg::response(msg::ALLOCATE, tid(req), Some((486, "Allocation Quota Reached")), vec![], None))
    });
    let capacity = udp_responder(|req| {
        Some(msg::response(msg::ALLOCATE, tid(req), Some((508, "Insufficient Capacity")), vec![], None))
    });
    let mismatch = udp_responder(|req| {
        Some(msg::response(msg::ALLOCATE, tid(req), Some((437, "Allocation Mismatch")), vec![], None))
    });
    let stale_forever = udp_responder(|req| {
        let signed = msg::read(&msg::decode(req, None).ok()?).has_integrity;
        let code = if signed { (438, "Stale Nonce") } else { (401, "Unauthorized") };
        Some(msg::response(
            msg::ALLOCATE,
            tid(req),
            Some(code),
            vec![msg::realm("fake"), msg::nonce(&format!("n{}", fastrand::u32(..)))],
            None,
        ))
    });
    let garbage = udp_responder(|_| Some(vec![0xff; 7]));
    let silent = udp_responder(|_| None);
    for (addr, cause) in [
        (bad_mi, "turn.bad_integrity"),
        (no_challenge, "turn.not_turn"),
        (quota, "turn.allocation_quota"),
        (capacity, "turn.insufficient_capacity"),
        (mismatch, "turn.allocation_mismatch"),
        (stale_forever, "turn.stale_nonce"),
        (garbage, "turn.not_turn"),
        (silent, "turn.unreachable"),
    ] {
        let r = turn(
            &[format!("turn:{addr}")],
            &["--turn-username", USER, "--turn-credential", PASSWORD, "--timeout", "2s"],
        );
        assert_eq!(status_cause(&r, "turn"), ("fail".into(), Some(cause.into())), "{addr}: {}", r.stdout);
        assert!(r.elapsed.as_secs_f64() < 4.0, "{cause}: {:?}", r.elapsed);
        assert_no_secret(&r.all_output());
    }
}

/// A TURN server that challenges (401) and then answers signed requests with `code`, or, with
/// `None`, accepts everything (signed with the right key) but never relays a byte.
fn turn_fake(code: Option<(u16, &'static str)>) -> SocketAddr {
    udp_responder(move |req| {
        let m = msg::decode(req, None).ok()?;
        if m.class() != stun_rs::MessageClass::Request {
            return None; // Send indications vanish: no relay.
        }
        if !msg::read(&m).has_integrity {
            return Some(msg::response(
                m.method(),
                tid(req),
                Some((401, "Unauthorized")),
                vec![msg::realm("fake"), msg::nonce("n0nce")],
                None,
            ));
        }
        if let Some(c) = code {
            return Some(msg::response(m.method(), tid(req), Some(c), vec![], None));
        }
        let key = msg::LongTerm::new(USER, PASSWORD, "fake", "n0nce").unwrap().key;
        let attrs = if m.method() == msg::ALLOCATE {
            vec![
                msg::xor_relayed(format!("127.0.0.1:{}", 40000 + fastrand::u16(..1000)).parse().unwrap()),
                msg::lifetime(600),
            ]
        } else {
            vec![]
        };
        Some(msg::response(m.method(), tid(req), None, attrs, Some(&key)))
    })
}

#[test]
fn every_turn_error_code_is_named() {
    for (fake, cause) in [
        (turn_fake(Some((441, "Wrong Credentials"))), "turn.wrong_credentials"),
        (turn_fake(Some((403, "Forbidden"))), "turn.forbidden"),
        (turn_fake(Some((420, "Unknown Attribute"))), "turn.error_response"),
        (turn_fake(None), "turn.no_relay"),
    ] {
        let r = turn(
            &[format!("turn:{fake}")],
            &["--turn-username", USER, "--turn-credential", PASSWORD, "--timeout", "2s"],
        );
        assert_eq!(status_cause(&r, "turn"), ("fail".into(), Some(cause.into())), "{fake}: {}", r.stdout);
        assert!(r.elapsed.as_secs_f64() < 4.5, "{cause}: {:?}", r.elapsed);
    }
}

#[test]
fn unresolvable_and_partly_failing_servers() {
    let r = turn(&["turn:turn.realtime-doctor.invalid:3478".to_owned()], &["--timeout", "2s"]);
    assert_eq!(status_cause(&r, "turn").1.as_deref(), Some("turn.dns_failure"), "{}", r.stdout);
    let r = stun(&["stun:stun.realtime-doctor.invalid".to_owned()], &["--timeout", "2s"]);
    assert_eq!(status_cause(&r, "stun").1.as_deref(), Some("stun.dns_failure"), "{}", r.stdout);
    // STUN over TCP to nothing: refused.
    let r = stun(&[format!("stun:{}?transport=tcp", closed_port())], &["--timeout", "2s"]);
    assert_eq!(status_cause(&r, "stun").1.as_deref(), Some("stun.tcp_blocked"), "{}", r.stdout);
    // UDP silent and TCP refused: no single story, each server's own line.
    let silent = udp_responder(|_| None);
    let r =
        stun(&[format!("stun:{silent}"), format!("stun:{}?transport=tcp", closed_port())], &["--timeout", "1500ms"]);
    assert_eq!(status_cause(&r, "stun").1.as_deref(), Some("stun.all_failed"), "{}", r.stdout);
    if !coturn::available() {
        return;
    }
    let c = coturn::start(Options::default());
    let r = turn(
        &[format!("turn:127.0.0.1:{}", c.port), "turn:turn.realtime-doctor.invalid".to_owned()],
        &["--turn-username", USER, "--turn-credential", PASSWORD, "--timeout", "2s"],
    );
    assert_eq!(status_cause(&r, "turn"), ("warn".into(), Some("turn.some_failed".into())), "{}", r.stdout);
}
