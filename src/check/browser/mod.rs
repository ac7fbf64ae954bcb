//! The browser checks: `browser-mic` and `browser-webrtc` judge one run of the page (`page`:
//! served from this process, opened in a browser), which the first of them to start opens. The
//! page does what a correct voice app does; these modules turn what it saw into causes and fixes.

mod cause;
pub mod mic;
pub mod page;
pub mod webrtc;

pub use cause::{BrowserCause, BrowserKind, CAUSES};

use crate::check::Outcome;
use crate::settings::Settings;
use page::{PageFailure, PageRun};
use std::time::Duration;

/// The budget of each browser check: a browser this tool starts needs a second or two, the page
/// at most its own waits (see `crate::check::browser::page`); a person opening the page needs longer.
pub fn budget(s: &Settings) -> Duration {
    if s.browser.person_opens() { Duration::from_secs(120) } else { Duration::from_secs(40) }
}

pub const BUDGET_TEXT: &str = "40s with --launch chromium or firefox, 120s when you open the page";

pub const WAITS: &str = "the browser's start and the page's load (or, without --launch, you opening it), \
    the microphone 0.5 s of level, ICE gathering 3 s, the API's answer 10 s, ICE, DTLS and the \
    channel open 10 s, the first event 5 s, and for GPT-Live session.closed 2 s";

/// The page's results, or why the run has none, for both checks alike.
pub(crate) fn results(run: &PageRun) -> Result<&page::PageResults, BrowserCause> {
    match &run.results {
        Some(r) => Ok(r),
        None => Err(failure(run)),
    }
}

/// Why a run has no results.
fn failure(run: &PageRun) -> BrowserCause {
    let stalled = || PageFailure::Stalled { secs: run.secs, step: run.last_step.clone() };
    match run.failure.clone().unwrap_or_else(stalled) {
        PageFailure::Launch(e) => BrowserCause::LaunchFailed(e),
        PageFailure::Serve(e) => BrowserCause::NotServed(e),
        PageFailure::Exited(e) => BrowserCause::BrowserExited(e),
        PageFailure::NotOpened { secs } => BrowserCause::NotOpened { secs },
        PageFailure::Stalled { secs, step } if step.as_deref().is_some_and(|s| s.contains("permission")) => {
            BrowserCause::PromptUnanswered { secs }
        }
        PageFailure::Stalled { secs, step } => BrowserCause::Stalled { secs, step },
    }
}

/// What both checks show of the run: the page's address, the browser, its user agent.
pub(crate) fn common_evidence(run: &PageRun, out: &mut Outcome) {
    out.evidence.details.extend(run.evidence.details.iter().cloned());
    out.evidence.timings.extend(run.evidence.timings.iter().cloned());
    if let Some(r) = &run.results {
        out.evidence.detail("user_agent", r.user_agent.chars().take(200).collect::<String>());
        for n in &r.notes {
            out.evidence.detail("page_note", n);
        }
    } else if let Some(step) = &run.last_step {
        out.evidence.detail("last_step", step);
    }
}

