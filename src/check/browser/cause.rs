//! Why a browser check did not pass: the page's own failures (the browser, the permission, the
//! microphone, ICE as the browser saw it), and the WebRTC checks' causes for what they share (the
//! forwarding of the offer, the answer, DTLS, the data channel, the session).

use crate::check::kind::{CauseKind, Diagnosis, ids};
use crate::check::signal::{CallCause, LIVE};
use crate::report::{Fix, Status};

const WEBRTC: &str = "https://platform.openai.com/docs/guides/realtime-webrtc";
/// MDN's getUserMedia exceptions (the names the page reports).
const GUM: &str = "https://developer.mozilla.org/en-US/docs/Web/API/MediaDevices/getUserMedia#exceptions";

#[derive(Debug, Clone, PartialEq, thiserror::Error, strum::EnumDiscriminants)]
#[strum_discriminants(name(BrowserKind), derive(strum::EnumIter, Hash), vis(pub))]
pub enum BrowserCause {
    /// What the WebRTC checks share: the forwarding of the offer, the answer, ICE, the session.
    #[error("{0}")]
    Call(CallCause),
    #[error("the browser could not be started: {0}")]
    LaunchFailed(String),
    #[error("the page could not be served: {0}")]
    NotServed(String),
    #[error("the browser exited before the page finished: {0}")]
    BrowserExited(String),
    #[error("nobody opened the page in {secs:.0} s")]
    NotOpened { secs: f64 },
    #[error("the microphone permission prompt was not answered in {secs:.0} s")]
    PromptUnanswered { secs: f64 },
    #[error("the page stopped after {secs:.1} s{}", step.as_ref().map(|s| format!(" at \"{s}\"")).unwrap_or_default())]
    Stalled { secs: f64, step: Option<String> },
    #[error("the page is not a secure context ({origin}): browsers offer getUserMedia only over https or on localhost")]
    InsecureContext { origin: String },
    #[error("the microphone permission is blocked for this site ({detail})")]
    PermissionDenied { detail: String },
    #[error("the microphone permission prompt was dismissed ({detail})")]
    PermissionDismissed { detail: String },
    #[error("the browser sees no microphone ({detail})")]
    NoDevice { detail: String },
    #[error("the microphone cannot be opened: another program or tab holds it, or the system blocks it ({detail})")]
    DeviceBusy { detail: String },
    #[error("getUserMedia failed: {detail}")]
    CaptureFailed { detail: String },
    #[error("the microphone track is muted by the system or the device: it delivers silence ({label})")]
    TrackMuted { label: String },
    #[error("digital silence: the captured level is zero ({label})")]
    Silent { label: String },
    #[error("the signal is very quiet: peak {peak_db:.0} dBFS ({label})")]
    Quiet { peak_db: f64, label: String },
    #[error("the level could not be measured: {why}")]
    LevelUnmeasured { why: String },
    #[error("the browser could not create the offer: {detail}")]
    OfferFailed { detail: String },
    #[error("the browser refused the answer that this tool found valid: {detail}")]
    AnswerRefusedByBrowser { detail: String },
    #[error(
        "the browser's ICE checks got no answer, and it gathered only host candidates ({detail}): no path from this network to the media server"
    )]
    HostOnly { detail: String },
    #[error(
        "the browser's ICE checks got no answer: its public address ({srflx}) was found, but the media server cannot be reached from it, and no TURN server is configured"
    )]
    RelayNeeded { srflx: String },
    #[error("the browser gathered no ICE candidate at all{}", if detail.is_empty() { String::new() } else { format!(" ({detail})") })]
    NoCandidates { detail: String, firefox: bool },
    #[error("the browser got no relay from the TURN server {url}: {error}")]
    TurnFailed { url: String, error: String },
    #[error("the connection dropped after it was up: ICE went {state} at {ms:.0} ms")]
    ConnectionDropped { state: String, ms: f64, firefox: bool },
}

ids!(BrowserKind, wraps Call {
    LaunchFailed => "launch_failed",
    NotServed => "page_not_served",
    BrowserExited => "browser_exited",
    NotOpened => "page_not_opened",
    PromptUnanswered => "permission_prompt_unanswered",
    Stalled => "page_stalled",
    InsecureContext => "insecure_context",
    PermissionDenied => "permission_denied",
    PermissionDismissed => "permission_dismissed",
    NoDevice => "no_device",
    DeviceBusy => "device_busy",
    CaptureFailed => "capture_failed",
    TrackMuted => "track_muted",
    Silent => "silence",
    Quiet => "quiet",
    LevelUnmeasured => "level_not_measured",
    OfferFailed => "offer_failed",
    AnswerRefusedByBrowser => "answer_refused_by_browser",
    HostOnly => "only_host_candidates",
    RelayNeeded => "relay_needed",
    NoCandidates => "no_candidates_gathered",
    TurnFailed => "turn_failed_in_browser",
    ConnectionDropped => "connection_dropped",
});

