//! check-all for CI and support: the verdict, GitHub annotations, --skip/--only, the support
//! bundle and its redaction, and `report show` on committed examples.

use super::output::committed;
use super::support::*;
use realtime_doctor::fake::{FakeConfig, Fault};

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn bundle_schema_is_generated_from_the_types() {
    let schema = schemars::schema_for!(realtime_doctor::bundle::Bundle);
    committed("docs/bundle.schema.json", &(serde_json::to_string_pretty(&schema).unwrap() + "\n"));
}

#[test]
fn github_annotations_are_well_formed() {
    let s = fake(FakeConfig::new(KEY).fault(Fault::Quota));
    let mut c = doctor();
    c.args(["check-all", "--format", "github", "--base-url", &s.url(), "--skip", "stun,mic"])
        .env("OPENAI_API_KEY", KEY);
    let r = run(c);
    assert_eq!(r.code, 1);
    assert_no_secret(&r.all_output());
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(!lines.is_empty());
    for l in &lines {
        let (head, msg) = l
            .split_once("::")
            .and_then(|(_, rest)| rest.split_once("::"))
            .unwrap_or_else(|| panic!("not a workflow command: {l}"));
        let (level, props) = head.split_once(' ').unwrap();
        assert!(["error", "warning", "notice"].contains(&level), "{l}");
        assert!(
            props.starts_with("title=") && !props[6..].contains(',') && !props[6..].contains(':'),
            "unescaped property: {l}"
        );
        assert!(!msg.contains('\n') && !msg.contains('\r'), "{l}");
    }
    assert!(
        lines.iter().any(|l| l.starts_with("::error title=realtime-doctor key FAIL::insufficient quota")),
        "{}",
        r.stdout
    );
    assert!(lines.iter().any(|l| l.starts_with("::error title=realtime-doctor verdict%3A token::")), "{}", r.stdout);
}

#[test]
fn skip_and_only_report_the_rest_as_skipped() {
    let s = fake(FakeConfig::new(KEY));
    let mut c = doctor();
    c.args(["check-all", "--format", "json", "--base-url", &s.url(), "--only", "key", "--only", "sdp"])
        .env("OPENAI_API_KEY", KEY);
    let r = run(c);
    let v = r.json();
    assert_eq!(r.code, 0, "{}", r.stdout);
    for res in v["results"].as_array().unwrap() {
        let want = if ["key", "sdp"].contains(&res["id"].as_str().unwrap()) { "pass" } else { "skip" };
        assert_eq!(res["status"], want, "{res:#}");
    }
    let mut c = doctor();
    c.args(["check-all", "--format", "json", "--skip", "nope"]);
    assert_eq!(run(c).code, 2, "an unknown check name is a usage error");
}

#[test]
fn the_bundle_holds_no_secret_of_any_kind() {
    let s = fake(FakeConfig::new(KEY));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bundle.json");
    let dead_turn = format!("turn:{}", closed_port());
    let mut c = doctor();
    c.args([
        "check-all",
        "--base-url",
        &s.url(),
        "--report",
        path.to_str().unwrap(),
        "--skip",
        "mic",
        "--turn",
        &dead_turn,
        "--turn-username",
        "alice",
        "--turn-credential",
        "turn-password-SECRET42",
        "--timeout",
        "3s",
    ])
    .env("OPENAI_API_KEY", KEY)
    .env("HTTPS_PROXY", "http://proxyuser:proxy-SECRET42@127.0.0.1:9")
    .env("NO_PROXY", "127.0.0.1");
    let r = run(c);
    let text = std::fs::read_to_string(&path).unwrap();
    for (what, secret) in [
        ("api key", "SECRET42"),
        ("api key body", "test0123456789"),
        ("turn credential", "turn-password"),
        ("proxy password", "proxy-SECRET"),
    ] {
        assert!(!text.contains(secret), "the {what} reached the bundle");
        assert!(!r.all_output().contains(secret), "the {what} reached the output");
    }
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    validate(&v["report"]);
    assert_eq!(v["environment"]["proxy_variables"], serde_json::json!(["HTTPS_PROXY", "NO_PROXY"]));
    // The SDPs are there for support, without ICE credentials or DTLS fingerprints.
    let sdps: Vec<String> = v["report"]["results"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["evidence"]["artifacts"].as_array().cloned().unwrap_or_default())
        .map(|a| a["content"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(sdps.len(), 4, "offer and answer of sdp and datachannel");
    for sdp in &sdps {
        assert!(sdp.contains("m=application"), "{sdp}");
        for l in sdp
            .lines()
            .filter(|l| l.starts_with("a=ice-ufrag:") || l.starts_with("a=ice-pwd:") || l.starts_with("a=fingerprint:"))
        {
            assert!(l.ends_with(":[redacted]"), "{l}");
        }
    }
    // No ephemeral secret either.
    let leaked =
        text.match_indices("ek_").any(|(i, _)| text[i + 3..].chars().next().is_some_and(|c| c.is_ascii_hexdigit()));
    assert!(!leaked, "an ek_ secret reached the bundle");
    // And the TURN REST shared secret, in a run of its own.
    let mut c = doctor();
    c.args([
        "turn",
        "--turn",
        &dead_turn,
        "--turn-secret",
        "rest-shared-SECRET42",
        "--report",
        path.to_str().unwrap(),
        "--timeout",
        "2s",
    ]);
    let r = run(c);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("rest-shared") && !r.all_output().contains("rest-shared"));
}

#[test]
fn report_show_reads_the_committed_examples() {
    // A bundle from this version: shown as the live view showed it, with its verdict.
    let mut c = doctor();
    c.args(["report", "show", root().join("examples/support-bundle.json").to_str().unwrap()]);
    let r = run(c);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("FAIL stun") && r.stdout.contains("Verdict: [ICE gathering]"), "{}", r.stdout);
    assert!(r.stdout.contains("WARN datachannel  data channel open and session ready"), "{}", r.stdout);
    let mut c = doctor();
    c.args(["report", "show", "--format", "json", root().join("examples/support-bundle.json").to_str().unwrap()]);
    let again: serde_json::Value = serde_json::from_str(&run(c).stdout).unwrap();
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("examples/support-bundle.json")).unwrap()).unwrap();
    assert_eq!(again, file, "--format json re-emits the bundle");
    // A schema 1 report (before verdicts): read, and its verdict derived.
    let mut c = doctor();
    c.args(["report", "show", root().join("examples/report-schema1.json").to_str().unwrap()]);
    let r = run(c);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("Verdict: [token]") && r.stdout.contains("billing"), "{}", r.stdout);
}