/// The user agent names Firefox (its WebRTC differs in ways the fixes mention).
pub(crate) fn is_firefox(run: &PageRun) -> bool {
    run.results.as_ref().is_some_and(|r| r.user_agent.contains("Firefox/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::kind::Diagnosis;
    use crate::report::CheckId;
    use crate::report::{Protocol, VoiceApi};
    use crate::testing::props;
    use page::PageResults;
    use proptest::prelude::*;
    use serde_json::json;

    fn page(results: serde_json::Value) -> PageRun {
        PageRun {
            results: Some(serde_json::from_value(results).unwrap()),
            url: "http://127.0.0.1:4000/r/x/".into(),
            ..PageRun::default()
        }
    }

    fn mic_cause(mic: serde_json::Value) -> String {
        let run = page(json!({"secureContext": true, "mic": mic}));
        let mut out = Outcome::new(CheckId::BrowserMic);
        match mic::judge(&run, &mut out) {
            Ok((_, Some(w))) => w.id().to_owned(),
            Ok((_, None)) => "pass".into(),
            Err(c) => c.id().to_owned(),
        }
    }

    #[test]
    fn each_getusermedia_error_has_its_cause() {
        let err = |name: &str, message: &str| json!({"mediaDevices": true, "permission": "prompt", "error": {"name": name, "message": message}, "devices": ["Mic"]});
        assert_eq!(mic_cause(err("NotAllowedError", "Permission denied")), "permission_denied");
        assert_eq!(mic_cause(err("NotAllowedError", "Permission dismissed")), "permission_dismissed");
        assert_eq!(mic_cause(err("NotFoundError", "Requested device not found")), "no_device");
        assert_eq!(mic_cause(err("NotReadableError", "Could not start audio source")), "device_busy");
        assert_eq!(mic_cause(err("OverconstrainedError", "")), "capture_failed");
        assert_eq!(mic_cause(json!({"mediaDevices": false})), "capture_failed");
        let run = page(json!({"secureContext": false, "mic": {"mediaDevices": false}}));
        let mut out = Outcome::new(CheckId::BrowserMic);
        assert_eq!(mic::judge(&run, &mut out).unwrap_err().id(), "insecure_context");
        let track = |muted: bool, peak: f64, state: &str| {
            json!({"mediaDevices": true, "track": {"label": "Mic", "muted": muted, "readyState": "live"},
                   "level": {"peak": peak, "rms": peak / 4.0, "samples": 24000, "contextState": state}})
        };
        assert_eq!(mic_cause(track(false, 0.3, "running")), "pass");
        assert_eq!(mic_cause(track(true, 0.3, "running")), "track_muted");
        assert_eq!(mic_cause(track(false, 0.0, "running")), "silence");
        assert_eq!(mic_cause(track(false, 0.0005, "running")), "quiet");
        assert_eq!(mic_cause(track(false, 0.0, "suspended")), "level_not_measured");
    }

    fn call_cause(call: serde_json::Value, api: VoiceApi, turn: bool) -> (String, Outcome) {
        let run = page(json!({"secureContext": true, "call": call}));
        let mut out = Outcome::new(CheckId::BrowserWebrtc);
        let id = match webrtc::judge(&run, api, turn, &mut out) {
            Ok((_, Some(w))) => w.id().to_owned(),
            Ok((_, None)) => "pass".into(),
            Err(c) => c.id().to_owned(),
        };
        (id, out)
    }

    fn cand(kind: &str, protocol: &str) -> serde_json::Value {
        json!({"type": kind, "protocol": protocol, "address": "192.0.2.7", "port": 50000})
    }

    #[test]
    fn ice_that_never_connects_is_told_by_what_was_gathered() {
        let stuck = |gathered: serde_json::Value, errors: serde_json::Value, turn: bool| {
            let call = json!({"steps": {"gathered": 100.0, "answer_applied": 150.0}, "gathered": gathered,
                              "candidateErrors": errors, "ice": [{"state": "checking", "ms": 160.0}]});
            call_cause(call, VoiceApi::Realtime, turn).0
        };
        assert_eq!(stuck(json!([cand("host", "udp")]), json!([]), false), "only_host_candidates");
        assert_eq!(stuck(json!([cand("host", "udp"), cand("srflx", "udp")]), json!([]), false), "relay_needed");
        let turn_401 =
            json!([{"url": "turn:turn.example.com:3478?transport=udp", "errorCode": 401, "errorText": "Unauthorized"}]);
        assert_eq!(stuck(json!([cand("host", "udp")]), turn_401, true), "turn_failed_in_browser");
        assert_eq!(stuck(json!([cand("host", "udp"), cand("relay", "udp")]), json!([]), true), "ice_stuck_checking");
        assert_eq!(stuck(json!([]), json!([]), false), "no_candidates_gathered");
    }

    #[test]
    fn a_connected_call_is_judged_by_its_stages_and_path() {
        let steps = json!({"offer_created": 5.0, "gathered": 100.0, "answer_received": 120.0, "ice_connected": 140.0,
                           "dtls_connected": 150.0, "channel_open": 155.0, "first_event": 160.0});
        let udp = json!({"local": cand("host", "udp"), "remote": {"type": "host", "protocol": "udp", "address": "198.18.0.4", "port": 3478}, "rttMs": 12.5});
        let ok = json!({"steps": steps, "gathered": [cand("host", "udp")], "events": ["session.created"], "selected": udp,
                        "ice": [{"state": "checking", "ms": 130.0}, {"state": "connected", "ms": 140.0}], "gatheringComplete": true});
        let (id, out) = call_cause(ok.clone(), VoiceApi::Realtime, false);
        assert_eq!(id, "pass");
        let pair = out.evidence.selected_pair.unwrap();
        assert_eq!((pair.local.protocol, pair.remote.unwrap().port), (Protocol::Udp, 3478));
        let phases: Vec<&str> = out.evidence.timings.iter().map(|t| t.phase.as_str()).collect();
        assert_eq!(&phases[..3], &["offer_created", "gathered", "answer_received"], "in the order they happened");
        // The same over TCP: a warning naming the path.
        let mut tcp = ok.clone();
        tcp["selected"]["local"] =
            json!({"type": "host", "protocol": "tcp", "tcpType": "active", "address": "10.0.0.2", "port": 9});
        assert_eq!(call_cause(tcp, VoiceApi::Realtime, false).0, "media_over_tcp");
        // A relay reached over TCP is TCP too.
        let mut relay = ok.clone();
        relay["selected"]["local"] = json!({"type": "relay", "protocol": "udp", "relayProtocol": "tcp", "url": "turn:t:443?transport=tcp", "address": "203.0.113.9", "port": 50000});
        assert_eq!(call_cause(relay, VoiceApi::Realtime, true).0, "media_over_tcp");
        // GPT-Live expects session.started; Realtime's event there is not it.
        assert_eq!(call_cause(ok.clone(), VoiceApi::Live, false).0, "no_session_started");
        let mut dropped = ok.clone();
        dropped["ice"] = json!([{"state": "connected", "ms": 140.0}, {"state": "disconnected", "ms": 4000.0}]);
        assert_eq!(call_cause(dropped.clone(), VoiceApi::Realtime, false).0, "connection_dropped");
        // After the page ended a GPT-Live session, the server hanging up is no drop.
        let mut live = ok.clone();
        live["events"] = json!(["session.started", "session.closed"]);
        live["closedReason"] = json!("close_requested");
        live["closeSent"] = json!(true);
        live["steps"]["close_sent"] = json!(3000.0);
        live["ice"] = json!([{"state": "connected", "ms": 140.0}, {"state": "disconnected", "ms": 4000.0}]);
        assert_eq!(call_cause(live.clone(), VoiceApi::Live, false).0, "pass");
        live["steps"]["close_sent"] = json!(5000.0);
        assert_eq!(call_cause(live, VoiceApi::Live, false).0, "connection_dropped");
        // In Firefox the fix says so: it gives up on unanswered consent checks sooner.
        let run = page(
            json!({"userAgent": "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0", "call": dropped}),
        );
        let mut out = Outcome::new(CheckId::BrowserWebrtc);
        let cause = webrtc::judge(&run, VoiceApi::Realtime, false, &mut out).unwrap_err();
        assert!(cause.fix().text.contains("Firefox drops"), "{}", cause.fix().text);
        let mut no_channel = ok.clone();
        no_channel["steps"] = json!({"ice_connected": 140.0, "dtls_connected": 150.0});
        assert_eq!(call_cause(no_channel, VoiceApi::Realtime, false).0, "channel_never_opens");
        let mut no_dtls = ok.clone();
        no_dtls["steps"] = json!({"ice_connected": 140.0});
        assert_eq!(call_cause(no_dtls, VoiceApi::Realtime, false).0, "dtls_failed");
        let refused = json!({"stoppedAt": "answer_applied", "error": {"name": "InvalidAccessError", "message": "bad"}});
        assert_eq!(call_cause(refused, VoiceApi::Realtime, false).0, "answer_refused_by_browser");
    }

    #[test]
    fn a_page_that_never_reported_says_why() {
        let run = |failure| PageRun { failure: Some(failure), ..PageRun::default() };
        let f = |r: PageRun| failure(&r).id();
        assert_eq!(f(run(PageFailure::NotOpened { secs: 2.0 })), "page_not_opened");
        let prompt = PageFailure::Stalled { secs: 9.0, step: Some("microphone: asking for permission".into()) };
        assert_eq!(f(run(prompt)), "permission_prompt_unanswered");
        assert_eq!(f(run(PageFailure::Stalled { secs: 9.0, step: None })), "page_stalled");
        assert_eq!(f(run(PageFailure::Launch("x".into()))), "launch_failed");
    }

    #[test]
    fn prop_any_results_the_page_may_post_are_judged_without_panicking() {
        // A full report of a good run, with one field replaced by any JSON value.
        let base = json!({"userAgent": "Firefox/130", "secureContext": true,
            "mic": {"mediaDevices": true, "permission": "granted", "ms": 20.0, "devices": ["Mic"],
                    "track": {"label": "Mic", "muted": false, "readyState": "live", "sampleRate": 48000},
                    "level": {"peak": 0.3, "rms": 0.1, "samples": 24000, "contextState": "running"}},
            "call": {"steps": {"gathered": 100.0, "ice_connected": 140.0, "dtls_connected": 150.0, "channel_open": 155.0},
                     "gathered": [cand("host", "udp")], "events": ["session.created"], "gatheringComplete": true,
                     "ice": [{"state": "connected", "ms": 140.0}], "closedReason": null, "closeSent": true,
                     "selected": {"local": cand("relay", "udp"), "remote": cand("host", "tcp"), "rttMs": 3.0},
                     "candidateErrors": [{"url": "turn:x", "errorCode": 701, "errorText": "x"}]}});
        let pointers = [
            "/mic/error",
            "/mic/track",
            "/mic/level/peak",
            "/mic/level",
            "/mic/devices",
            "/call/steps",
            "/call/steps/channel_open",
            "/call/gathered/0",
            "/call/gathered/0/port",
            "/call/selected/local",
            "/call/selected/rttMs",
            "/call/ice/0/ms",
            "/call/events",
            "/call/stoppedAt",
            "/call/errorEvent",
            "/call/candidateErrors/0/errorCode",
            "/secureContext",
            "/call",
        ];
        let strategy = (prop::sample::select(pointers.to_vec()), props::json_value());
        props::check("browser results", strategy, |(pointer, value)| {
            let mut v = base.clone();
            if let Some(slot) = v.pointer_mut(pointer) {
                *slot = value;
            }
            let Ok(results) = serde_json::from_value::<PageResults>(v) else { return Ok(()) };
            let run = PageRun { results: Some(results), ..PageRun::default() };
            for api in [VoiceApi::Realtime, VoiceApi::Live] {
                let mut out = Outcome::new(CheckId::BrowserWebrtc);
                if let Err(c) = webrtc::judge(&run, api, true, &mut out) {
                    prop_assert!(!c.to_string().is_empty() && c.fix().text.len() > 20);
                }
                let mut out = Outcome::new(CheckId::BrowserMic);
                let _ = mic::judge(&run, &mut out);
            }
            Ok(())
        });
    }
}
