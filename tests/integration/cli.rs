//! The command-line surface: subcommands, key sources, exit codes, completions, selftest.

use super::output::committed;
use super::support::*;
use realtime_doctor::fake::FakeConfig;
use std::io::Write;

#[test]
fn help_lists_every_check_and_tool_command() {
    let mut c = doctor();
    c.arg("--help");
    let r = run(c);
    assert_eq!(r.code, 0);
    for sub in ["check-all", "key", "stun", "turn", "mic", "sdp", "datachannel", "selftest", "completions", "report"] {
        assert!(r.stdout.contains(&format!("  {sub}")), "{sub} missing from --help:\n{}", r.stdout);
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in
        [&["key", "--api-key", KEY][..], &["bogus"], &["key", "--timeout", "soon"], &["key", "--base-url", "ftp://x"]]
    {
        let mut c = doctor();
        c.args(args);
        let r = run(c);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert_no_secret(&r.all_output());
    }
}

#[test]
fn key_from_file_and_stdin() {
    let s = fake(FakeConfig::new(KEY));
    let mut f = tempfile::NamedTempFile::new().unwrap();
    writeln!(f, "{KEY}").unwrap();
    let mut c = doctor();
    c.args(["key", "--format", "json", "--base-url", &s.url(), "--api-key-file", f.path().to_str().unwrap()]);
    let res = expect(&run(c), "pass", None);
    assert!(res["evidence"]["details"].to_string().contains("file "), "{res:#}");

    let mut c = doctor();
    c.args(["key", "--format", "json", "--base-url", &s.url(), "--api-key-stdin"]);
    c.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let mut child = c.spawn().unwrap();
    child.stdin.take().unwrap().write_all(format!("{KEY}\n").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let r = Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8_lossy(&out.stdout).into(),
        stderr: String::from_utf8_lossy(&out.stderr).into(),
        elapsed: Default::default(),
    };
    expect(&r, "pass", None);
}

#[test]
fn base_url_with_v1_and_env_settings() {
    let s = fake(FakeConfig::new(KEY));
    let mut c = doctor();
    c.args(["key"])
        .env("OPENAI_API_KEY", KEY)
        .env("OPENAI_BASE_URL", format!("{}/v1", s.url()))
        .env("REALTIME_DOCTOR_FORMAT", "json");
    let r = run(c);
    expect(&r, "pass", None);
    assert_eq!(r.json()["target"]["base_url"], s.url());
}

#[test]
fn strict_turns_warnings_into_failures() {
    let token = "gw-token-0123456789SECRET42";
    let s = fake(FakeConfig::new(token));
    let r = key_check(&s.url(), Some(token), &["--strict"]);
    assert_eq!(r.result("key")["status"], "warn");
    assert_eq!(r.code, 1);
}

#[test]
fn selftest_passes_with_no_key_and_no_network() {
    let mut c = doctor();
    c.args(["selftest", "--format", "json", "--api", "realtime"]);
    let r = run(c);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let v = r.json();
    assert_eq!(v["status"], "pass");
    assert!(v["target"]["base_url"].as_str().unwrap().starts_with("http://127.0.0.1:"));
    let ids: Vec<&str> = v["results"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["key", "stun", "turn", "sdp", "datachannel", "voice"], "selftest runs every built check");
    for r in v["results"].as_array().unwrap() {
        assert_eq!(r["status"], "pass", "{r:#}");
    }
    let turn = &v["results"][2];
    assert!(turn["evidence"]["candidates"].as_array().unwrap().iter().any(|c| c["type"] == "relay"), "{turn:#}");
    let dc = &v["results"][4];
    let phases = dc["evidence"]["timings"].to_string();
    for p in [
        "gathered",
        "answer_received",
        "ice_connected",
        "dtls_connected",
        "channel_open",
        "first_event",
        "session_updated",
    ] {
        assert!(phases.contains(p), "{p} missing: {phases}");
    }
    assert_eq!(dc["evidence"]["selected_pair"]["local"]["type"], "host", "{dc:#}");
    assert!(!r.stdout.contains("sk-proj-selftest0"), "the generated key is a secret too");
}

#[test]
fn completions_and_man_page_are_committed() {
    for (shell, file) in [
        ("bash", "completions/realtime-doctor.bash"),
        ("zsh", "completions/_realtime-doctor"),
        ("fish", "completions/realtime-doctor.fish"),
        ("powershell", "completions/_realtime-doctor.ps1"),
        ("elvish", "completions/realtime-doctor.elv"),
    ] {
        let mut c = doctor();
        c.args(["completions", shell]);
        let r = run(c);
        assert_eq!(r.code, 0);
        committed(file, &r.stdout);
    }
    let mut c = doctor();
    c.arg("man");
    committed("docs/realtime-doctor.1", &run(c).stdout);
}

/// What a new user sees first, on a machine with no key, no sound card and no internet.
#[test]
fn first_run_words() {
    // No key: the WebRTC checks say there is none, not that a key "cannot be used".
    let mut c = doctor();
    c.args(["check-all", "--format", "json", "--skip", "stun,turn,mic"]);
    let r = run(c);
    assert_eq!(r.result("sdp")["summary"].as_str().unwrap().split(" (").next(), Some("not run: no API key was given"));
    // A run that does not talk to the API names no API, base URL or model.
    let mut c = doctor();
    c.args(["stun", "--stun", "stun:127.0.0.1:9"]);
    let r = run(c);
    assert_eq!(r.stdout.lines().next(), Some(format!("realtime-doctor {}", env!("CARGO_PKG_VERSION")).as_str()));
    // A relay-only policy with no TURN server is a usage error, not a peer that "could not be set up".
    let mut c = doctor();
    c.args(["datachannel", "--ice-transport-policy", "relay"]);
    let r = run(c);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--turn"), "{}", r.stderr);
}
