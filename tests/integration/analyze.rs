//! `analyze` through the real binary, on SDPs made by real peers (tests/fixtures/analyze: offers
//! from headless Chromium, answers from the fake; `generate.py` there regenerates them).

use super::support::*;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/analyze/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn analyze(files: &[&str]) -> Run {
    let mut c = doctor();
    c.args(["analyze", "--format", "json"]).args(files.iter().map(|f| fixture(f)));
    run(c)
}

/// The sdp result's status and cause id, and the verdict's rule.
fn judged(r: &Run) -> (String, String, String) {
    let v = r.json();
    let sdp = r.result("sdp");
    let s = |x: &serde_json::Value| x.as_str().unwrap_or("").to_owned();
    (s(&sdp["status"]), s(&sdp["cause"]["id"]), s(&v["verdict"]["rule"]))
}

#[test]
fn a_healthy_offer_and_answer_pass() {
    let r = analyze(&["offer-healthy.sdp", "answer-healthy.sdp"]);
    assert_eq!(judged(&r), ("pass".into(), String::new(), String::new()), "{}", r.stdout);
    assert_eq!(r.code, 0);
    let v = r.json();
    assert_eq!(v["analyzed"][0]["kind"], "SDP offer");
    assert_eq!(v["analyzed"][1]["kind"], "SDP answer");
    // Both sides' candidates, and no ICE password or fingerprint in the report.
    let sdp = r.result("sdp");
    let sides: Vec<&str> =
        sdp["evidence"]["candidates"].as_array().unwrap().iter().map(|c| c["side"].as_str().unwrap()).collect();
    assert!(sides.contains(&"local") && sides.contains(&"remote"), "{sdp:#}");
    let pwd = std::fs::read_to_string(fixture("offer-healthy.sdp")).unwrap();
    let pwd = pwd.lines().find_map(|l| l.strip_prefix("a=ice-pwd:")).unwrap().trim().to_owned();
    assert!(!r.stdout.contains(&pwd), "the offer's ice-pwd leaked");
}

#[test]
fn each_failure_gets_its_stage_cause_and_fix() {
    for (files, want) in [
        (
            &["offer-channel-after-offer.sdp", "answer-to-channel-after-offer.sdp"][..],
            ("fail", "sdp.offer_without_application", "sdp"),
        ),
        (&["offer-before-gathering.sdp"][..], ("warn", "sdp.offer_without_candidates", "warning")),
        (&["answer-no-application.sdp"][..], ("fail", "sdp.no_application_section", "sdp")),
        (&["answer-is-an-error.sdp"][..], ("fail", "sdp.error_passed_as_answer", "sdp")),
    ] {
        let r = analyze(files);
        assert_eq!(judged(&r), (want.0.into(), want.1.into(), want.2.into()), "{files:?}: {}", r.stdout);
        assert!(r.result("sdp")["fix"]["text"].as_str().is_some_and(|t| t.len() > 40), "{}", r.stdout);
        assert_eq!(r.code, if want.0 == "fail" { 1 } else { 0 }, "{files:?}");
    }
    // The answer's own finding is named beside the offer's.
    let r = analyze(&["offer-channel-after-offer.sdp", "answer-to-channel-after-offer.sdp"]);
    assert!(r.result("sdp")["evidence"]["details"].to_string().contains("no m=application"), "{}", r.stdout);
    // The refused offer's error message is quoted.
    let r = analyze(&["answer-is-an-error.sdp"]);
    assert!(r.result("sdp")["cause"]["message"].as_str().unwrap().contains("ephemeral_token_already_used"));
}

#[test]
fn standard_input_and_the_human_view() {
    let mut c = doctor();
    c.args(["analyze", "-"]).stdin(std::fs::File::open(fixture("answer-no-application.sdp")).unwrap());
    let r = run(c);
    assert_eq!(r.code, 1);
    assert!(r.stdout.starts_with("realtime-doctor") && r.stdout.contains("analyzed - (SDP answer)"), "{}", r.stdout);
    assert!(r.stdout.contains("Create the oai-events data channel before createOffer()"), "{}", r.stdout);
}

