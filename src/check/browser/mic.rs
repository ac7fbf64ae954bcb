//! `browser-mic`: the microphone as the browser gives it to a page: the secure context, the
//! site's permission (before and after asking), the device list, getUserMedia's outcome by its
//! DOMException name (MDN's getUserMedia exceptions), the track's mute state and WebAudio's
//! level.

use super::BrowserCause;
use super::page::PageRun;
use super::page::results::{Mic, PageError, PageResults};
use crate::args::OptionGroup;
use crate::check::kind::CauseTable;
use crate::check::{CheckSpec, Ctx, Outcome, check_fn};
use crate::report::{CheckId, CheckResult};

pub const SPEC: CheckSpec = CheckSpec {
    title: "Microphone in the browser",
    about: "Check the microphone in a browser: the site's permission, the device list, getUserMedia and the level, as your voice app's page gets them",
    waits: super::WAITS,
    budget: super::budget,
    budget_text: super::BUDGET_TEXT,
    needs: &[],
    // The page runs once, after this machine's own microphone capture and call: one device user
    // and one call at a time.
    after: &[CheckId::Mic, CheckId::Sdp, CheckId::Datachannel, CheckId::Voice],
    options: &[OptionGroup::Api, OptionGroup::Ice, OptionGroup::Peer, OptionGroup::Browser],
    in_selftest: false,
    in_browser: true,
    stage: "microphone",
    causes: CauseTable(&[super::CAUSES, crate::check::signal::CAUSES, crate::check::key::CAUSES]),
    run: check_fn!(run),
};

/// Under this peak the signal is too quiet for voice activity detection (the CLI's mic check
/// uses the same floor for its RMS).
const QUIET_DB: f64 = -60.0;

pub async fn run(ctx: &Ctx) -> CheckResult {
    let mut out = Outcome::new(CheckId::BrowserMic);
    let page = super::page::shared(ctx).await;
    super::common_evidence(&page, &mut out);
    let verdict = judge(&page, &mut out);
    out.judged(verdict)
}

fn db(x: f64) -> f64 {
    if x > 0.0 { 20.0 * x.log10() } else { f64::NEG_INFINITY }
}

/// The page's microphone results, judged.
pub fn judge(page: &PageRun, out: &mut Outcome) -> Result<(String, Option<BrowserCause>), BrowserCause> {
    judge_results(super::results(page)?, &page.url, out)
}

pub fn judge_results(
    r: &PageResults,
    url: &str,
    out: &mut Outcome,
) -> Result<(String, Option<BrowserCause>), BrowserCause> {
    let m = &r.mic;
    record_access(r, out);
    if !r.secure_context {
        let origin = url::Url::parse(url).map(|u| u.origin().ascii_serialization()).unwrap_or_else(|_| url.to_owned());
        return Err(BrowserCause::InsecureContext { origin });
    }
    if !m.media_devices {
        // A secure context without the API: the browser, or a policy, has none to give.
        let detail = "navigator.mediaDevices.getUserMedia does not exist in this browser".to_owned();
        return Err(BrowserCause::CaptureFailed { detail });
    }
    if let Some(e) = &m.error {
        out.evidence.detail("getusermedia", e.to_string());
        return Err(refusal_cause(m, e));
    }
    let label = judge_track(m, out)?;
    judge_level(m, label, out)
}

/// What the page saw before any capture, in the evidence: the secure context, the site's
/// permission, the inputs listed, and how long getUserMedia took.
fn record_access(r: &PageResults, out: &mut Outcome) {
    let m = &r.mic;
    out.evidence.detail("secure_context", if r.secure_context { "yes" } else { "no" });
    out.evidence.detail("permission", m.permission.clone().unwrap_or_else(|| "unknown (no Permissions API)".into()));
    if let Some(devices) = &m.devices {
        let named: Vec<&str> = devices.iter().map(|d| if d.is_empty() { "(unnamed)" } else { d.as_str() }).collect();
        out.evidence.detail("inputs", if named.is_empty() { "none".to_owned() } else { named.join(", ") });
    }
    if let Some(ms) = m.ms.filter(|v| v.is_finite() && (0.0..86_400_000.0).contains(v)) {
        out.evidence.timing("getusermedia", std::time::Duration::from_secs_f64(ms / 1000.0));
    }
}

