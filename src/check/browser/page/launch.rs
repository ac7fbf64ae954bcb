//! Starting a browser on the page: Chromium/Chrome or Firefox with a private profile in a
//! temporary directory (so the person's own profile, extensions and saved permissions play no
//! part, and nothing is left behind), or the system's default browser as it is.

use crate::args::Launch;
use crate::settings::BrowserSettings;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The names a browser is installed under, tried in order on PATH, then the usual install paths.
const CHROMIUM: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/snap/bin/chromium",
    // Microsoft Edge is Chromium too.
    "microsoft-edge",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
];
const FIREFOX: &[&str] = &[
    "firefox",
    "firefox-esr",
    "/Applications/Firefox.app/Contents/MacOS/firefox",
    r"C:\Program Files\Mozilla Firefox\firefox.exe",
];

/// A browser this process started; stopped (and its profile removed) by [`Browser::stop`] or on drop.
pub struct Browser {
    /// What was started, for the evidence.
    pub name: String,
    child: Option<Child>,
    profile: Option<tempfile::TempDir>,
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(c) = self.child.take() {
            end(c, std::time::Instant::now());
        }
    }
}

/// How long a browser gets to exit on SIGTERM (closing its profile and logs) before SIGKILL.
const GRACE: std::time::Duration = std::time::Duration::from_secs(2);

