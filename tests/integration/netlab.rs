//! The network lab (tests/netlab/lab.sh): a client behind a router with real NAT and firewall
//! rules, the servers in a simulated internet, the real binary in the client's namespace.
//! Needs root; skipped with a reason elsewhere, a failure under CI=true.

use super::support::{KEY, Run};
use serde_json::Value;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_realtime-doctor");
const TURN_PASSWORD: &str = "lab-turn-SECRET42";
/// The lab's API: https, as the real one, so the key never crosses the lab's network in clear.
/// Its certificate is self-signed as `openssl req -x509` makes one and given with --ca-cert.
const API: &str = "https://198.18.0.2:443";

fn script() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/netlab/lab.sh").to_owned()
}

/// Can this process create network namespaces? Under CI it must. Probed once per process.
fn available() -> bool {
    static PROBED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *PROBED.get_or_init(probe)
}

fn probe() -> bool {
    let probe = format!("rdprobe{}", std::process::id());
    let ok =
        Command::new("ip").args(["netns", "add", &probe]).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
            && Command::new("nft").arg("--version").stdout(Stdio::null()).status().is_ok_and(|s| s.success());
    let _ = Command::new("ip").args(["netns", "del", &probe]).stderr(Stdio::null()).status();
    if !ok {
        assert!(
            std::env::var("CI").is_err(),
            "the network lab cannot start (needs root, iproute2, nftables): scripts/setup installs them"
        );
        eprintln!("SKIP: the network lab needs root, network namespaces and nftables");
    }
    ok
}

struct Lab {
    name: String,
    servers: Vec<Child>,
    dir: tempfile::TempDir,
}

impl Drop for Lab {
    fn drop(&mut self) {
        for c in &mut self.servers {
            let _ = c.kill();
            let _ = c.wait();
        }
        let _ = Command::new("bash").args([&script(), "down", &self.name]).status();
    }
}

fn ns(name: &str, side: &str) -> String {
    format!("{name}-{side}")
}

impl Lab {
    fn up(scenario: &str) -> Lab {
        Lab::up_with(scenario, &[])
    }