#[test]
fn bad_input_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    };
    let big = dir.path().join("big.json");
    std::fs::File::create(&big).unwrap().set_len(200 << 20).unwrap();
    for (file, words) in [
        (big.display().to_string(), "larger than"),
        (write("cut.json", br#"{"log": {"entries": [{"request""#), "not valid JSON"),
        (write("other.json", br#"{"hello": 1}"#), "not a report, bundle, HAR"),
        (write("bin.sdp", &[0xff, 0xfe, 0x00, 0x01]), "not text"),
        (write("notes.txt", b"the call does not connect"), "not something this tool reads"),
        (write("x.sdp", b"v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\n"), "offer or an answer"),
        ("/no/such/file.sdp".to_owned(), "reading /no/such/file.sdp"),
    ] {
        let mut c = doctor();
        c.args(["analyze", &file]);
        let r = run(c);
        assert_eq!(r.code, 2, "{file}: {}{}", r.stdout, r.stderr);
        assert!(r.stderr.contains(words), "{file}: {}", r.stderr);
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    }
}

#[test]
fn a_saved_report_is_shown_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("run.json");
    let mut c = doctor();
    c.args(["selftest", "--api", "realtime", "--skip", "mic", "-o"]).arg(&saved);
    assert_eq!(run(c).code, 0);
    let mut c = doctor();
    c.args(["analyze", "--format", "json"]).arg(&saved);
    let r = run(c);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.json()["results"],
        serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(&saved).unwrap()).unwrap()["results"]
    );
}

/// (file, the result of one check as (status, cause id), the verdict's rule).
type Expect<'a> = (&'a str, &'a str, (&'a str, &'a str), &'a str);

/// Each HAR and webrtc-internals dump made by real Chromium against the fake (generate.mjs):
/// the failing stage, its cause, and the verdict.
#[test]
fn browser_exports_give_the_stage_cause_and_verdict() {
    let table: &[Expect] = &[
        ("healthy.har", "sdp", ("pass", ""), ""),
        ("healthy.webrtc_internals_dump.gz", "datachannel", ("pass", ""), ""),
        ("401-wrong-key.har", "key", ("fail", "key.invalid_api_key"), "key_rejected"),
        ("429-insufficient-quota.har", "key", ("fail", "key.insufficient_quota"), "no_credit"),
        ("beta-endpoint.har", "sdp", ("fail", "sdp.beta_retired"), "sdp"),
        ("beta-endpoint.webrtc_internals_dump.gz", "sdp", ("fail", "sdp.error_passed_as_answer"), "sdp"),
        ("channel-after-offer.har", "sdp", ("fail", "sdp.offer_without_application"), "sdp"),
        ("channel-after-offer.webrtc_internals_dump.gz", "sdp", ("fail", "sdp.offer_without_application"), "sdp"),
        ("ice-failure.webrtc_internals_dump.gz", "datachannel", ("fail", "datachannel.ice_stuck_checking"), "ice"),
        (
            "udp-blocked.webrtc_internals_dump.gz",
            "datachannel",
            ("warn", "datachannel.media_over_tcp"),
            "udp_blocked_tcp_works",
        ),
        ("key-in-browser.har", "key", ("fail", "key.standard_key_in_browser"), "key_rejected"),
        ("key-in-browser.webrtc_internals_dump.gz", "sdp", ("fail", "sdp.error_passed_as_answer"), "sdp"),
        ("offer-before-gathering.har", "sdp", ("warn", "sdp.offer_without_candidates"), "warning"),
        ("offer-before-gathering.webrtc_internals_dump.gz", "sdp", ("warn", "sdp.offer_without_candidates"), "warning"),
        ("cors-missing.har", "sdp", ("fail", "sdp.blocked_by_browser"), "sdp"),
        ("401-wrong-key.webrtc_internals_dump.gz", "sdp", ("skip", ""), ""),
    ];
    for (file, check, (status, cause), rule) in table {
        let r = analyze(&[file]);
        let v = r.json();
        let res = r.result(check);
        assert_eq!(res["status"], *status, "{file}: {}", r.stdout);
        assert_eq!(res["cause"]["id"].as_str().unwrap_or(""), *cause, "{file}: {}", r.stdout);
        assert_eq!(v["verdict"]["rule"].as_str().unwrap_or(""), *rule, "{file}: {}", r.stdout);
        if !cause.is_empty() {
            assert!(res["fix"]["text"].as_str().is_some_and(|t| t.len() > 40), "{file}: no fix");
        }
        assert_eq!(r.code, if v["status"] == "fail" { 1 } else { 0 }, "{file}");
    }
    // The dump's evidence: the ICE timeline, the selected pair over TCP, how long checking lasted.
    let r = analyze(&["udp-blocked.webrtc_internals_dump.gz"]);
    let dc = r.result("datachannel");
    assert_eq!(dc["evidence"]["selected_pair"]["local"]["protocol"], "tcp", "{dc:#}");
    // The verdict names the port the call used, not an assumed one.
    let port = dc["evidence"]["selected_pair"]["remote"]["port"].as_u64().unwrap();
    let summary = r.json()["verdict"]["summary"].as_str().unwrap().to_owned();
    assert!(summary.contains(&format!("ICE-TCP to port {port} ")), "{summary}");
    assert!(dc["evidence"]["details"].to_string().contains("checking → connected"), "{dc:#}");
    let r = analyze(&["ice-failure.webrtc_internals_dump.gz"]);
    let msg = r.result("datachannel")["cause"]["message"].as_str().unwrap().to_owned();
    assert!(msg.contains(" s logged after checking began"), "{msg}");
    // An app that offered no channel is told where to create it, not about the network's MTU.
    let r = analyze(&["channel-after-offer.webrtc_internals_dump.gz"]);
    let dc = r.result("datachannel");
    assert_eq!(dc["cause"]["id"], "datachannel.channel_never_opens", "{dc:#}");
    assert!(dc["fix"]["text"].as_str().unwrap().starts_with("Create the oai-events data channel before"), "{dc:#}");
}