/// The kind enum these causes are reported with, for cause tables.
pub const CAUSES: crate::check::kind::Family = crate::check::kind::Family::of::<BrowserKind, BrowserCause>();

const SITE_PERMISSION: &str = "Chrome: the icon left of the address bar > Site settings > Microphone > Allow (or chrome://settings/content/microphone); \
Firefox: the permissions icon in the address bar > clear the block; Safari: Settings > Websites > Microphone. \
Then check the operating system allows the browser itself (macOS: System Settings > Privacy & Security > Microphone; \
Windows: Settings > Privacy & security > Microphone).";

impl Diagnosis for BrowserCause {
    fn kind(&self) -> CauseKind {
        match self {
            BrowserCause::Call(c) => c.kind(),
            other => CauseKind::of(BrowserKind::from(other)),
        }
    }

    fn status(&self) -> Status {
        match self {
            BrowserCause::Call(c) => c.status(),
            BrowserCause::Quiet { .. } | BrowserCause::LevelUnmeasured { .. } => Status::Warn,
            _ => Status::Fail,
        }
    }

    fn fix(&self) -> Fix {
        match self {
            BrowserCause::Call(c) => c.fix(),
            BrowserCause::LaunchFailed(_) => Fix::new("Install the browser named by --launch (Debian/Ubuntu: apt install chromium, or firefox-esr), give its path with --browser-path, or leave out --launch and open the printed URL in any browser."),
            BrowserCause::NotServed(_) => Fix::new("Choose a free local address for the page with --listen (e.g. 127.0.0.1:8765), or leave it out for a free port on 127.0.0.1."),
            BrowserCause::BrowserExited(_) => Fix::new("Run the browser by hand with the same options to see why it stops (as root Chromium needs --no-sandbox, which --launch adds); or leave out --launch and open the printed URL yourself."),
            BrowserCause::NotOpened { .. } => Fix::new("Open the printed URL in the browser your app runs in (on this machine) and press Start, within the time; or let the tool start one with --launch chromium (--headless in CI). --timeout gives more time."),
            BrowserCause::PromptUnanswered { .. } => Fix::new("Answer the browser's microphone prompt with Allow (it shows under the address bar); a voice app waits on the same prompt, so apps should say why they ask before calling getUserMedia.").doc(GUM),
            BrowserCause::Stalled { .. } => Fix::new("Look at the page's tab for a dialog or an error (the browser's console, F12), and run again with -v; a browser extension that blocks WebRTC or scripts also stops it here."),
            BrowserCause::InsecureContext { .. } => Fix::new("Serve your app over https, or on http://localhost during development: over plain http on another address, navigator.mediaDevices is undefined and no voice app can capture. For this check, leave --listen on 127.0.0.1.").doc(GUM),
            BrowserCause::PermissionDenied { .. } => Fix::new(format!("Allow the microphone for the site: {SITE_PERMISSION}")).doc(GUM),
            BrowserCause::PermissionDismissed { .. } => Fix::new("The prompt was closed without an answer: run again and choose Allow. Chrome blocks a site that was dismissed three times until its permission is reset (the icon left of the address bar).").doc(GUM),
            BrowserCause::NoDevice { .. } => Fix::new("Plug in or enable a microphone, and check the operating system lists it as an input (and lets the browser use it); a voice app should catch NotFoundError and say so.").doc(GUM),
            BrowserCause::DeviceBusy { .. } => Fix::new("Close other programs or tabs that use the microphone (calls, recorders), or pick another input in the system settings; on Windows, exclusive mode in the device's properties also causes this.").doc(GUM),
            BrowserCause::CaptureFailed { .. } => Fix::new("Ask for plain {audio: true} first (constraints that the device cannot meet fail with OverconstrainedError), then read the error name the page reported.").doc(GUM),
            BrowserCause::TrackMuted { .. } => Fix::new("Unmute the input: the headset's mute switch, the system's input volume or mute, or another app holding the device exclusively; a voice app should watch the track's mute event and tell the user.").doc(GUM),
            BrowserCause::Silent { .. } => Fix::new("The browser captures from the wrong or a muted input: pick the microphone in the browser's site settings and in the system's sound settings, and check its mute switch."),
            BrowserCause::Quiet { .. } => Fix::new("Raise the input volume in the system's sound settings, move closer, or speak while the page measures (half a second after Start)."),
            BrowserCause::LevelUnmeasured { .. } => Fix::new("The microphone was captured; only its level is unknown. Browsers keep WebAudio's AudioContext suspended until the person interacts with the page: open the page yourself and press Start to measure it (and in your app, create or resume the AudioContext in a click handler)."),
            BrowserCause::OfferFailed { .. } => Fix::new("The browser itself could not create an offer: update it, and check enterprise policies or extensions that disable WebRTC (chrome://policy: WebRtcIPHandling, WebRtcUdpPortRange).").doc(WEBRTC),
            BrowserCause::AnswerRefusedByBrowser { .. } => Fix::new("This browser refuses an answer other peers accept: update the browser, and report the answer SDP (in the report's artifacts) with the browser's version.").doc(WEBRTC),
            BrowserCause::HostOnly { .. } => Fix::new("The browser found no way out of this network for WebRTC: allow outbound UDP 3478 and TCP 443 to OpenAI's media servers, or give the app a TURN server over TLS on 443 (turns:host:443?transport=tcp) in iceServers. A browser policy that hides addresses (WebRtcIPHandling) also leaves only host candidates.").doc(WEBRTC),
            BrowserCause::RelayNeeded { .. } => Fix::new("Outbound traffic to the media server is blocked from this network: add a TURN server (over TLS on 443 where only web traffic gets out: turns:host:443?transport=tcp) to the app's iceServers, or allow UDP 3478 and TCP 443 to OpenAI's media servers.").doc(WEBRTC),
            BrowserCause::NoCandidates { firefox, .. } => Fix::new(format!(
                "The browser found no network interface it may use for WebRTC: check its WebRTC policy (Chrome: chrome://policy, WebRtcIPHandling set to disable_non_proxied_udp without a proxy that carries UDP), extensions that block WebRTC, and that the machine has a default route{}.",
                if *firefox { " (Firefox gathers nothing without one)" } else { "" }
            )).doc(WEBRTC),
            BrowserCause::TurnFailed { .. } => Fix::new("Check the TURN server's URL and the credentials the app gives the browser (a 401 is a wrong username or password, or expired REST credentials); the turn check tests the same server from this machine.").doc(WEBRTC),
            BrowserCause::ConnectionDropped { firefox: true, .. } => Fix::new("Consent checks (RFC 7675) went unanswered and the browser dropped the connection; Firefox drops after fewer missed checks than Chrome. Look for a firewall or NAT that expires UDP mappings quickly (keep-alive under 30 s), or use TURN over TCP.").doc(LIVE),
            BrowserCause::ConnectionDropped { .. } => Fix::new("Consent checks (RFC 7675) went unanswered and the browser dropped the connection: a firewall or NAT that expires UDP mappings quickly, or a network change (Wi-Fi roaming, VPN); TURN over TCP survives such networks better.").doc(WEBRTC),
        }
    }
}