/// End the browser and its helper processes (its process group): SIGTERM, then SIGKILL once it
/// has had its grace or `until` has come, whichever is sooner.
fn end(mut child: Child, until: std::time::Instant) {
    #[cfg(unix)]
    {
        // The child leads its process group (spawned with process_group(0)).
        let group = rustix::process::Pid::from_raw(child.id() as i32);
        if let Some(g) = group {
            let _ = rustix::process::kill_process_group(g, rustix::process::Signal::TERM);
        }
        let until = until.min(std::time::Instant::now() + GRACE);
        while std::time::Instant::now() < until {
            if let Ok(Some(_)) = child.try_wait() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        // Whatever of the group is still there.
        if let Some(g) = group {
            let _ = rustix::process::kill_process_group(g, rustix::process::Signal::KILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The first of `names` that exists: a path as given, a bare name on PATH.
fn find(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    names.iter().find_map(|n| {
        let p = Path::new(n);
        if p.is_absolute() {
            return p.is_file().then(|| p.to_path_buf());
        }
        std::env::split_paths(&path).map(|d| d.join(n)).find(|f| f.is_file())
    })
}

/// Running as root (containers, CI): Chromium refuses to start with its sandbox.
fn is_root() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
    }
    #[cfg(not(unix))]
    {
        false
    }
}

impl Browser {
    pub fn start(which: Launch, b: &BrowserSettings, url: &str) -> Result<Browser, String> {
        match which {
            Launch::Default => open_default(url),
            Launch::Chromium => {
                let exe = match &b.path {
                    Some(p) => p.clone(),
                    None => find(CHROMIUM).ok_or_else(|| {
                        "no Chromium, Google Chrome or Microsoft Edge found (looked for chromium, chromium-browser, google-chrome, microsoft-edge on PATH and in the usual install folders): install one, or give --browser-path".to_owned()
                    })?,
                };
                let profile = profile()?;
                let mut cmd = Command::new(&exe);
                cmd.arg(format!("--user-data-dir={}", profile.path().display()))
                    .args(["--no-first-run", "--no-default-browser-check", "--disable-sync"])
                    .args(["--disable-background-networking", "--disable-component-update"])
                    // The page measures the level with WebAudio without waiting for a click.
                    .arg("--autoplay-policy=no-user-gesture-required");
                if b.headless {
                    cmd.args(["--headless", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]);
                }
                if is_root() {
                    cmd.arg("--no-sandbox");
                }
                spawn(cmd.args(&b.args).arg(url), &exe, Some(profile))
            }
            Launch::Firefox => {
                let exe = match &b.path {
                    Some(p) => p.clone(),
                    None => find(FIREFOX).ok_or_else(|| {
                        "no Firefox found (looked for firefox, firefox-esr on PATH): install it, or give --browser-path".to_owned()
                    })?,
                };
                let profile = profile()?;
                // Firefox takes its settings from the profile's user.js.
                let mut prefs = String::from(
                    "user_pref(\"browser.shell.checkDefaultBrowser\", false);\n\
                     user_pref(\"datareporting.policy.dataSubmissionEnabled\", false);\n\
                     user_pref(\"browser.aboutwelcome.enabled\", false);\n\
                     user_pref(\"media.autoplay.default\", 0);\n\
                     user_pref(\"media.autoplay.block-webaudio\", false);\n",
                );
                // Headless: a fake microphone with the permission granted, and WebAudio on a null
                // output (a CI machine has no sound server; without one the AudioContext never runs).
                if b.headless {
                    prefs.push_str(
                        "user_pref(\"media.navigator.streams.fake\", true);\n\
                         user_pref(\"media.navigator.permission.disabled\", true);\n\
                         user_pref(\"media.cubeb.force_null_context\", true);\n",
                    );
                }
                std::fs::write(profile.path().join("user.js"), prefs)
                    .map_err(|e| format!("writing the profile: {e}"))?;
                let mut cmd = Command::new(&exe);
                cmd.args(["--no-remote", "--profile"]).arg(profile.path());
                if b.headless {
                    cmd.arg("--headless");
                }
                spawn(cmd.args(&b.args).arg(url), &exe, Some(profile))
            }
        }
    }

    /// `Some(why)` once the browser has exited (a browser this process did not start never does).
    pub fn exited(&mut self) -> Option<String> {
        let child = self.child.as_mut()?;
        let status = child.try_wait().ok()??;
        let tail = self.profile.as_ref().map(|p| stderr_tail(&p.path().join("stderr.log"))).unwrap_or_default();
        Some(format!("{} exited ({status}){tail}", self.name))
    }

    /// Stop the browser (by `until` at the latest: the check's answer must not wait on it) and
    /// remove its profile.
    pub fn stop(mut self, until: std::time::Instant) {
        if let Some(c) = self.child.take() {
            end(c, until);
        }
        drop(self.profile.take());
    }
}

fn profile() -> Result<tempfile::TempDir, String> {
    tempfile::Builder::new()
        .prefix("realtime-doctor-browser-")
        .tempdir()
        .map_err(|e| format!("creating a browser profile directory: {e}"))
}

fn spawn(cmd: &mut Command, exe: &Path, profile: Option<tempfile::TempDir>) -> Result<Browser, String> {
    // The browser's own messages go to a file in its profile, kept for when it exits early.
    let log = profile.as_ref().and_then(|p| std::fs::File::create(p.path().join("stderr.log")).ok());
    // Its own process group, so that its helpers (renderer, GPU, zygote) end with it.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(cmd, 0);
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log.map(Stdio::from).unwrap_or_else(Stdio::null))
        .spawn()
        .map_err(|e| format!("{} could not be started: {e}", exe.display()))?;
    Ok(Browser { name: exe.display().to_string(), child: Some(child), profile })
}

/// The system's default browser, through the platform's opener; it keeps running afterwards.
fn open_default(url: &str) -> Result<Browser, String> {
    let (opener, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let status = Command::new(opener)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("{opener} could not be started: {e}"))?;
    if !status.success() {
        return Err(format!("{opener} could not open the page ({status})"));
    }
    Ok(Browser { name: format!("the default browser ({opener})"), child: None, profile: None })
}

/// The last lines a browser printed, that are not its usual noise.
fn stderr_tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let tail = lines[lines.len().saturating_sub(3)..].join(" / ");
    if tail.is_empty() { String::new() } else { format!(": {}", tail.chars().take(400).collect::<String>()) }
}
