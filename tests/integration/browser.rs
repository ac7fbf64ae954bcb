//! The browser checks with a real headless Chromium (Debian's `chromium`, installed by
//! scripts/setup). Chromium never gathers loopback candidates, so each test runs in a network
//! namespace of its own with an interface of its own (10.203.0.1): the fake API on the namespace's
//! loopback, its media on the dummy address, Chromium and the binary beside them. Needs root and
//! Chromium; skipped with a reason elsewhere, a failure under CI=true.

use super::support::{KEY, Run};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_realtime-doctor");
/// The namespace's non-loopback address: where the fake's media listens, and what Chromium
/// gathers as its host candidate.
const MEDIA: &str = "10.203.0.1";
const API: &str = "http://127.0.0.1:8080";

fn chromium() -> Option<String> {
    ["chromium", "chromium-browser", "google-chrome"].iter().find_map(|n| {
        let p = std::env::split_paths(&std::env::var_os("PATH")?).map(|d| d.join(n)).find(|p| p.is_file())?;
        Some(p.display().to_string())
    })
}

/// Root (namespaces) and Chromium: under CI both must be there.
pub(super) fn available() -> bool {
    static PROBED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *PROBED.get_or_init(|| {
        let probe = format!("rdbprobe{}", std::process::id());
        let ns =
            Command::new("ip").args(["netns", "add", &probe]).stderr(Stdio::null()).status().is_ok_and(|s| s.success());
        let _ = Command::new("ip").args(["netns", "del", &probe]).stderr(Stdio::null()).status();
        let ok = ns && chromium().is_some();
        if !ok {
            assert!(
                std::env::var("CI").is_err(),
                "the browser tests need root (network namespaces) and Chromium: scripts/setup installs it"
            );
            eprintln!("SKIP: the browser tests need root and Chromium (apt install chromium)");
        }
        ok
    })
}

/// Firefox is installed (scripts/setup installs firefox-esr where Debian packages it).
fn firefox() -> bool {
    let found = ["firefox", "firefox-esr"].iter().any(|n| Command::new(n).arg("--version").output().is_ok());
    if !found {
        eprintln!("SKIP: no Firefox (scripts/setup installs firefox-esr where Debian packages it)");
    }
    found
}

/// A namespace with loopback and one more interface, and the fake API in it.
struct Ns {
    name: String,
    fake: Option<Child>,
}

impl Drop for Ns {
    fn drop(&mut self) {
        if let Some(mut c) = self.fake.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
        // Whatever is left in it (a browser's helpers), then the namespace.
        if let Ok(out) = Command::new("ip").args(["netns", "pids", &self.name]).output() {
            for pid in String::from_utf8_lossy(&out.stdout).split_whitespace() {
                let _ = Command::new("kill").args(["-9", pid]).status();
            }
        }
        let _ = Command::new("ip").args(["netns", "del", &self.name]).status();
    }
}

impl Ns {
    /// The namespace, with the fake serving `faults`.
    fn up(faults: &[&str]) -> Ns {
        static N: AtomicU32 = AtomicU32::new(0);
        let name = format!("rdb{}{}", std::process::id() % 100_000, N.fetch_add(1, Ordering::SeqCst));
        let ip = |args: &[&str]| {
            let st = Command::new("ip").args(args).status().unwrap();
            assert!(st.success(), "ip {args:?}");
        };
        ip(&["netns", "add", &name]);
        let mut ns = Ns { name, fake: None };
        let n = ns.name.clone();
        ip(&["-n", &n, "link", "set", "lo", "up"]);
        // A veth pair with both ends inside (the dummy driver may not be loadable in a container).
        ip(&["-n", &n, "link", "add", "d0", "type", "veth", "peer", "name", "d1"]);
        ip(&["-n", &n, "addr", "add", &format!("{MEDIA}/24"), "dev", "d0"]);
        ip(&["-n", &n, "link", "set", "d0", "up"]);
        ip(&["-n", &n, "link", "set", "d1", "up"]);
        // A default route that leads nowhere outside (d1 is inside too): Firefox gathers no
        // candidate on a machine without one.
        ip(&["-n", &n, "route", "add", "default", "via", "10.203.0.2", "dev", "d0"]);
        let mut fake = Command::new("ip")
            .args(["netns", "exec", &n, BIN, "fake-server", "--listen", "127.0.0.1:8080", "--accept-key", KEY])
            .args(["--media", MEDIA])
            .args(faults.iter().flat_map(|f| ["--fault", f]))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Ready when it says where it listens.
        let mut line = String::new();
        BufReader::new(fake.stdout.take().unwrap()).read_line(&mut line).unwrap();
        assert!(line.contains("127.0.0.1:8080"), "fake did not start: {line}");
        ns.fake = Some(fake);
        ns
    }