impl crate::check::kind::Examples for BrowserCause {
    fn examples() -> Vec<BrowserCause> {
        let d = || "NotAllowedError: Permission denied".to_owned();
        let mut all = vec![
            BrowserCause::LaunchFailed("no Chromium found".into()),
            BrowserCause::NotServed("address in use".into()),
            BrowserCause::BrowserExited("chromium exited (exit status: 1)".into()),
            BrowserCause::NotOpened { secs: 120.0 },
            BrowserCause::PromptUnanswered { secs: 120.0 },
            BrowserCause::Stalled { secs: 30.0, step: Some("call: connecting".into()) },
            BrowserCause::InsecureContext { origin: "http://192.168.1.5:8080".into() },
            BrowserCause::PermissionDenied { detail: d() },
            BrowserCause::PermissionDismissed { detail: "NotAllowedError: Permission dismissed".into() },
            BrowserCause::NoDevice { detail: "NotFoundError: Requested device not found".into() },
            BrowserCause::DeviceBusy { detail: "NotReadableError: Could not start audio source".into() },
            BrowserCause::CaptureFailed { detail: "OverconstrainedError".into() },
            BrowserCause::TrackMuted { label: "Default".into() },
            BrowserCause::Silent { label: "Default".into() },
            BrowserCause::Quiet { peak_db: -70.0, label: "Default".into() },
            BrowserCause::LevelUnmeasured { why: "the AudioContext stayed suspended".into() },
            BrowserCause::OfferFailed { detail: "InvalidStateError".into() },
            BrowserCause::AnswerRefusedByBrowser { detail: "OperationError: Failed to parse".into() },
            BrowserCause::HostOnly { detail: "2 host".into() },
            BrowserCause::RelayNeeded { srflx: "203.0.113.7".into() },
            BrowserCause::TurnFailed { url: "turn:turn.example.com:3478".into(), error: "401 Unauthorized".into() },
            BrowserCause::NoCandidates { detail: "ICE failed at 5 ms".into(), firefox: true },
            BrowserCause::NoCandidates { detail: String::new(), firefox: false },
            BrowserCause::ConnectionDropped { state: "failed".into(), ms: 9000.0, firefox: true },
            BrowserCause::ConnectionDropped { state: "disconnected".into(), ms: 9000.0, firefox: false },
        ];
        all.extend(CallCause::examples().into_iter().map(BrowserCause::Call));
        all
    }
}
