//! A real coturn on loopback for the STUN/TURN tests: free ports, its own log and pid files, an
//! optional second address (RFC 5780), TLS with a certificate made here; killed when dropped, so
//! a failing test does not leave it running.

use super::support::rt;
use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, SanType};
use std::net::{SocketAddr, UdpSocket};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU16, Ordering};
use std::time::{Duration, Instant};

pub const USER: &str = "alice";
pub const PASSWORD: &str = "correct-horse-SECRET42";
pub const SHARED_SECRET: &str = "rest-shared-SECRET42";
pub const REALM: &str = "doctor.test";

#[derive(Default, Clone, Copy)]
pub struct Options {
    /// Listen on 127.0.0.2 too (coturn then answers CHANGE-REQUEST and sends OTHER-ADDRESS).
    pub two_ips: bool,
    pub tls: bool,
    /// TURN REST credentials (use-auth-secret) instead of a fixed user.
    pub rest: bool,
    /// Nonce lifetime in seconds (coturn's stale-nonce).
    pub stale_nonce_s: Option<u32>,
}

pub struct Coturn {
    pub port: u16,
    pub tls_port: u16,
    pub ca_pem: Option<tempfile::NamedTempFile>,
    child: Child,
    pub dir: tempfile::TempDir,
}

impl Drop for Coturn {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// coturn present? Under CI it must be (the setup script installs it): a missing one fails there.
pub fn available() -> bool {
    let found = Command::new("turnserver").arg("--help").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok();
    if !found {
        assert!(std::env::var("CI").is_err(), "coturn (turnserver) is not installed: run scripts/setup");
        eprintln!("SKIP: coturn is not installed (scripts/setup installs it)");
    }
    found
}

/// A port free for UDP and TCP on both loopback addresses, with `port + 1` free too (coturn's
/// alternate port for RFC 5780).
fn free_port() -> u16 {
    static NEXT: AtomicU16 = AtomicU16::new(0);
    loop {
        let p = 30000 + (std::process::id() as u16 % 50) * 100 + NEXT.fetch_add(4, Ordering::SeqCst) % 100;
        let ok = (p..p + 4).all(|q| {
            ["127.0.0.1", "127.0.0.2"]
                .iter()
                .all(|ip| UdpSocket::bind((*ip, q)).is_ok() && std::net::TcpListener::bind((*ip, q)).is_ok())
        });
        if ok {
            return p;
        }
    }
}

/// Relay port ranges, disjoint per instance.
fn relay_range() -> (u16, u16) {
    static NEXT: AtomicU16 = AtomicU16::new(0);
    let i = NEXT.fetch_add(1, Ordering::SeqCst) % 40;
    let base = 20000 + (std::process::id() as u16 % 4) * 2000 + i * 50;
    (base, base + 49)
}

pub fn start(o: Options) -> Coturn {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let tls_port = port + 2;
    let (min, max) = relay_range();
    let mut args: Vec<String> = vec![
        "-n".into(),
        // Verbose: session events (allocations, refreshes) are logged, for assertions and debugging.
        "-v".into(),
        "--listening-ip=127.0.0.1".into(),
        "--relay-ip=127.0.0.1".into(),
        format!("--listening-port={port}"),
        format!("--alt-listening-port={}", port + 1),
        format!("--min-port={min}"),
        format!("--max-port={max}"),
        format!("--realm={REALM}"),
        "--allow-loopback-peers".into(),
        "--no-cli".into(),
        "--no-dtls".into(),
        "--simple-log".into(),
        format!("--log-file={}", dir.path().join("turn.log").display()),
        format!("--pidfile={}", dir.path().join("turn.pid").display()),
    ];
    if o.two_ips {
        args.push("--listening-ip=127.0.0.2".into());
    }
    if o.rest {
        args.push("--use-auth-secret".into());
        args.push(format!("--static-auth-secret={SHARED_SECRET}"));
    } else {
        args.push("--lt-cred-mech".into());
        args.push(format!("--user={USER}:{PASSWORD}"));
    }
    if let Some(s) = o.stale_nonce_s {
        args.push(format!("--stale-nonce={s}"));
    }
    let mut ca_pem = None;
    if o.tls {
        let (cert, key, ca) = certificate();
        let cert_path = dir.path().join("cert.pem");
        let key_path = dir.path().join("key.pem");
        std::fs::write(&cert_path, cert).unwrap();
        std::fs::write(&key_path, key).unwrap();
        let ca_file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(ca_file.path(), ca).unwrap();
        ca_pem = Some(ca_file);
        args.push(format!("--tls-listening-port={tls_port}"));
        args.push(format!("--alt-tls-listening-port={}", tls_port + 1));
        args.push(format!("--cert={}", cert_path.display()));
        args.push(format!("--pkey={}", key_path.display()));
    } else {
        args.push("--no-tls".into());
    }
    let child = Command::new("turnserver")
        .args(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start turnserver");
    let c = Coturn { port, tls_port, ca_pem, child, dir };
    c.wait_ready();
    c
}

impl Coturn {
    pub fn log(&self) -> String {
        std::fs::read_dir(self.dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains("turn"))
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect()
    }

    /// Until a Binding request is answered.
    fn wait_ready(&self) {
        let sock = UdpSocket::bind("127.0.0.1:0").unwrap();
        sock.set_read_timeout(Some(Duration::from_millis(100))).unwrap();
        let start = Instant::now();
        let mut buf = [0u8; 512];
        while start.elapsed() < Duration::from_secs(10) {
            let (_, req) = realtime_doctor::stun::msg::request(realtime_doctor::stun::msg::BINDING, vec![], None);
            let _ = sock.send_to(&req, ("127.0.0.1", self.port));
            if sock.recv(&mut buf).is_ok() {
                // TCP/TLS listeners open with the UDP one; give them a moment more.
                std::thread::sleep(Duration::from_millis(50));
                return;
            }
        }
        panic!("coturn did not start on {}: {}", self.port, self.log());
    }

    pub fn addr(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.port))
    }
}

/// A server certificate for "localhost" from a CA made here: (cert PEM, key PEM, CA PEM).
fn certificate() -> (String, String, String) {
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.distinguished_name.push(DnType::CommonName, "realtime-doctor test CA");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().unwrap()).unwrap();
    let key = KeyPair::generate().unwrap();
    let mut leaf = CertificateParams::new(vec!["localhost".to_owned()]).unwrap();
    leaf.subject_alt_names.push(SanType::IpAddress([127, 0, 0, 1].into()));
    let cert = leaf.signed_by(&key, &ca).unwrap();
    let _ = rt();
    (cert.pem(), key.serialize_pem(), ca.pem())
}
