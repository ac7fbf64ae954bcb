//! The WebRTC peers themselves, on loopback: a real offer/answer, ICE, DTLS, SCTP, channel open.

use super::support::rt;
use realtime_doctor::peer::{AnswerBehaviour, AnswerOptions, Answerer, Event, Offerer, Options};
use std::time::{Duration, Instant};

fn loopback() -> Options {
    Options { bind: Some("127.0.0.1".parse().unwrap()), ..Options::default() }
}

fn answering(dtls_passive: bool) -> AnswerOptions {
    AnswerOptions {
        udp: "127.0.0.1:0".parse().unwrap(),
        tcp: "127.0.0.1:0".parse().unwrap(),
        behaviour: AnswerBehaviour {
            session_created: true,
            session_updated: true,
            dtls_passive,
            ..AnswerBehaviour::default()
        },
    }
}

/// The next message on oai-events, with every event before it.
async fn message(off: &mut Offerer, until: Instant, start: Instant, seen: &mut Vec<(Duration, Event)>) -> String {
    loop {
        let (at, e) = off.next_event(until.into()).await.expect("timed out");
        seen.push((at - start, e.clone()));
        if let Event::Message(m) = e {
            return m;
        }
    }
}

/// Both DTLS roles an answer may take (RFC 5763 §5): OpenAI's answers say `a=setup:active`
/// (the server is the DTLS client); `passive` makes this peer the client.
#[test]
fn offerer_and_answerer_open_oai_events_in_both_dtls_roles() {
    for dtls_passive in [false, true] {
        rt().block_on(async {
            let start = Instant::now();
            let until = start + Duration::from_secs(10);
            let mut off = Offerer::new(&loopback()).await.unwrap();
            let (offer, complete) = off.offer(until).await.unwrap();
            assert!(complete, "host candidates only: gathering completes at once");
            assert!(offer.contains("m=application") && offer.contains("m=audio"), "{offer}");
            assert!(offer.contains("a=setup:actpass"), "{offer}");
            assert!(offer.contains("tcptype active"), "an active ICE-TCP candidate is offered: {offer}");
            let (ans, answer) = Answerer::answer(&offer, &answering(dtls_passive)).await.unwrap();
            let role = if dtls_passive { "a=setup:passive" } else { "a=setup:active" };
            assert!(answer.contains(role), "{answer}");
            off.apply_answer(&answer).await.unwrap();
            let mut seen = Vec::new();
            let first = message(&mut off, until, start, &mut seen).await;
            assert!(first.contains("\"session.created\""), "{first}");
            off.send(r#"{"type":"session.update","session":{"instructions":"hi"}}"#).await.unwrap();
            let updated = message(&mut off, until, start, &mut seen).await;
            assert!(updated.contains("session.updated"), "{updated}");
            eprintln!("{role}: {seen:?}");
            assert!(seen.iter().any(|(_, e)| *e == Event::ChannelOpen), "{seen:?}");
            let pair = off.selected_pair().expect("a selected pair once connected");
            assert_eq!(pair.local.to_string().split(':').next(), Some("host udp 127.0.0.1"), "{pair:?}");
            off.close().await;
            ans.close().await;
        });
    }
}

use super::support::{KEY, Run, assert_no_secret, doctor, fake, run};
use realtime_doctor::fake::{FakeConfig, Fault};

fn check(name: &str, fault: Option<Fault>, extra: &[&str]) -> (Run, serde_json::Value) {
    let cfg = FakeConfig::new(KEY);
    let s = fake(match fault {
        Some(f) => cfg.fault(f),
        None => cfg,
    });
    let mut c = doctor();
    c.args([name, "--format", "json", "--base-url", &s.url()]).args(extra).env("OPENAI_API_KEY", KEY);
    let r = run(c);
    assert_no_secret(&r.all_output());
    // A minted secret is ek_ and hex; only its masked form ("ek_…") may appear.
    let out = r.all_output();
    let leaked =
        out.match_indices("ek_").any(|(i, _)| out[i + 3..].chars().next().is_some_and(|c| c.is_ascii_hexdigit()));
    assert!(!leaked, "a client secret leaked: {out}");
    let res = r.result(name);
    (r, res)
}

fn expect_cause(name: &str, fault: Fault, extra: &[&str], status: &str, cause: &str) -> serde_json::Value {
    let (r, res) = check(name, Some(fault.clone()), extra);
    assert_eq!(
        (res["status"].as_str(), res["cause"]["id"].as_str()),
        (Some(status), Some(cause)),
        "{fault:?}: {res:#}"
    );
    assert!(res["fix"]["text"].as_str().is_some_and(|t| t.len() > 20), "{res:#}");
    assert_eq!(r.code, if status == "fail" { 1 } else { 0 });
    res
}

#[test]
fn sdp_classifies_what_calls_answers() {
    expect_cause("sdp", Fault::CallsBadRequest, &[], "fail", "sdp.bad_request");
    expect_cause("sdp", Fault::CallsRateLimit, &[], "fail", "sdp.rate_limited");
    expect_cause("sdp", Fault::CallsNotSdp, &[], "fail", "sdp.answer_not_sdp");
    expect_cause("sdp", Fault::InvalidKey, &[], "fail", "sdp.invalid_api_key");
    let res = expect_cause("sdp", Fault::NoApplication, &[], "fail", "sdp.no_application_section");
    assert!(res["fix"]["text"].as_str().unwrap().contains("before createOffer()"), "{res:#}");
}

#[test]
fn sdp_probes_the_answer_candidates() {
    let (r, res) = check("sdp", None, &[]);
    assert_eq!(res["status"], "pass", "{res:#}");
    assert_eq!(r.code, 0);
    let remote: Vec<_> =
        res["evidence"]["candidates"].as_array().unwrap().iter().filter(|c| c["side"] == "remote").collect();
    assert!(remote.iter().any(|c| c["protocol"] == "udp"), "{res:#}");
    assert!(
        remote.iter().any(|c| c["protocol"] == "tcp" && c["source"] == "answer" && c["tcp_type"] == "passive"),
        "ICE-TCP passive: {res:#}"
    );
    // Our active ICE-TCP candidate says what its port 9 means (RFC 6544 section 4.5).
    let cands = res["evidence"]["candidates"].as_array().unwrap();
    assert!(
        cands
            .iter()
            .any(|c| c["side"] == "local" && c["protocol"] == "tcp" && c["port"] == 9 && c["tcp_type"] == "active"),
        "{res:#}"
    );
    let d = res["evidence"]["details"].to_string();
    assert!(d.contains("check udp 127.0.0.1") && d.contains("check tcp 127.0.0.1") && d.contains("answers ("), "{d}");
    assert!(d.contains("\"hangup\",\"value\":\"HTTP 200\""), "{d}");
    expect_cause("sdp", Fault::CandidatesNowhere, &["--timeout", "3s"], "fail", "sdp.candidates_unreachable");
    expect_cause("sdp", Fault::SlowAnswer(Duration::from_secs(20)), &["--timeout", "2s"], "fail", "sdp.slow_server");
}

#[test]
fn datachannel_healthy_run_shows_every_phase() {
    let (r, res) = check("datachannel", None, &[]);
    assert_eq!(res["status"], "pass", "{res:#}");
    assert_eq!(r.code, 0);
    let timings = res["evidence"]["timings"].as_array().unwrap();
    let at = |p: &str| {
        timings
            .iter()
            .find(|t| t["phase"] == p)
            .and_then(|t| t["ms"].as_f64())
            .unwrap_or_else(|| panic!("no {p}: {res:#}"))
    };
    let order = [
        "gathered",
        "answer_received",
        "ice_checking",
        "ice_connected",
        "dtls_connected",
        "channel_open",
        "first_event",
        "session_updated",
    ];
    for w in order.windows(2) {
        assert!(at(w[0]) <= at(w[1]), "{} after {}: {res:#}", w[0], w[1]);
    }
    let local = &res["evidence"]["selected_pair"]["local"];
    assert_eq!(
        (&local["type"], &local["protocol"], &local["address"]),
        (&"host".into(), &"udp".into(), &"127.0.0.1".into()),
        "{res:#}"
    );
}

#[test]
fn datachannel_names_the_stage_that_failed() {
    expect_cause("datachannel", Fault::NoApplication, &[], "fail", "datachannel.no_application_section");
    expect_cause("datachannel", Fault::ErrorEvent, &[], "fail", "datachannel.server_error_event");
    expect_cause(
        "datachannel",
        Fault::NoSessionCreated,
        &["--timeout", "3s"],
        "fail",
        "datachannel.no_session_created",
    );
}

#[test]
fn datachannel_transport_failures() {
    expect_cause(
        "datachannel",
        Fault::CandidatesNowhere,
        &["--timeout", "3s"],
        "fail",
        "datachannel.ice_stuck_checking",
    );
    expect_cause(
        "datachannel",
        Fault::ChannelNeverOpens,
        &["--timeout", "3s"],
        "fail",
        "datachannel.channel_never_opens",
    );
    expect_cause("datachannel", Fault::DtlsMismatch, &["--timeout", "3s"], "fail", "datachannel.dtls_failed");
}

#[test]
fn client_secrets_are_single_use_on_calls() {
    let s = fake(FakeConfig::new(KEY));
    let _ = rustls::crypto::ring::default_provider().install_default();
    rt().block_on(async {
        let http = reqwest::Client::builder().no_proxy().build().unwrap();
        let minted: serde_json::Value = http
            .post(format!("{}/v1/realtime/client_secrets", s.url()))
            .bearer_auth(KEY)
            .json(&serde_json::json!({}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let ek = minted["value"].as_str().unwrap().to_owned();
        let until = Instant::now() + Duration::from_secs(10);
        let mut off = Offerer::new(&loopback()).await.unwrap();
        let (offer, _) = off.offer(until).await.unwrap();
        let post = || {
            http.post(format!("{}/v1/realtime/calls", s.url()))
                .bearer_auth(&ek)
                .header("content-type", "application/sdp")
                .body(offer.clone())
                .send()
        };
        assert_eq!(post().await.unwrap().status(), 201);
        let again = post().await.unwrap();
        assert_eq!(again.status(), 401);
        let body: serde_json::Value = again.json().await.unwrap();
        assert_eq!(body["error"]["code"], "ephemeral_token_already_used");
        off.close().await;
    });
}

#[test]
fn relay_path_through_coturn() {
    use super::coturn::{self, Options as TurnOptions, PASSWORD, USER};
    if !coturn::available() {
        return;
    }
    let c = coturn::start(TurnOptions::default());
    let turn = format!("turn:127.0.0.1:{}?transport=udp", c.port);
    let (r, res) = check(
        "datachannel",
        None,
        &[
            "--ice-transport-policy",
            "relay",
            "--turn",
            &turn,
            "--turn-username",
            USER,
            "--turn-credential",
            PASSWORD,
            "--timeout",
            "8s",
        ],
    );
    assert_eq!(res["status"], "pass", "{res:#}\n{}", c.log());
    assert_eq!(r.code, 0);
    let cands = res["evidence"]["candidates"].as_array().unwrap();
    assert!(
        cands.iter().any(|c| c["type"] == "relay" && c["side"] == "local" && c["source"].is_null()),
        "relay candidate gathered: {res:#}"
    );
    assert!(
        !cands.iter().any(|c| c["type"] == "host" && c["side"] == "local" && c["source"].is_null()),
        "relay policy gathers no host candidate: {res:#}"
    );
    let pair = &res["evidence"]["selected_pair"]["local"];
    assert_eq!(
        (&pair["type"], &pair["protocol"], &pair["address"]),
        (&"relay".into(), &"udp".into(), &"127.0.0.1".into()),
        "{res:#}"
    );
    assert!(!r.all_output().contains(PASSWORD), "TURN password leaked");
}

#[test]
fn sdp_warns_when_only_ice_tcp_answers_and_other_paths() {
    let res =
        expect_cause("sdp", Fault::UdpCandidatesNowhere, &["--timeout", "3s"], "warn", "sdp.udp_blocked_tcp_works");
    assert!(res["summary"].as_str().unwrap().contains("ICE-TCP"), "{res:#}");
    // The unified interface: multipart sdp + session with the standard key, no ek_ minted.
    let (r, res) = check("sdp", None, &["--unified"]);
    assert_eq!(res["status"], "pass", "{res:#}");
    assert_eq!(r.code, 0);
    let d = res["evidence"]["details"].to_string();
    assert!(d.contains("unified interface") && !d.contains("client_secrets"), "{d}");
    // A local address the peer cannot bind (TEST-NET-1, never on this machine): no packet leaves.
    let (_, res) = check("sdp", None, &["--bind", "192.0.2.1"]);
    assert_eq!(res["cause"]["id"], "sdp.peer_setup", "{res:#}");
}

#[test]
fn datachannel_without_session_updated() {
    expect_cause(
        "datachannel",
        Fault::NoSessionUpdated,
        &["--timeout", "3s"],
        "fail",
        "datachannel.no_session_updated",
    );
}

#[test]
fn a_rejected_data_channel_is_named_at_once() {
    // m=application with port 0: the sdp check names it from the answer alone, and so does the
    // datachannel check, instead of waiting for a channel that cannot open.
    for name in ["sdp", "datachannel"] {
        let res = expect_cause(name, Fault::ApplicationRejected, &[], "fail", &format!("{name}.application_rejected"));
        assert!(res["fix"]["text"].as_str().unwrap().contains("before createOffer()"), "{res:#}");
        assert!(res["summary"].as_str().unwrap().contains("port 0"), "{res:#}");
    }
}

#[test]
fn no_session_created_is_given_up_after_the_agents_sdk_wait() {
    let res = expect_cause("datachannel", Fault::NoSessionCreated, &[], "fail", "datachannel.no_session_created");
    assert!(res["summary"].as_str().unwrap().contains("no event in 5.0 s"), "{res:#}");
}

#[test]
fn a_slow_key_check_does_not_eat_the_data_channel_budget() {
    // Minting takes 2.5 s: key, then sdp, then datachannel each mint once, 7.5 s in all. Each
    // budget (4 s) starts when the check starts, so the data channel still opens.
    let s = fake(FakeConfig::new(KEY).fault(Fault::SlowMint(Duration::from_millis(2500))));
    let mut c = doctor();
    c.args(["check-all", "--format", "json", "--base-url", &s.url(), "--only", "key,sdp,datachannel"])
        .args(["--timeout", "4s"])
        .env("OPENAI_API_KEY", KEY);
    let r = run(c);
    for id in ["key", "sdp", "datachannel"] {
        assert_eq!(r.result(id)["status"], "pass", "{id}: {}", r.stdout);
    }
    assert_eq!(r.code, 0);
    assert!(r.elapsed > Duration::from_secs(7), "the three mints ran one after the other: {:?}", r.elapsed);
}

#[test]
fn a_failed_key_check_skips_the_calls_naming_the_real_blocker() {
    let addr = super::support::closed_port();
    let mut c = doctor();
    c.args(["check-all", "--format", "json", "--base-url", &format!("http://{addr}"), "--only", "key,sdp,datachannel"])
        .env("OPENAI_API_KEY", KEY);
    let r = run(c);
    assert_eq!(r.result("key")["cause"]["id"], "key.connection_refused");
    for id in ["sdp", "datachannel"] {
        let res = r.result(id);
        assert_eq!(res["status"], "skip", "{res:#}");
        let why = res["summary"].as_str().unwrap();
        assert!(
            why.starts_with("not run: the API could not be reached (connection to") && !why.contains("fix the key"),
            "{why}"
        );
    }
    assert_eq!(r.json()["verdict"]["rule"], "api_unreachable");
}

fn local_pair(res: &serde_json::Value) -> (String, String, String) {
    let l = &res["evidence"]["selected_pair"]["local"];
    let s = |k: &str| l[k].as_str().unwrap_or("").to_owned();
    (s("type"), s("protocol"), s("address"))
}

#[test]
fn an_answer_with_only_a_tcp_candidate_connects_over_ice_tcp() {
    let res = expect_cause("datachannel", Fault::TcpOnlyAnswer, &[], "warn", "datachannel.no_udp_candidate");
    assert_eq!(local_pair(&res), ("host".into(), "tcp".into(), "127.0.0.1".into()), "{res:#}");
    assert_eq!(res["evidence"]["selected_pair"]["local"]["tcp_type"], "active", "{res:#}");
    assert!(res["evidence"]["details"].to_string().contains("over TCP: ICE-TCP to 127.0.0.1:"), "{res:#}");
    expect_cause("sdp", Fault::TcpOnlyAnswer, &[], "warn", "sdp.no_udp_candidate");
}

#[test]
fn an_answer_that_takes_the_dtls_server_role() {
    let (r, res) = check("datachannel", Some(Fault::DtlsPassive), &[]);
    assert_eq!(res["status"], "pass", "{res:#}");
    assert!(res["evidence"]["artifacts"].to_string().contains("a=setup:passive"), "{res:#}");
    assert_eq!(r.code, 0);
}

#[test]
fn an_answer_with_ipv6_candidates() {
    let Ok(s) = rt().block_on(realtime_doctor::fake::FakeServer::start(FakeConfig::new(KEY), "[::1]:0")) else {
        eprintln!("SKIP: no IPv6 loopback here");
        return;
    };
    let mut c = doctor();
    c.args(["datachannel", "--format", "json", "--base-url", &s.url()]).env("OPENAI_API_KEY", KEY);
    let r = run(c);
    let res = r.result("datachannel");
    assert_eq!(res["status"], "pass", "{res:#}");
    assert_eq!(local_pair(&res).2, "::1", "{res:#}");
}

#[test]
fn relays_over_turn_tcp_and_tls_carry_the_call() {
    use super::coturn::{self, Options as TurnOptions, PASSWORD, USER};
    if !coturn::available() {
        return;
    }
    let c = coturn::start(TurnOptions { tls: true, ..Default::default() });
    let ca = c.ca_pem.as_ref().unwrap().path().to_str().unwrap().to_owned();
    for url in
        [format!("turn:127.0.0.1:{}?transport=tcp", c.port), format!("turns:localhost:{}?transport=tcp", c.tls_port)]
    {
        let creds = ["--turn-username", USER, "--turn-credential", PASSWORD, "--ca-cert", &ca];
        let (r, res) =
            check("datachannel", None, &[&["--ice-transport-policy", "relay", "--turn", &url][..], &creds].concat());
        assert_eq!(res["status"], "pass", "{url}: {res:#}\n{}", c.log());
        assert_eq!(r.code, 0);
        let l = &res["evidence"]["selected_pair"]["local"];
        // The URL as the report writes it (`turns:` is TLS over TCP, said without a parameter).
        let shown = realtime_doctor::stun::IceUrl::parse(&url).unwrap().to_string();
        assert_eq!((l["type"].as_str(), l["source"].as_str()), (Some("relay"), Some(shown.as_str())), "{res:#}");
        let path = res["evidence"]["details"].to_string();
        let over = if url.starts_with("turns") { "reached over tls" } else { "reached over tcp" };
        assert!(path.contains(over), "{over}: {path}");
        assert!(!r.all_output().contains(PASSWORD), "TURN password leaked");
    }
}