/// Keys, ek_ tokens, ICE passwords and the app's cookies in a HAR or dump never reach the output.
#[test]
fn secrets_in_the_input_are_masked() {
    for file in ["key-in-browser.har", "healthy.har", "401-wrong-key.har", "healthy.webrtc_internals_dump.gz"] {
        let text = {
            let bytes = std::fs::read(fixture(file)).unwrap();
            if file.ends_with(".gz") {
                let mut s = String::new();
                std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(bytes.as_slice()), &mut s).unwrap();
                s
            } else {
                String::from_utf8(bytes).unwrap()
            }
        };
        // What the input holds: keys and tokens, and the ICE passwords of its SDPs.
        let mut secrets: Vec<String> = Vec::new();
        for prefix in ["sk-proj-", "ek_"] {
            for (i, _) in text.match_indices(prefix) {
                let s: String =
                    text[i..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
                if s.len() > 12 {
                    secrets.push(s);
                }
            }
        }
        for (i, _) in text.match_indices("a=ice-pwd:") {
            let s: String =
                text[i + 10..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '+' || *c == '/').collect();
            secrets.push(s);
        }
        assert!(!secrets.is_empty() || file == "401-wrong-key.har", "{file}: the fixture holds no secret to test");
        for format in ["human", "json", "junit"] {
            let mut c = doctor();
            c.args(["analyze", "-v", "--format", format, &fixture(file)]);
            let r = run(c);
            for s in &secrets {
                assert!(!r.stdout.contains(s.as_str()), "{file} ({format}): {s} shown:\n{}", r.stdout);
            }
        }
    }
}

#[test]
fn an_analysis_saved_with_o_and_bundle_shows_again() {
    let dir = tempfile::tempdir().unwrap();
    let (saved, bundle) = (dir.path().join("a.json"), dir.path().join("b.json"));
    let mut c = doctor();
    c.args(["analyze", "-q", &fixture("ice-failure.webrtc_internals_dump.gz"), "-o"])
        .arg(&saved)
        .arg("--bundle")
        .arg(&bundle);
    let first = run(c);
    assert_eq!(first.code, 1, "{}", first.stderr);
    for file in [&saved, &bundle] {
        let mut c = doctor();
        c.args(["report", "show", "--format", "json"]).arg(file);
        let r = run(c);
        assert_eq!(r.code, 1, "{}", r.stderr);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        let report = if v.get("report").is_some() { &v["report"] } else { &v };
        assert_eq!(report["verdict"]["rule"], "ice", "{v:#}");
        assert_eq!(report["analyzed"][0]["kind"], "webrtc-internals dump", "{v:#}");
    }
}
