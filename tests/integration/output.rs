//! The renderers and the report contract: schema, JUnit, human text, --output, report show.

use super::support::*;
use realtime_doctor::fake::{FakeConfig, Fault};
use realtime_doctor::report::Report;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Compare a generated artefact with its committed copy; `REALTIME_DOCTOR_BLESS=1` rewrites it.
pub fn committed(rel: &str, generated: &str) {
    let path = root().join(rel);
    if std::env::var_os("REALTIME_DOCTOR_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(on_disk == generated, "{rel} is out of date: run `REALTIME_DOCTOR_BLESS=1 cargo test` and commit it");
}

#[test]
fn schema_is_generated_from_the_report_types() {
    let schema = schemars::schema_for!(Report);
    committed("docs/report.schema.json", &(serde_json::to_string_pretty(&schema).unwrap() + "\n"));
}

#[test]
fn schema_rejects_a_changed_shape() {
    let s = fake(FakeConfig::new(KEY));
    let r = key_check(&s.url(), Some(KEY), &[]);
    let mut v = r.json(); // validates
    v["results"][0]["surprise"] = serde_json::json!(1);
    let text = std::fs::read_to_string(root().join("docs/report.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap();
    assert!(!validator.is_valid(&v), "an unknown field must not validate");
    let mut v = r.json();
    v["results"][0]["status"] = serde_json::json!("maybe");
    assert!(!validator.is_valid(&v), "an unknown status must not validate");
}

#[test]
fn junit_has_one_testcase_per_check_and_carries_cause_and_fix() {
    let s = fake(FakeConfig::new(KEY).fault(Fault::Quota));
    let mut c = doctor();
    let stun = format!("stun:{}", closed_port());
    c.args(["check-all", "--format", "junit", "--base-url", &s.url(), "--stun", &stun, "--timeout", "2s"])
        .env("OPENAI_API_KEY", KEY);
    let r = run(c);
    assert_eq!(r.code, 1);
    assert_no_secret(&r.all_output());
    let doc = roxmltree::Document::parse(&r.stdout).unwrap_or_else(|e| panic!("{e}\n{}", r.stdout));
    let cases: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("testcase")).collect();
    let names: Vec<_> = cases.iter().map(|c| c.attribute("name").unwrap()).collect();
    assert_eq!(
        names,
        ["key", "stun", "turn", "mic", "sdp", "datachannel", "voice"],
        "one test case per check: {}",
        r.stdout
    );
    // No sound card here (and no HOME for ALSA): the microphone is skipped, not failed.
    let mic = cases[3].children().find(|n| n.has_tag_name("skipped")).expect("mic is skipped without a device");
    assert!(mic.attribute("message").unwrap().contains("--require-mic"));
    // The WebRTC checks wait for the key check and skip when it failed, naming the real blocker.
    for i in [4, 5] {
        let skipped = cases[i].children().find(|n| n.has_tag_name("skipped")).expect("skipped after the key failed");
        let why = skipped.attribute("message").unwrap();
        assert!(why.starts_with("not run: the account has no credit (insufficient quota"), "{why}");
    }
    // No TURN configured: a skipped test case, with the reason.
    let skipped = cases[2].children().find(|n| n.has_tag_name("skipped")).expect("turn is skipped");
    assert!(skipped.attribute("message").unwrap().contains("no TURN server configured"));
    let failure = cases[0].children().find(|n| n.has_tag_name("failure")).expect("a failure element");
    assert_eq!(failure.attribute("type"), Some("key.insufficient_quota"));
    assert!(failure.attribute("message").unwrap().contains("fix: Add credit"), "{:?}", failure.attribute("message"));
}

#[test]
fn human_output_streams_lines_summary_and_fixes() {
    let s = fake(FakeConfig::new(KEY).fault(Fault::InvalidKey));
    let mut c = doctor();
    c.args(["key", "--base-url", &s.url()]).env("OPENAI_API_KEY", KEY);
    let r = run(c);
    assert_eq!(r.code, 1);
    assert_no_secret(&r.all_output());
    assert!(r.stdout.contains("FAIL key"), "{}", r.stdout);
    assert!(r.stdout.contains("FAIL key          the API key was rejected (401 invalid_api_key)"), "{}", r.stdout);
    assert!(r.stdout.contains("cause: [key.invalid_api_key]"), "{}", r.stdout);
    assert!(r.stdout.contains("1 failed, 0 passed"), "{}", r.stdout);
    assert!(r.stdout.contains("What to do:"), "{}", r.stdout);
    assert!(!r.stdout.contains('\u{1b}'), "NO_COLOR and a pipe mean no escape codes");
    let r = run({
        let mut c = doctor();
        c.args(["key", "--color", "always", "--base-url", &s.url()]).env("OPENAI_API_KEY", KEY);
        c
    });
    assert!(r.stdout.contains("\u{1b}[1;31mFAIL"), "--color always colours the status: {}", r.stdout);
    // Verbose shows every detail, quiet hides passing checks' evidence.
    let s = fake(FakeConfig::new(KEY));
    let verbose = run({
        let mut c = doctor();
        c.args(["key", "-v", "--base-url", &s.url()]).env("OPENAI_API_KEY", KEY);
        c
    });
    assert!(verbose.stdout.contains("GET /v1/models: HTTP 200"), "{}", verbose.stdout);
    let quiet = run({
        let mut c = doctor();
        c.args(["key", "-q", "--base-url", &s.url()]).env("OPENAI_API_KEY", KEY);
        c
    });
    assert!(quiet.stdout.contains("PASS key") && !quiet.stdout.contains("key_source"), "{}", quiet.stdout);
}

#[test]
fn output_file_gets_json_while_the_terminal_gets_the_human_view() {
    let s = fake(FakeConfig::new(KEY).fault(Fault::InvalidKey));
    let dir = tempfile::tempdir().unwrap();
    let json_path = dir.path().join("report.json");
    let xml_path = dir.path().join("report.xml");
    for path in [&json_path, &xml_path] {
        let mut c = doctor();
        c.args(["check-all", "--base-url", &s.url(), "--output", path.to_str().unwrap()]).env("OPENAI_API_KEY", KEY);
        let r = run(c);
        assert_eq!(r.code, 1);
        assert!(r.stdout.contains("FAIL key"), "{}", r.stdout);
    }
    let json = std::fs::read_to_string(&json_path).unwrap();
    assert_no_secret(&json);
    validate(&serde_json::from_str(&json).unwrap());
    let xml = std::fs::read_to_string(&xml_path).unwrap();
    assert_no_secret(&xml);
    roxmltree::Document::parse(&xml).unwrap();

    // report show renders the saved report as the live view did, and re-emits the JSON as is.
    let mut c = doctor();
    c.args(["report", "show", json_path.to_str().unwrap()]);
    let shown = run(c);
    assert_eq!(shown.code, 1, "the saved verdict is the exit code");
    assert!(shown.stdout.contains("FAIL key") && shown.stdout.contains("What to do:"), "{}", shown.stdout);
    let mut c = doctor();
    c.args(["report", "show", "--format", "json", json_path.to_str().unwrap()]);
    let again = run(c);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&again.stdout).unwrap(),
        serde_json::from_str::<serde_json::Value>(&json).unwrap()
    );
}

#[test]
fn report_show_refuses_what_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("newer.json");
    std::fs::write(&newer, r#"{"schema_version": 999, "results": []}"#).unwrap();
    let mut c = doctor();
    c.args(["report", "show", newer.to_str().unwrap()]);
    let r = run(c);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("newer than this tool"), "{}", r.stderr);
    let junk = dir.path().join("junk.json");
    std::fs::write(&junk, "<html>").unwrap();
    let mut c = doctor();
    c.args(["report", "show", junk.to_str().unwrap()]);
    let r = run(c);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("is not JSON"), "{}", r.stderr);
}
