//! A private, headless PulseAudio for the microphone tests: its own HOME and XDG_RUNTIME_DIR, a
//! `module-pipe-source` whose FIFO the test feeds in real time (24 kHz S16LE mono), and an
//! `.asoundrc` that routes ALSA's default device to it, as on most Linux desktops. Nothing on the
//! machine is changed; the server is killed when dropped.

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

pub const RATE: usize = 24_000;

pub struct Pulse {
    child: Child,
    pub dir: tempfile::TempDir,
    stop: Arc<AtomicBool>,
}

impl Drop for Pulse {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn available() -> bool {
    let found =
        Command::new("pulseaudio").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok();
    if !found {
        assert!(std::env::var("CI").is_err(), "pulseaudio is not installed: run scripts/setup");
        eprintln!("SKIP: pulseaudio is not installed (scripts/setup installs it)");
    }
    found
}

impl Pulse {
    /// Start the server and feed `sample(i)` (frame i) for `feed_for`, paced in real time; after
    /// that the writer stops but keeps the FIFO open, so the source stalls as a dead device does.
    pub fn start(sample: impl Fn(usize) -> i16 + Send + 'static, feed_for: Duration) -> Pulse {
        Pulse::start_after(Duration::ZERO, sample, feed_for)
    }

    /// Like `start`, but the first sample is written only after `delay` (a slow-starting device).
    pub fn start_after(delay: Duration, sample: impl Fn(usize) -> i16 + Send + 'static, feed_for: Duration) -> Pulse {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        let run = dir.path().join("run");
        std::fs::create_dir_all(&home).unwrap();
        std::fs::create_dir_all(&run).unwrap();
        let fifo = dir.path().join("mic.fifo");
        let socket = dir.path().join("native");
        std::fs::write(home.join(".asoundrc"), "pcm.!default { type pulse }\nctl.!default { type pulse }\n").unwrap();
        let script = format!(
            "load-module module-native-protocol-unix auth-anonymous=1 socket={}\n\
             load-module module-pipe-source source_name=testmic file={} format=s16le rate={RATE} channels=1\n\
             set-default-source testmic\n\
             load-module module-null-sink sink_name=nullsink\n\
             set-default-sink nullsink\n",
            socket.display(),
            fifo.display()
        );
        std::fs::write(dir.path().join("script.pa"), script).unwrap();
        let child = Command::new("pulseaudio")
            .args(["-n", "-F"])
            .arg(dir.path().join("script.pa"))
            .args([
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--use-pid-file=no",
                "--log-target=stderr",
                "--realtime=no",
                "--high-priority=no",
            ])
            .env("HOME", &home)
            .env("XDG_RUNTIME_DIR", &run)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start pulseaudio");
        let start = Instant::now();
        while !(fifo.exists() && socket.exists()) {
            assert!(start.elapsed() < Duration::from_secs(10), "pulseaudio did not start");
            std::thread::sleep(Duration::from_millis(20));
        }
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let socket_for_wait = socket.clone();
        std::thread::spawn(move || {
            let mut f = std::fs::OpenOptions::new().write(true).open(&fifo).expect("open the FIFO");
            // Wait for a client before counting the delay: the delay is from the capture's start.
            if !delay.is_zero() {
                let waited = Instant::now();
                while !flag.load(Ordering::SeqCst)
                    && waited.elapsed() < Duration::from_secs(10)
                    && !client_connected(&socket_for_wait)
                {
                    std::thread::sleep(Duration::from_millis(10));
                }
                std::thread::sleep(delay);
            }
            let chunk = RATE / 50; // 20 ms
            let begun = Instant::now();
            let mut i = 0usize;
            while !flag.load(Ordering::SeqCst) {
                if begun.elapsed() < feed_for {
                    let bytes: Vec<u8> = (i..i + chunk).flat_map(|n| sample(n).to_le_bytes()).collect();
                    if f.write_all(&bytes).is_err() {
                        return;
                    }
                    i += chunk;
                }
                // Real time: never more than 60 ms ahead of the clock.
                let due = Duration::from_secs_f64(i as f64 / RATE as f64);
                let ahead = due.saturating_sub(begun.elapsed());
                std::thread::sleep(ahead.saturating_sub(Duration::from_millis(60)).max(Duration::from_millis(5)));
            }
        });
        Pulse { child, dir, stop }
    }

    /// Environment for a client of this server.
    pub fn env(&self) -> Vec<(String, String)> {
        vec![
            ("HOME".into(), self.dir.path().join("home").display().to_string()),
            ("XDG_RUNTIME_DIR".into(), self.dir.path().join("run").display().to_string()),
            ("PULSE_SERVER".into(), format!("unix:{}", self.dir.path().join("native").display())),
        ]
    }
}

/// A sine of `peak` (0..1 of full scale) at 440 Hz, as S16.
pub fn tone(peak: f64) -> impl Fn(usize) -> i16 {
    move |i| {
        let x = peak * 32767.0 * (2.0 * std::f64::consts::PI * 440.0 * i as f64 / RATE as f64).sin();
        x.clamp(-32768.0, 32767.0) as i16
    }
}

/// The RMS in dBFS of what `tone(peak)` writes, computed the way the tool computes it.
pub fn truth_rms_dbfs(peak: f64) -> f64 {
    let f = tone(peak);
    let n = RATE;
    let sum: f64 = (0..n).map(|i| (f64::from(f(i)) / 32768.0).powi(2)).sum();
    20.0 * (sum / n as f64).sqrt().log10()
}

/// Whether a client holds a connection to the server's socket (a capture has started).
fn client_connected(socket: &std::path::Path) -> bool {
    let Ok(table) = std::fs::read_to_string("/proc/net/unix") else { return true };
    let path = socket.display().to_string();
    // A listening socket has state 01 and flags 00010000; an accepted connection shows up as a
    // second entry with the same path and state 03 (connected).
    table.lines().filter(|l| l.ends_with(&path)).any(|l| l.split_whitespace().nth(5) == Some("03"))
}