    /// The binary in the namespace, with the key in its environment.
    fn run(&self, args: &[&str]) -> Run {
        self.run_env(args, &[("OPENAI_API_KEY", KEY)])
    }

    fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        // By its full path: `env` may replace PATH, which would also be searched for `ip`.
        let ip = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .map(|d| d.join("ip"))
            .find(|p| p.is_file())
            .expect("ip on PATH");
        let mut cmd = Command::new(ip);
        cmd.args(["netns", "exec", &self.name, BIN])
            .args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("NO_COLOR", "1")
            .env("HOME", std::env::temp_dir())
            .envs(env.iter().copied());
        super::support::run(cmd)
    }

    /// `browser` in headless Chromium, as CI runs it, with a JSON report.
    fn browser(&self, extra: &[&str]) -> (Run, Value) {
        let mut args = vec!["browser", "--launch", "chromium", "--headless", "--format", "json", "--base-url", API];
        args.extend_from_slice(extra);
        let r = self.run(&args);
        let v = r.json();
        (r, v)
    }
}

fn result<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["results"].as_array().unwrap().iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("no {id} in {v:#}"))
}

fn status(v: &Value, id: &str) -> String {
    result(v, id)["status"].as_str().unwrap_or_default().to_owned()
}

fn cause(v: &Value, id: &str) -> String {
    result(v, id)["cause"]["id"].as_str().unwrap_or_default().to_owned()
}

fn detail(v: &Value, id: &str, name: &str) -> String {
    let details = result(v, id)["evidence"]["details"].as_array().unwrap();
    details.iter().find(|d| d["name"] == name).and_then(|d| d["value"].as_str()).unwrap_or_default().to_owned()
}

fn timing(v: &Value, id: &str, phase: &str) -> Option<f64> {
    let timings = result(v, id)["evidence"]["timings"].as_array()?;
    timings.iter().find(|t| t["phase"] == phase).and_then(|t| t["ms"].as_f64())
}

/// Everything Chromium's network log holds that went over its sockets, decoded: headers and
/// bodies of every request the page made and every response it got.
fn net_log_bytes(path: &std::path::Path) -> Vec<u8> {
    use base64::Engine;
    // A browser that is stopped leaves the log's closing brackets out (one event per line, each
    // followed by a comma): the net-log viewer reads such a log the same way.
    let text = std::fs::read_to_string(path).unwrap();
    let log: Value = serde_json::from_str(&text).unwrap_or_else(|_| {
        let body = text.trim_end().trim_end_matches(',');
        serde_json::from_str(&format!("{body}]}}")).expect("a net log")
    });
    let mut all = Vec::new();
    for e in log["events"].as_array().unwrap() {
        if let Some(b) = e["params"]["bytes"].as_str() {
            all.extend(base64::engine::general_purpose::STANDARD.decode(b).unwrap_or_default());
            all.push(b'\n');
        }
    }
    all
}