    /// A scenario whose fake API runs with `faults` (fake-server's --fault).
    fn up_with(scenario: &str, faults: &[&str]) -> Lab {
        static N: AtomicU32 = AtomicU32::new(0);
        let name = format!("rd{}{}", std::process::id() % 10_000, N.fetch_add(1, Ordering::SeqCst));
        let st = Command::new("bash").args([&script(), "up", &name, scenario]).status().unwrap();
        if !st.success() {
            let _ = Command::new("bash").args([&script(), "down", &name]).status();
            panic!("lab.sh up {scenario} failed");
        }
        let dir = tempfile::tempdir().unwrap();
        let mut lab = Lab { name, servers: Vec::new(), dir };
        let net = ns(&lab.name, "n");
        // coturn on two addresses (RFC 5780), relaying from the first.
        let log = lab.dir.path().join("turn.log");
        lab.servers.push(
            Command::new("ip")
                .args([
                    "netns",
                    "exec",
                    &net,
                    "turnserver",
                    "-n",
                    "--listening-ip=198.18.0.2",
                    "--listening-ip=198.18.0.3",
                    "--relay-ip=198.18.0.2",
                ])
                .args([
                    "--listening-port=3478",
                    "--alt-listening-port=3479",
                    "--min-port=49152",
                    "--max-port=49352",
                    "--realm=lab.test",
                ])
                .args([
                    "--lt-cred-mech",
                    &format!("--user=alice:{TURN_PASSWORD}"),
                    "--no-tls",
                    "--no-dtls",
                    "--no-cli",
                    "--simple-log",
                ])
                .arg(format!("--log-file={}", log.display()))
                .arg(format!("--pidfile={}", lab.dir.path().join("turn.pid").display()))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        // A second TURN server where strict firewalls still let traffic through: TCP 443.
        lab.servers.push(
            Command::new("ip")
                .args([
                    "netns",
                    "exec",
                    &net,
                    "turnserver",
                    "-n",
                    "--listening-ip=198.18.0.3",
                    "--relay-ip=198.18.0.3",
                    "--listening-port=443",
                ])
                .args([
                    "--min-port=49400",
                    "--max-port=49600",
                    "--realm=lab.test",
                    "--lt-cred-mech",
                    &format!("--user=alice:{TURN_PASSWORD}"),
                ])
                .args(["--no-tls", "--no-dtls", "--no-cli", "--simple-log"])
                .arg(format!("--log-file={}", lab.dir.path().join("turn443.log").display()))
                .arg(format!("--pidfile={}", lab.dir.path().join("turn443.pid").display()))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        // The API on .2:443; its media (the WebRTC answerer) where OpenAI's is: UDP 3478 and TCP
        // 443 of a media address.
        let (cert, key) = lab.certificate();
        lab.servers.push(
            Command::new("ip")
                .args([
                    "netns",
                    "exec",
                    &net,
                    BIN,
                    "fake-server",
                    "--listen",
                    "198.18.0.2:443",
                    "--accept-key",
                    KEY,
                    "--media",
                    "198.18.0.4",
                    "--tls-cert",
                    &cert,
                    "--tls-key",
                    &key,
                ])
                .args(faults.iter().flat_map(|f| ["--fault", f]))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        // Ready when, from inside the internet namespace, both answer.
        let start = Instant::now();
        loop {
            let r = lab.run_in(
                &net,
                &[
                    "check-all",
                    "--format",
                    "json",
                    "--only",
                    "key,stun",
                    "--base-url",
                    API,
                    "--stun",
                    "stun:198.18.0.2:3478",
                    "--timeout",
                    "500ms",
                ],
            );
            if r.code == 0 {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(15), "lab servers did not start: {}", r.stdout);
            std::thread::sleep(Duration::from_millis(100));
        }
        lab
    }

    /// The API's certificate and key files: self-signed for its address, `CA:TRUE` as
    /// `openssl req -x509` makes it.
    fn certificate(&self) -> (String, String) {
        let key = rcgen::KeyPair::generate().unwrap();
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params.subject_alt_names = vec![rcgen::SanType::IpAddress([198, 18, 0, 2].into())];
        params.distinguished_name.push(rcgen::DnType::CommonName, "198.18.0.2");
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        let cert = params.self_signed(&key).unwrap();
        let (cert_path, key_path) = (self.dir.path().join("api.pem"), self.dir.path().join("api.key"));
        std::fs::write(&cert_path, cert.pem()).unwrap();
        std::fs::write(&key_path, key.serialize_pem()).unwrap();
        (cert_path.display().to_string(), key_path.display().to_string())
    }

    fn run_in(&self, namespace: &str, args: &[&str]) -> Run {
        let mut cmd = Command::new("ip");
        cmd.args(["netns", "exec", namespace, BIN])
            .args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("NO_COLOR", "1")
            .env("OPENAI_API_KEY", KEY)
            .env("REALTIME_DOCTOR_CA_CERT", self.dir.path().join("api.pem"));
        super::support::run(cmd)
    }

    /// check-all from the client, as a user behind this router would run it.
    fn check_all(&self) -> (Run, Value) {
        self.check_all_with(&[])
    }

    /// check-all with extra options (`--api live`).
    fn check_all_with(&self, extra: &[&str]) -> (Run, Value) {
        let turn_udp = "turn:198.18.0.2:3478?transport=udp";
        let turn_tcp = "turn:198.18.0.2:3478?transport=tcp";
        let turn_443 = "turn:198.18.0.3:443?transport=tcp";
        let args = [
            "check-all",
            "--format",
            "json",
            "--skip",
            "mic",
            "--base-url",
            API,
            "--stun",
            "stun:198.18.0.2:3478",
            "--turn",
            turn_udp,
            "--turn",
            turn_tcp,
            "--turn",
            turn_443,
            "--turn-username",
            "alice",
            "--turn-credential",
            TURN_PASSWORD,
        ];
        // Short waits, unless the caller gives its own.
        let waits: &[&str] = if extra.contains(&"--timeout") { &[] } else { &["--timeout", "4s", "--deadline", "12s"] };
        let args: Vec<&str> = args.iter().chain(waits).chain(extra).copied().collect();
        let r = self.run_in(&ns(&self.name, "c"), &args);
        assert!(!r.stdout.contains(TURN_PASSWORD) && !r.stdout.contains("SECRET42"), "a secret leaked");
        let v: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", r.stdout, r.stderr));
        // The whole output on failure, to debug a scenario from the test log alone.
        eprintln!("--- check-all in {} ---\n{}", self.name, r.stdout);
        (r, v)
    }
}

fn result<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["results"].as_array().unwrap().iter().find(|r| r["id"] == id).unwrap()
}
fn cause(v: &Value, id: &str) -> String {
    result(v, id)["cause"]["id"].as_str().unwrap_or("").to_owned()
}
fn status(v: &Value, id: &str) -> String {
    result(v, id)["status"].as_str().unwrap().to_owned()
}
/// The data channel's selected pair: (local type, local protocol, local source).
fn pair(v: &Value) -> (String, String, String) {
    let l = &result(v, "datachannel")["evidence"]["selected_pair"]["local"];
    let s = |k: &str| l[k].as_str().unwrap_or("").to_owned();
    (s("type"), s("protocol"), s("source"))
}

/// The data channel opened over ICE-TCP to the media server's TCP 443, session.created came, and
/// the check warns that media runs over TCP.
fn opened_over_ice_tcp(v: &Value, out: &str) {
    assert_eq!(pair(v), ("host".into(), "tcp".into(), String::new()), "{out}");
    assert_eq!(cause(v, "datachannel"), "datachannel.media_over_tcp", "{out}");
    assert!(result(v, "datachannel")["summary"].as_str().unwrap().contains("ICE-TCP to 198.18.0.4:443"), "{out}");
    assert_eq!(detail(v, "datachannel", "first_event"), "session.created", "{out}");
}

fn detail(v: &Value, id: &str, name: &str) -> String {
    result(v, id)["evidence"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == name)
        .map(|d| d["value"].as_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[test]
fn no_nat_everything_connects() {
    if !available() {
        return;
    }
    let lab = Lab::up("none");
    let (r, v) = lab.check_all();
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(detail(&v, "stun", "nat_mapping").starts_with("no NAT"), "{}", r.stdout);
    assert_eq!(status(&v, "datachannel"), "pass");
    // With UDP open, UDP is what ICE picks, though ICE-TCP is offered too.
    assert_eq!(pair(&v).1, "udp", "{}", r.stdout);
    assert!(v.get("verdict").is_none());
}

#[test]
fn home_nat_srflx_is_the_router_and_the_channel_opens() {
    if !available() {
        return;
    }
    let lab = Lab::up("nat");
    let (r, v) = lab.check_all();
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(detail(&v, "stun", "nat_mapping").starts_with("endpoint-independent"), "{}", r.stdout);
    let srflx: Vec<&Value> = result(&v, "stun")["evidence"]["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["type"] == "srflx")
        .collect();
    assert!(
        srflx.iter().all(|c| c["address"] == "198.18.0.1") && !srflx.is_empty(),
        "srflx is the router's address: {}",
        r.stdout
    );
    assert!(
        result(&v, "stun")["evidence"]["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["type"] == "host" && c["address"] == "10.77.0.2")
    );
    assert_eq!(status(&v, "datachannel"), "pass");
    assert_eq!(pair(&v).1, "udp", "{}", r.stdout);
    assert_eq!(status(&v, "turn"), "pass");
}

#[test]
fn symmetric_nat_still_connects_to_public_host_candidates() {
    if !available() {
        return;
    }
    let lab = Lab::up("symmetric");
    let (r, v) = lab.check_all();
    assert!(detail(&v, "stun", "nat_mapping").starts_with("address-and-port-dependent"), "{}", r.stdout);
    assert!(detail(&v, "stun", "nat_meaning").contains("peer-reflexive"), "{}", r.stdout);
    assert_eq!(status(&v, "datachannel"), "pass", "{}", r.stdout);
}

#[test]
fn udp_dropped_stun_fails_fast_and_tcp_paths_work() {
    if !available() {
        return;
    }
    let lab = Lab::up("udp-drop");
    let (r, v) = lab.check_all();
    assert_eq!(cause(&v, "stun"), "stun.udp_blocked", "{}", r.stdout);
    assert_eq!(cause(&v, "turn"), "turn.udp_blocked_tcp_works", "{}", r.stdout);
    assert_eq!(cause(&v, "sdp"), "sdp.udp_blocked_tcp_works", "{}", r.stdout);
    opened_over_ice_tcp(&v, &r.stdout);
    assert_eq!(v["verdict"]["rule"], "udp_blocked_tcp_works", "{}", r.stdout);
    assert!(r.elapsed < Duration::from_secs(14), "{:?}", r.elapsed);
}

/// The same network for a GPT-Live app: its session runs over ICE-TCP too, voice included, and both
/// sessions the run creates are closed over their data channels.
#[test]
fn udp_dropped_gpt_live_runs_over_ice_tcp_and_closes_its_sessions() {
    if !available() {
        return;
    }
    let lab = Lab::up("udp-drop");
    let (r, v) = lab.check_all_with(&["--api", "live"]);
    assert_eq!(v["target"]["api"], "live", "{}", r.stdout);
    assert_eq!(cause(&v, "sdp"), "sdp.udp_blocked_tcp_works", "{}", r.stdout);
    assert_eq!(pair(&v), ("host".into(), "tcp".into(), String::new()), "{}", r.stdout);
    assert_eq!(cause(&v, "datachannel"), "datachannel.media_over_tcp", "{}", r.stdout);
    assert!(result(&v, "datachannel")["summary"].as_str().unwrap().contains("session.started"), "{}", r.stdout);
    // The data channel's session goes on in the voice check (one session for both), which
    // speaks over ICE-TCP too and closes it.
    assert_eq!(result(&v, "voice")["status"], "pass", "{}", r.stdout);
    for id in ["sdp", "voice"] {
        let closed = if id == "sdp" { detail(&v, id, "session_close") } else { detail(&v, id, "session_closed") };
        assert!(closed.contains("close_requested"), "{id}: {}", r.stdout);
    }
    assert_eq!(v["verdict"]["rule"], "udp_blocked_tcp_works", "{}", r.stdout);
}

#[test]
fn udp_rejected_is_told_from_dropped() {
    if !available() {
        return;
    }
    let lab = Lab::up("udp-reject");
    let (r, v) = lab.check_all();
    assert_eq!(cause(&v, "stun"), "stun.udp_rejected", "{}", r.stdout);
    opened_over_ice_tcp(&v, &r.stdout);
    assert_eq!(v["verdict"]["rule"], "udp_blocked_tcp_works", "{}", r.stdout);
}

#[test]
fn everything_dropped_fails_every_network_check_within_the_deadline() {
    if !available() {
        return;
    }
    let lab = Lab::up("drop-all");
    let (r, v) = lab.check_all();
    assert_eq!(r.code, 1);
    assert_eq!(cause(&v, "key"), "key.connect_timeout", "{}", r.stdout);
    assert_eq!(cause(&v, "stun"), "stun.udp_blocked", "{}", r.stdout);
    assert_eq!(cause(&v, "turn"), "turn.unreachable", "{}", r.stdout);
    assert_eq!(v["verdict"]["rule"], "api_unreachable", "{}", r.stdout);
    assert!(r.elapsed < Duration::from_secs(14), "{:?}", r.elapsed);
}

#[test]
fn only_tcp_443_allowed() {
    if !available() {
        return;
    }
    let lab = Lab::up("tcp443-only");
    let (r, v) = lab.check_all();
    assert_eq!(status(&v, "key"), "pass", "the API on 443 works: {}", r.stdout);
    assert_eq!(cause(&v, "stun"), "stun.udp_blocked", "{}", r.stdout);
    assert_eq!(cause(&v, "turn"), "turn.udp_blocked_tcp_works", "{}", r.stdout);
    assert!(detail(&v, "turn", "turn:198.18.0.3:443?transport=tcp").contains("reached, authenticated"), "{}", r.stdout);
    assert_eq!(cause(&v, "sdp"), "sdp.udp_blocked_tcp_works", "the media server's TCP 443 answers: {}", r.stdout);
    opened_over_ice_tcp(&v, &r.stdout);
    assert_eq!(v["verdict"]["rule"], "udp_blocked_tcp_works", "{}", r.stdout);
}

/// The browser in the same network: Chromium does ICE-TCP as this machine's peer does, and the
/// two agree on the verdict. With the app's TURN servers, the browser relays over TCP 443.
#[test]
fn only_tcp_443_allowed_the_browser_connects_over_ice_tcp_too() {
    if !available() || !super::browser::available() {
        return;
    }
    let lab = Lab::up("tcp443-only");
    let client = ns(&lab.name, "c");
    // As OpenAI's SDKs do: no ICE servers.
    let r = lab.run_in(
        &client,
        &[
            "check-all",
            "--browser",
            "--launch",
            "chromium",
            "--headless",
            "--skip",
            "mic,turn",
            "--format",
            "json",
            "--base-url",
            API,
            "--stun",
            "stun:198.18.0.2:3478",
            "--timeout",
            "8s",
        ],
    );
    let v: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", r.stdout, r.stderr));
    eprintln!("{}", r.stdout);
    opened_over_ice_tcp(&v, &r.stdout);
    assert_eq!(status(&v, "browser-mic"), "pass", "{}", r.stdout);
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.media_over_tcp", "{}", r.stdout);
    let pair = &result(&v, "browser-webrtc")["evidence"]["selected_pair"];
    // Active ICE-TCP from behind the router: the server sees the router's address, which the
    // browser learns back as peer-reflexive (RFC 8445 §7.2.5.3.1).
    assert_eq!(pair["local"]["protocol"], "tcp", "{pair:#}");
    assert_eq!(pair["local"]["tcp_type"], "active", "{pair:#}");
    assert_eq!((pair["remote"]["address"].as_str(), pair["remote"]["port"].as_u64()), (Some("198.18.0.4"), Some(443)));
    assert_eq!(v["verdict"]["rule"], "udp_blocked_tcp_works", "{}", r.stdout);
    let summary = v["verdict"]["summary"].as_str().unwrap();
    assert!(summary.contains("this machine's call and the browser's did"), "{summary}");

    // The app's TURN servers given to the browser too: only the one on TCP 443 gets through, and
    // the browser's media goes through it.
    let extra = ["--browser", "--launch", "chromium", "--headless", "--timeout", "8s", "--deadline", "45s"];
    let (r, v) = lab.check_all_with(&extra);
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.media_over_tcp", "{}", r.stdout);
    let web = result(&v, "browser-webrtc");
    assert!(web["summary"].as_str().unwrap().contains("TURN relay (TCP to turn:198.18.0.3:443"), "{web:#}");
    // The TURN servers that do not answer held gathering up: said too.
    assert!(detail(&v, "browser-webrtc", "also").contains("ICE gathering did not complete"), "{web:#}");
}

#[test]
fn udp_3478_dropped_but_other_udp_allowed() {
    if !available() {
        return;
    }
    let lab = Lab::up("udp3478-drop");
    let (r, v) = lab.check_all();
    assert_eq!(cause(&v, "stun"), "stun.udp_blocked", "{}", r.stdout);
    assert_eq!(cause(&v, "sdp"), "sdp.udp_blocked_tcp_works", "{}", r.stdout);
    assert!(detail(&v, "sdp", "check udp 198.18.0.4:3478").starts_with("no"), "{}", r.stdout);
    opened_over_ice_tcp(&v, &r.stdout);
    assert_eq!(v["verdict"]["rule"], "udp_blocked_tcp_works", "{}", r.stdout);
}

/// Only the TURN servers get through: the browser without them finds no way (and says which
/// candidates it had); with the app's TURN servers it relays over TCP, as this machine's peer does.
#[test]
fn only_a_turn_relay_gets_through_for_the_browser_too() {
    if !available() || !super::browser::available() {
        return;
    }
    let lab = Lab::up("relay-only");
    let client = ns(&lab.name, "c");
    let alone = ["browser", "--launch", "chromium", "--headless", "--format", "json", "--base-url", API];
    let r = lab.run_in(&client, &alone);
    let v: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", r.stdout, r.stderr));
    eprintln!("{}", r.stdout);
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.only_host_candidates", "{}", r.stdout);
    let fix = result(&v, "browser-webrtc")["fix"]["text"].as_str().unwrap();
    assert!(fix.contains("turns:host:443?transport=tcp"), "{fix}");

    let extra = ["--browser", "--launch", "chromium", "--headless", "--timeout", "8s", "--deadline", "45s"];
    let (r, v) = lab.check_all_with(&extra);
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.media_over_tcp", "{}", r.stdout);
    let local = &result(&v, "browser-webrtc")["evidence"]["selected_pair"]["local"];
    assert_eq!(local["type"], "relay", "{local:#}");
    assert!(local["source"].as_str().unwrap_or_default().ends_with("?transport=tcp"), "{local:#}");
    assert_eq!(v["verdict"]["rule"], "udp_blocked_turn_tcp_works", "{}", r.stdout);
}

/// Behind a home NAT, with an answer whose candidates lead nowhere, the browser's ICE failure is
/// told by what it gathered: its public address but no relay (a relay is needed), a relay that
/// cannot reach the media server either, or a TURN server that refused its credentials.
#[test]
fn the_browsers_ice_failures_are_told_by_what_it_gathered() {
    if !available() || !super::browser::available() {
        return;
    }
    let lab = Lab::up_with("nat", &["candidates-nowhere"]);
    let client = ns(&lab.name, "c");
    let browser = |extra: &[&str]| {
        let mut args = vec!["browser", "--launch", "chromium", "--headless", "--format", "json", "--base-url", API];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--stun", "stun:198.18.0.2:3478", "--turn-username", "alice"]);
        let r = lab.run_in(&client, &args);
        let v: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", r.stdout, r.stderr));
        assert!(!r.stdout.contains(TURN_PASSWORD), "a secret leaked");
        (r, v)
    };
    let (r, v) = browser(&[]);
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.relay_needed", "{}", r.stdout);
    assert!(result(&v, "browser-webrtc")["summary"].as_str().unwrap().contains("198.18.0.1"), "the router's address");

    let turn = "turn:198.18.0.2:3478?transport=udp";
    let (r, v) = browser(&["--turn", turn, "--turn-credential", TURN_PASSWORD]);
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.ice_stuck_checking", "{}", r.stdout);
    assert!(detail(&v, "browser-webrtc", "gathered").contains("relay"), "{}", r.stdout);

    let (r, v) = browser(&["--turn", turn, "--turn-credential", "wrong-password"]);
    assert_eq!(cause(&v, "browser-webrtc"), "browser-webrtc.turn_failed_in_browser", "{}", r.stdout);
    assert!(result(&v, "browser-webrtc")["summary"].as_str().unwrap().contains("401"), "{}", r.stdout);
}

#[test]
fn only_a_turn_relay_over_tcp_gets_through() {
    if !available() {
        return;
    }
    let lab = Lab::up("relay-only");
    let (r, v) = lab.check_all();
    assert_eq!(status(&v, "key"), "pass", "the API works: {}", r.stdout);
    assert_eq!(cause(&v, "stun"), "stun.udp_blocked", "{}", r.stdout);
    assert_eq!(cause(&v, "turn"), "turn.udp_blocked_tcp_works", "{}", r.stdout);
    assert_eq!(cause(&v, "sdp"), "sdp.candidates_unreachable", "no media candidate answers: {}", r.stdout);
    // The call goes through the TURN relay, reached over TCP, and says so.
    let (kind, _, source) = pair(&v);
    assert!(kind == "relay" && source.ends_with("?transport=tcp"), "{}", r.stdout);
    assert_eq!(cause(&v, "datachannel"), "datachannel.media_over_tcp", "{}", r.stdout);
    assert!(
        result(&v, "datachannel")["summary"].as_str().unwrap().contains("through the TURN relay turn:198.18.0."),
        "{}",
        r.stdout
    );
    // Not "ICE stuck": the turn check's own evidence names what is wrong and what works, and the
    // fix does not ask to configure the relay that carried the call.
    assert_eq!(v["verdict"]["rule"], "udp_blocked_turn_tcp_works", "{}", r.stdout);
    let fix = v["verdict"]["fix"]["text"].as_str().unwrap();
    assert!(
        fix.contains("Keep turn:198.18.0.")
            && fix.contains("turn:198.18.0.3:443?transport=tcp")
            && fix.contains("iceServers"),
        "{fix}"
    );
    assert!(!fix.contains("198.18.0.2:3478?transport=udp"), "the UDP URL did not relay: {fix}");
}

#[test]
fn udp_dropped_and_no_tcp_candidate_goes_through_the_turn_relay_over_tcp() {
    if !available() {
        return;
    }
    // The answer offers UDP only: with UDP dropped, the TURN relay over TCP is the only way.
    let lab = Lab::up_with("udp-drop", &["udp-only-answer"]);
    let (r, v) = lab.check_all();
    let (kind, _, source) = pair(&v);
    assert!(kind == "relay" && source.ends_with("?transport=tcp"), "{}", r.stdout);
    assert_eq!(cause(&v, "datachannel"), "datachannel.media_over_tcp", "{}", r.stdout);
    assert_eq!(detail(&v, "datachannel", "first_event"), "session.created", "{}", r.stdout);
    assert_eq!(v["verdict"]["rule"], "udp_blocked_turn_tcp_works", "{}", r.stdout);
}
