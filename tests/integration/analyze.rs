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