#[test]
fn a_headless_chromium_call_passes_and_the_key_never_reaches_the_page() {
    if !available() {
        return;
    }
    let ns = Ns::up(&[]);
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("netlog.json");
    let (r, v) = ns.browser(&[
        &format!("--browser-arg=--log-net-log={}", log.display()),
        "--browser-arg=--net-log-capture-mode=Everything",
    ]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(status(&v, "browser-mic"), "pass", "{}", r.stdout);
    assert_eq!(status(&v, "browser-webrtc"), "pass", "{}", r.stdout);
    // The page's microphone: Chromium's fake device, captured with a level.
    assert!(detail(&v, "browser-mic", "track").contains("Fake"), "{}", r.stdout);
    assert!(detail(&v, "browser-mic", "level").contains("dBFS"), "{}", r.stdout);
    assert_eq!(detail(&v, "browser-mic", "permission"), "granted");
    // The call: forwarded with the standard key (the unified interface), timed from the peer's
    // creation, connected over the namespace's address.
    let web = result(&v, "browser-webrtc");
    assert!(detail(&v, "browser-webrtc", "auth").contains("unified"), "{web:#}");
    let steps = ["offer_created", "gathered", "answer_received", "ice_connected", "dtls_connected", "channel_open"];
    let mut last = 0.0;
    for s in steps {
        let at = timing(&v, "browser-webrtc", s).unwrap_or_else(|| panic!("no {s} timing: {web:#}"));
        assert!(at >= last, "{s} at {at} ms comes before the step before it ({last} ms)");
        last = at;
    }
    let pair = &web["evidence"]["selected_pair"];
    assert_eq!(pair["local"]["address"], MEDIA, "{pair:#}");
    assert_eq!(pair["remote"]["port"], 3478, "{pair:#}");
    assert!(detail(&v, "browser-webrtc", "events").starts_with("session.created"), "{web:#}");
    assert!(detail(&v, "browser-webrtc", "user_agent").contains("Chrome/"));
    // The key: nowhere in the output, nor anything the page sent or received.
    assert!(!r.all_output().contains(KEY) && !r.all_output().contains(&KEY[KEY.len() - 12..]));
    let seen = net_log_bytes(&log);
    let text = String::from_utf8_lossy(&seen);
    assert!(
        text.contains("/offer") && text.contains("application/sdp") && text.contains("oai-events"),
        "the net log holds the page's traffic"
    );
    assert!(!text.contains(&KEY[KEY.len() - 12..]) && !text.contains("sk-proj-"), "the key reached the page");
    assert!(!text.to_lowercase().contains("authorization"), "the page sent or got credentials");
}

#[test]
fn gpt_live_in_the_browser_starts_and_closes_its_session() {
    if !available() {
        return;
    }
    let ns = Ns::up(&[]);
    let (r, v) = ns.browser(&["--api", "live"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(status(&v, "browser-webrtc"), "pass", "{}", r.stdout);
    assert!(detail(&v, "browser-webrtc", "events").contains("session.started"), "{}", r.stdout);
    // The page ends the session as the guide says, and the API confirms.
    assert_eq!(detail(&v, "browser-webrtc", "session_closed"), "close_requested", "{}", r.stdout);
    assert!(detail(&v, "browser-webrtc", "session_id").starts_with("live_"));
}

#[test]
fn a_rejected_key_is_named_from_the_browser_run() {
    if !available() {
        return;
    }
    let ns = Ns::up(&["invalid-key"]);
    let (r, v) = ns.browser(&[]);
    assert_eq!(r.code, 1);
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.invalid_api_key", "{}", r.stdout);
    // The microphone does not depend on the key.
    assert_eq!(status(&v, "browser-mic"), "pass");
    assert_eq!(v["verdict"]["rule"], "key_rejected");
}

#[test]
fn ice_with_no_answer_names_what_the_browser_gathered() {
    if !available() {
        return;
    }
    // The answer's candidates lead nowhere: the browser's checks get no answer.
    let ns = Ns::up(&["candidates-nowhere"]);
    let (r, v) = ns.browser(&[]);
    assert_eq!(r.code, 1);
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.only_host_candidates", "{}", r.stdout);
    assert!(detail(&v, "browser-webrtc", "gathered").contains("host"));
    assert_eq!(v["verdict"]["rule"], "browser_call");
    // Bounded by the page's own wait for ICE (10 s), not the check's budget.
    assert!(r.elapsed.as_secs() < 25, "{:?}", r.elapsed);
    // A shorter budget cuts the page's waits, and it still reports the stage it reached rather
    // than being cut off.
    let (r, v) = ns.browser(&["--timeout", "5s"]);
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.only_host_candidates", "{}", r.stdout);
    // The budget, and the time to stop the browser (SIGTERM, at most 2 s) on a loaded machine.
    assert!(r.elapsed.as_secs_f64() < 8.0, "{:?}", r.elapsed);
}

#[test]
fn a_session_that_never_starts_is_named() {
    if !available() {
        return;
    }
    let ns = Ns::up(&["no-session-created"]);
    let (r, v) = ns.browser(&[]);
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.no_session_created", "{}", r.stdout);
    // The channel did open: the evidence says so.
    assert!(timing(&v, "browser-webrtc", "channel_open").is_some());
}

#[test]
fn a_channel_that_never_opens_in_the_browser_is_named() {
    if !available() {
        return;
    }
    // The answer accepts the channel, but nothing answers SCTP behind it.
    let ns = Ns::up(&["channel-never-opens"]);
    let (r, v) = ns.browser(&[]);
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.channel_never_opens", "{}", r.stdout);
    assert!(timing(&v, "browser-webrtc", "dtls_connected").is_some(), "DTLS did connect: {}", r.stdout);
    // The page created the channel before its offer: the fix is about the path, not that.
    let fix = result(&v, "browser-webrtc")["fix"]["text"].as_str().unwrap().to_owned();
    assert!(fix.contains("MTU") && !fix.contains("before createOffer"), "{fix}");
    assert_eq!(v["verdict"]["rule"], "browser_call");
}

#[test]
fn an_answer_without_a_data_channel_is_caught_before_the_browser() {
    if !available() {
        return;
    }
    let ns = Ns::up(&["no-application"]);
    let (r, v) = ns.browser(&[]);
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.no_application_section", "{}", r.stdout);
    assert_eq!(v["verdict"]["rule"], "browser_call");
}

#[test]
fn permission_denied_and_no_microphone_are_told_apart() {
    if !available() {
        return;
    }
    let ns = Ns::up(&[]);
    // Chromium's fake prompt answering "Block".
    let (r, v) = ns.browser(&["--browser-arg=--use-fake-ui-for-media-stream=deny"]);
    assert_eq!(cause(&v, "browser-mic"), "browser-mic.permission_denied", "{}", r.stdout);
    // The call still runs, listen-only, as an app without a microphone would.
    assert_eq!(status(&v, "browser-webrtc"), "pass", "{}", r.stdout);
    assert!(detail(&v, "browser-webrtc", "audio").contains("listen-only"));
    assert_eq!(v["verdict"]["rule"], "browser_microphone");

    // No fake device and no sound server in the namespace: the browser sees no microphone.
    let r = ns.run(&[
        "browser",
        "--launch",
        "chromium",
        "--browser-arg=--headless",
        "--browser-arg=--use-fake-ui-for-media-stream",
        "--format",
        "json",
        "--base-url",
        API,
    ]);
    let v = r.json();
    assert_eq!(cause(&v, "browser-mic"), "browser-mic.no_device", "{}", r.stdout);
}

#[test]
fn a_page_served_off_loopback_is_not_a_secure_context() {
    if !available() {
        return;
    }
    let ns = Ns::up(&[]);
    let listen = format!("{MEDIA}:0");
    let (r, v) = ns.browser(&["--listen", &listen]);
    assert_eq!(cause(&v, "browser-mic"), "browser-mic.insecure_context", "{}", r.stdout);
    let fix = result(&v, "browser-mic")["fix"]["text"].as_str().unwrap().to_owned();
    assert!(fix.contains("https") && fix.contains("localhost"), "{fix}");
}

#[test]
fn nobody_opening_the_page_ends_at_the_timeout_with_the_url_given() {
    if !available() {
        return;
    }
    let ns = Ns::up(&[]);
    let r = ns.run(&["browser", "--format", "json", "--base-url", API, "--timeout", "2s"]);
    let v = r.json();
    assert_eq!(cause(&v, "browser-mic"), "browser-mic.page_not_opened", "{}", r.stdout);
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.page_not_opened");
    assert_eq!(v["verdict"]["rule"], "browser_page");
    // The URL, with its token, only on the terminal; the report has it without.
    assert!(r.stderr.contains("http://127.0.0.1:") && r.stderr.contains("/r/"), "{}", r.stderr);
    let url = r.stderr.split_whitespace().find(|w| w.starts_with("http://127.0.0.1:")).unwrap();
    assert!(!r.stdout.contains(url), "the page's token is in the report");
    assert!(r.elapsed.as_secs() < 6, "{:?}", r.elapsed);
}

#[test]
fn a_browser_that_cannot_start_is_named() {
    if !available() {
        return;
    }
    let ns = Ns::up(&[]);
    let (r, v) = ns.browser(&["--browser-path", "/nonexistent/chromium"]);
    assert_eq!(r.code, 1);
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.launch_failed", "{}", r.stdout);
    assert!(r.elapsed.as_secs() < 5);
}

#[test]
fn check_all_with_browser_runs_both_peers_and_they_agree() {
    if !available() {
        return;
    }
    let ns = Ns::up(&[]);
    let r = ns.run(&[
        "check-all",
        "--browser",
        "--launch",
        "chromium",
        "--headless",
        "--skip",
        "mic,stun,turn",
        "--format",
        "json",
        "--base-url",
        API,
        "--bind",
        MEDIA,
    ]);
    let v = r.json();
    assert_eq!(r.code, 0, "{}", r.stdout);
    for id in ["key", "sdp", "datachannel", "browser-mic", "browser-webrtc"] {
        assert_eq!(status(&v, id), "pass", "{id}: {}", r.stdout);
    }
    // Without --browser, check-all leaves the browser alone.
    let r = ns.run(&["check-all", "--skip", "mic,stun,turn", "--format", "json", "--base-url", API, "--bind", MEDIA]);
    let ids: Vec<String> =
        r.json()["results"].as_array().unwrap().iter().map(|x| x["id"].as_str().unwrap().to_owned()).collect();
    assert!(!ids.iter().any(|i| i.starts_with("browser")), "{ids:?}");
}

#[test]
fn the_page_offer_goes_through_the_apps_backend_with_no_key_here() {
    if !available() {
        return;
    }
    let ns = Ns::up(&[]);
    // The fake's /api/session stands for the app's backend route: SDP in, SDP out.
    let args = ["browser", "--launch", "chromium", "--headless", "--format", "json", "--base-url", API];
    let via: Vec<&str> = args.iter().copied().chain(["--via", "http://127.0.0.1:8080/api/session"]).collect();
    let r = ns.run_env(&via, &[]);
    let v = r.json();
    assert_eq!(status(&v, "browser-webrtc"), "pass", "{}", r.stdout);
    assert!(detail(&v, "browser-webrtc", "via").contains("/api/session"), "{}", r.stdout);
    // A backend that is not running: named as the backend, not the API.
    let down: Vec<&str> = args.iter().copied().chain(["--via", "http://127.0.0.1:3000/api/session"]).collect();
    let r = ns.run_env(&down, &[]);
    let v = r.json();
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.via_unreachable", "{}", r.stdout);
    assert_eq!(v["verdict"]["rule"], "backend", "{}", r.stdout);
}

#[test]
fn firefox_makes_the_call_too() {
    if !available() {
        return;
    }
    if !firefox() {
        return;
    }
    let ns = Ns::up(&[]);
    let r = ns.run(&["browser", "--launch", "firefox", "--headless", "--format", "json", "--base-url", API]);
    let v = r.json();
    assert_eq!(status(&v, "browser-webrtc"), "pass", "{}", r.stdout);
    assert!(detail(&v, "browser-webrtc", "user_agent").contains("Firefox/"), "{}", r.stdout);
    // Firefox's selected pair comes from the nominated pair (it has no selectedCandidatePairId).
    assert_eq!(result(&v, "browser-webrtc")["evidence"]["selected_pair"]["remote"]["port"], 3478, "{}", r.stdout);
    // Its fake microphone is captured; headless Firefox has no audio output to run WebAudio on,
    // which the check says rather than calling the microphone silent.
    assert_ne!(status(&v, "browser-mic"), "fail", "{}", r.stdout);
    let mic = result(&v, "browser-mic");
    assert!(mic["status"] == "pass" || mic["cause"]["id"] == "browser-mic.level_not_measured", "{mic:#}");
}

#[test]
fn a_browser_that_gathers_nothing_is_named() {
    if !available() || !firefox() {
        return;
    }
    // Firefox on a machine without a default route gathers no candidate at all.
    let ns = Ns::up(&[]);
    let st = Command::new("ip").args(["-n", &ns.name, "route", "del", "default"]).status().unwrap();
    assert!(st.success());
    let r = ns.run(&["browser", "--launch", "firefox", "--headless", "--format", "json", "--base-url", API]);
    let v = r.json();
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.no_candidates_gathered", "{}", r.stdout);
    let fix = result(&v, "browser-webrtc")["fix"]["text"].as_str().unwrap().to_owned();
    assert!(fix.contains("default route (Firefox gathers nothing without one)"), "{fix}");
}

#[test]
fn the_default_browser_without_an_opener_is_named() {
    if !available() {
        return;
    }
    let ns = Ns::up(&[]);
    // A PATH with the tool's helpers but no xdg-open: the opener itself is missing.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().display().to_string();
    let r = ns.run_env(
        &["browser", "--launch", "default", "--format", "json", "--base-url", API],
        &[("OPENAI_API_KEY", KEY), ("PATH", &path)],
    );
    let v = r.json();
    assert_eq!(cause(&v, "browser-mic"), "browser-mic.launch_failed", "{}", r.stdout);
    assert!(result(&v, "browser-mic")["summary"].as_str().unwrap().contains("xdg-open"), "{}", r.stdout);
    // --headless is for a browser the tool starts itself.
    let r = ns.run(&["browser", "--launch", "default", "--headless", "--base-url", API]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--headless needs a browser this tool starts itself"), "{}", r.stderr);
}