/// Why getUserMedia refused, by its DOMException name (MDN's getUserMedia exceptions), with the
/// permission's state and the device list to tell a dismissed prompt and a missing device apart.
fn refusal_cause(m: &Mic, e: &PageError) -> BrowserCause {
    let detail = e.to_string();
    let no_inputs = m.devices.as_ref().is_some_and(|d| d.is_empty());
    match e.name.as_str() {
        "NotAllowedError" | "PermissionDeniedError" => {
            // Chrome says "Permission dismissed" for a closed prompt; any browser leaves the
            // state at "prompt" when the person did not choose.
            if e.message.to_lowercase().contains("dismiss") || m.permission_after.as_deref() == Some("prompt") {
                BrowserCause::PermissionDismissed { detail }
            } else {
                BrowserCause::PermissionDenied { detail }
            }
        }
        "NotFoundError" | "DevicesNotFoundError" => BrowserCause::NoDevice { detail },
        "OverconstrainedError" if no_inputs => BrowserCause::NoDevice { detail },
        "NotReadableError" | "TrackStartError" | "AbortError" => BrowserCause::DeviceBusy { detail },
        _ => BrowserCause::CaptureFailed { detail },
    }
}

/// The track getUserMedia gave, in the evidence: its label (for what follows), or why there is no
/// usable one (none given, or muted).
fn judge_track(m: &Mic, out: &mut Outcome) -> Result<String, BrowserCause> {
    let Some(track) = &m.track else {
        return Err(BrowserCause::CaptureFailed { detail: "getUserMedia gave no audio track".into() });
    };
    let label = if track.label.is_empty() { "unnamed input".to_owned() } else { track.label.clone() };
    out.evidence.detail("track", format!("{label} ({})", track.ready_state));
    if let (Some(rate), Some(ch)) = (track.sample_rate, track.channel_count) {
        out.evidence.detail("format", format!("{rate:.0} Hz, {ch:.0} channel(s)"));
    }
    if track.muted || track.muted_after == Some(true) {
        return Err(BrowserCause::TrackMuted { label });
    }
    Ok(label)
}

/// The level WebAudio measured on the track named `label`: the summary, with a warning when it
/// could not be measured or is too quiet for voice activity detection; an error when silent.
fn judge_level(m: &Mic, label: String, out: &mut Outcome) -> Result<(String, Option<BrowserCause>), BrowserCause> {
    let Some(level) = &m.level else {
        let why = m.level_error.as_ref().map(|e| e.to_string()).unwrap_or_else(|| "the page did not measure it".into());
        return Ok((format!("captured from {label}"), Some(BrowserCause::LevelUnmeasured { why })));
    };
    let (peak, rms) = (db(level.peak), db(level.rms));
    out.evidence.detail(
        "level",
        format!(
            "peak {peak:.1} dBFS, RMS {rms:.1} dBFS over {:.0} samples (WebAudio, {})",
            level.samples, level.context_state
        ),
    );
    let ms = m.ms.map(|v| format!(" in {v:.0} ms")).unwrap_or_default();
    let summary = format!("captured from {label}{ms}: peak {peak:.0} dBFS");
    if level.samples <= 0.0 || level.context_state != "running" {
        let why = format!(
            "WebAudio's AudioContext stayed {} (browsers start it after a click on the page, and some only with an audio output device)",
            if level.context_state.is_empty() { "unstarted" } else { level.context_state.as_str() }
        );
        return Ok((format!("captured from {label}{ms}"), Some(BrowserCause::LevelUnmeasured { why })));
    }
    if level.peak <= 0.0 {
        return Err(BrowserCause::Silent { label });
    }
    if peak < QUIET_DB {
        return Ok((summary, Some(BrowserCause::Quiet { peak_db: peak, label })));
    }
    Ok((summary, None))
}
