//! Test harness: loopback servers on a background runtime, and a runner for the real binary.

use assert_cmd::cargo::CommandCargoExt;
use realtime_doctor::fake::{FakeConfig, FakeServer};
use serde_json::Value;
use std::net::SocketAddr;
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub const KEY: &str = "sk-proj-test0123456789abcdefghijklmnopqrstuvwxyzSECRET42";

/// A tokio runtime shared by every loopback server of the test binary.
pub fn rt() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap())
}

pub fn fake(cfg: FakeConfig) -> FakeServer {
    rt().block_on(FakeServer::start(cfg, "127.0.0.1:0")).expect("fake server")
}

/// What one run of the binary produced.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

impl Run {
    pub fn json(&self) -> Value {
        let v: Value = serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", self.stdout, self.stderr));
        validate(&v);
        v
    }

    /// The single result with this id.
    pub fn result(&self, id: &str) -> Value {
        let v = self.json();
        v["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("no {id} in {v:#}"))
    }

    pub fn all_output(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }
}

/// A command for the binary with a clean environment: no proxies, colours or keys from the host.
pub fn doctor() -> Command {
    let mut c = Command::cargo_bin("realtime-doctor").unwrap();
    c.env_clear().env("PATH", std::env::var("PATH").unwrap_or_default()).env("NO_COLOR", "1");
    c
}

pub fn run(mut cmd: Command) -> Run {
    let start = Instant::now();
    let Output { status, stdout, stderr } = cmd.output().expect("spawn realtime-doctor");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        elapsed: start.elapsed(),
    }
}

/// `realtime-doctor key --format json` against `url` with `key` in OPENAI_API_KEY.
pub fn key_check(url: &str, key: Option<&str>, extra: &[&str]) -> Run {
    let mut c = doctor();
    c.args(["key", "--format", "json", "--base-url", url]).args(extra);
    if let Some(k) = key {
        c.env("OPENAI_API_KEY", k);
    }
    run(c)
}

/// Assert status and cause id of the key result, that a fix is given, and that the key never leaks.
pub fn expect(r: &Run, status: &str, cause: Option<&str>) -> Value {
    let res = r.result("key");
    assert_eq!(res["status"], status, "{res:#}\n{}", r.stderr);
    match cause {
        Some(c) => {
            assert_eq!(res["cause"]["id"], c, "{res:#}");
            assert!(res["fix"]["text"].as_str().is_some_and(|t| t.len() > 20), "no fix: {res:#}");
        }
        None => assert!(res.get("cause").is_none(), "{res:#}"),
    }
    assert_no_secret(&r.all_output());
    let want = if status == "fail" { 1 } else { 0 };
    assert_eq!(r.code, want, "exit code for {status}");
    res
}

pub fn assert_no_secret(text: &str) {
    assert!(!text.contains("SECRET42"), "the key leaked:\n{text}");
    assert!(!text.contains("test0123456789"), "part of the key leaked:\n{text}");
}

/// The committed schema, compiled once.
pub fn validate(v: &Value) {
    static SCHEMA: OnceLock<jsonschema::Validator> = OnceLock::new();
    let validator = SCHEMA.get_or_init(|| {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/report.schema.json")).unwrap();
        jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
    });
    let errors: Vec<String> = validator.iter_errors(v).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "report does not match docs/report.schema.json: {errors:#?}\n{v:#}");
}

/// A port with nothing listening on it (bound, then released).
pub fn closed_port() -> SocketAddr {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap()
}

/// A TCP server that accepts and then never says anything.
pub fn silent_server() -> SocketAddr {
    let l = rt().block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let addr = l.local_addr().unwrap();
    rt().spawn(async move {
        let mut held = Vec::new();
        while let Ok((s, _)) = l.accept().await {
            held.push(s);
        }
    });
    addr
}

/// An address that drops SYNs: a listener that never accepts, with its accept queue filled. Linux
/// drops further SYNs silently when the queue is full, which is what a blackholing firewall does.
pub fn blackhole() -> (SocketAddr, Vec<std::net::TcpStream>) {
    let sock = rt().block_on(async { tokio::net::TcpSocket::new_v4() }).unwrap();
    sock.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = rt().block_on(async { sock.listen(0) }).unwrap();
    let addr = listener.local_addr().unwrap();
    let mut fill = Vec::new();
    // Fill the queue until a connect stalls.
    for _ in 0..8 {
        match std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)) {
            Ok(s) => fill.push(s),
            Err(_) => break,
        }
    }
    std::mem::forget(listener);
    (addr, fill)
}

/// A forwarding HTTP proxy on loopback: `CONNECT host:port` tunnels (RFC 9110 §9.3.6), and a
/// request in absolute form is passed on to its host as it is (HTTP/1.1 servers accept the
/// absolute form). Counts the connections it carried, and to where.
pub fn forwarding_proxy() -> (SocketAddr, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let l = rt().block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let addr = l.local_addr().unwrap();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    rt().spawn(async move {
        while let Ok((mut client, _)) = l.accept().await {
            let log = log.clone();
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") && head.len() < 8192 {
                    if client.read(&mut byte).await.unwrap_or(0) == 0 {
                        return;
                    }
                    head.push(byte[0]);
                }
                let line = String::from_utf8_lossy(&head).lines().next().unwrap_or_default().to_owned();
                let mut parts = line.split_whitespace();
                let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                let authority = if method == "CONNECT" {
                    target.to_owned()
                } else {
                    target.trim_start_matches("http://").split('/').next().unwrap_or("").to_owned()
                };
                log.lock().unwrap().push(format!("{method} {authority}"));
                let Ok(mut upstream) = tokio::net::TcpStream::connect(authority.as_str()).await else {
                    let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n").await;
                    return;
                };
                if method == "CONNECT" {
                    let _ = client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n").await;
                } else if upstream.write_all(&head).await.is_err() {
                    return;
                }
                let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
            });
        }
    });
    (addr, seen)
}
