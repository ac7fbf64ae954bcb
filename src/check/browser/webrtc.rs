//! `browser-webrtc`: the call as the browser makes it. This process forwards the page's offer (the
//! HTTP causes are the WebRTC checks'); the page reports the candidates it gathered (with
//! `icecandidateerror`s), the ICE and connection states with their times, the data channel, the
//! first events and the selected pair from `getStats()` (W3C webrtc-stats: the transport's
//! `selectedCandidatePairId`). ICE failures are told apart by what the browser gathered (RFC 8445
//! §5.1.1: host, server-reflexive, relayed).

use super::BrowserCause;
use super::page::PageRun;
use super::page::results::{Call, PageCandidate};
use crate::args::OptionGroup;
use crate::check::kind::CauseTable;
use crate::check::path::{AnswerUdp, Leg, MediaPath};
use crate::check::signal::CallCause;
use crate::check::stage::{Progress, Stage, Stopped};
use crate::check::{CheckSpec, Ctx, Outcome, check_fn};
use crate::report::{Candidate, CandidatePair, CandidateType, CheckId, CheckResult, Protocol, Side, VoiceApi};
use std::time::Duration;

pub const SPEC: CheckSpec = CheckSpec {
    title: "Call in the browser",
    about: "Check a call from a browser: the page's offer through this tool (or your --via route), ICE as the browser does it, the data channel and the first event",
    waits: super::WAITS,
    budget: super::budget,
    budget_text: super::BUDGET_TEXT,
    needs: &[CheckId::Key],
    after: &[CheckId::Mic, CheckId::Sdp, CheckId::Datachannel, CheckId::Voice],
    options: &[OptionGroup::Api, OptionGroup::Ice, OptionGroup::Peer, OptionGroup::Browser],
    in_selftest: false,
    in_browser: true,
    stage: "browser",
    causes: CauseTable(&[super::CAUSES, crate::check::signal::CAUSES, crate::check::key::CAUSES]),
    run: check_fn!(run),
};

pub async fn run(ctx: &Ctx) -> CheckResult {
    // Started before the page runs: the check's time is the page's.
    let mut out = Outcome::new(CheckId::BrowserWebrtc);
    let page = super::page::shared(ctx).await;
    out.evidence.detail("api", ctx.settings.api.name());
    super::common_evidence(&page, &mut out);
    let verdict = judge(&page, ctx.settings.api, !ctx.settings.turn.is_empty(), &mut out);
    out.judged(verdict)
}

/// A time the page reported, in milliseconds: only one a page can have measured (under a day).
fn ms(v: f64) -> Option<Duration> {
    (v.is_finite() && (0.0..86_400_000.0).contains(&v)).then(|| Duration::from_secs_f64(v / 1000.0))
}

/// The page's call, judged, with this process's forwarding before it.
pub fn judge(
    page: &PageRun,
    api: VoiceApi,
    turn_configured: bool,
    out: &mut Outcome,
) -> Result<(String, Option<BrowserCause>), BrowserCause> {
    let api_timings = forwarding(page, out);
    if let Some(cause) = &page.call_cause {
        return Err(BrowserCause::Call(cause.clone()));
    }
    let r = super::results(page)?;
    let Some(call) = &r.call else {
        return Err(BrowserCause::Stalled { secs: page.secs, step: Some("the page made no call".into()) });
    };
    evidence(call, out);
    out.evidence.timings.extend(api_timings);
    if call.listen_only {
        out.evidence.detail("audio", "listen-only (the page had no microphone; see browser-mic)");
    }
    page_step(call, page)?;
    stages(call, page, api, turn_configured, r.cut_by_deadline)?;
    dropped(call, page)?;
    let warning = warnings(call, page, api, out);
    let pair = out.evidence.selected_pair.as_ref();
    let how = pair.map(|p| pair_words(p, call)).unwrap_or_else(|| "a pair the browser did not report".into());
    let rtt = call.selected.as_ref().and_then(|s| s.rtt_ms).map(|v| format!(", RTT {v:.1} ms")).unwrap_or_default();
    Ok((
        format!(
            "connected over {how}{rtt}; channel open at {:.0} ms, {} at {:.0} ms",
            call.step("channel_open").unwrap_or_default(),
            expected_event(api),
            call.step("first_event").unwrap_or_default()
        ),
        warning,
    ))
}

/// This process's side of the call, into the evidence: what it sent where, and what came back.
/// The API's own times are returned, to be listed after the page's steps (which count from the
/// peer's creation).
fn forwarding(page: &PageRun, out: &mut Outcome) -> Vec<crate::report::Timing> {
    for d in &page.call_evidence.details {
        out.evidence.details.push(d.clone());
    }
    out.evidence.artifacts.extend(page.call_evidence.artifacts.iter().cloned());
    out.evidence.candidates.extend(page.call_evidence.candidates.iter().cloned());
    page.call_evidence
        .timings
        .iter()
        .map(|t| crate::report::Timing { phase: format!("api_{}", t.phase), ms: t.ms })
        .collect()
}

/// The event that starts a session, as the API's guides order them.
fn expected_event(api: VoiceApi) -> &'static str {
    if api == VoiceApi::Live { "session.started" } else { "session.created" }
}

/// A page that stopped before the connection: at its offer, its request to this tool, or the answer.
fn page_step(call: &Call, page: &PageRun) -> Result<(), BrowserCause> {
    let error = || call.error.as_ref().map(|e| e.to_string()).unwrap_or_else(|| "no detail".into());
    match call.stopped_at.as_deref() {
        Some("peer") | Some("offer") => Err(BrowserCause::OfferFailed { detail: error() }),
        // This tool had no cause of its own (that came first): the page's request failed.
        Some("answer") => {
            let step = Some(format!("sending its offer to this tool: {}", error()));
            Err(BrowserCause::Stalled { secs: page.secs, step })
        }
        Some("answer_applied") => Err(BrowserCause::AnswerRefusedByBrowser { detail: error() }),
        _ => Ok(()),
    }
}

/// The stage the call stopped at (`check::stage`), as the page's steps tell it.
fn stages(call: &Call, page: &PageRun, api: VoiceApi, turn_configured: bool, cut: bool) -> Result<(), BrowserCause> {
    let opened = call.step("channel_open");
    let progress = Progress {
        ice: call.step("ice_connected").is_some(),
        dtls: call.step("dtls_connected").is_some(),
        channel: opened.is_some(),
        // Events count only on a channel the page saw open.
        session: opened.is_some() && call.error_event.is_none() && call.events.iter().any(|e| e == expected_event(api)),
    };
    // A wait the check's deadline cut short says so, as the tool's own waits do (see `Wait`).
    let wait = if cut {
        "within the check's time budget".to_owned()
    } else {
        format!("in {:.1} s", super::page::CONNECT_MS as f64 / 1000.0)
    };
    match progress.stopped_at() {
        None => Ok(()),
        // The browser tells ICE failures apart by what it gathered.
        Some(Stage::Ice) => Err(ice_failure(call, turn_configured, &wait, super::is_firefox(page))),
        Some(Stage::Session) if call.error_event.is_some() => {
            Err(BrowserCause::Call(CallCause::ServerError(call.error_event.clone().unwrap_or_default())))
        }
        Some(stage) => {
            let event_wait = if cut {
                "no event within the check's time budget".to_owned()
            } else {
                format!("no event in {:.1} s", super::page::EVENT_MS as f64 / 1000.0)
            };
            Err(BrowserCause::Call(stage.cause(Stopped {
                wait,
                dtls: call.dtls_state.clone().map(|s| format!("DTLS {s}")).unwrap_or_default(),
                // The page creates its channel before the offer, as the guides do.
                offered: true,
                api,
                first: call.events.first().map(|f| format!("first event {f}")).unwrap_or(event_wait),
                ..Stopped::default()
            })))
        }
    }
}

/// Connected, then lost while the session ran: before the page ended a GPT-Live session (the
/// server may hang up after session.closed) and before it closed the peer.
fn dropped(call: &Call, page: &PageRun) -> Result<(), BrowserCause> {
    let up = call.step("ice_connected").unwrap_or_default();
    let end = call.step("close_sent").unwrap_or(f64::INFINITY);
    let lost = |s: &&super::page::results::StateAt| {
        s.ms > up && s.ms < end && matches!(s.state.as_str(), "disconnected" | "failed")
    };
    match call.ice.iter().find(lost) {
        Some(drop) => Err(BrowserCause::ConnectionDropped {
            state: drop.state.clone(),
            ms: drop.ms,
            firefox: super::is_firefox(page),
        }),
        None => Ok(()),
    }
}

/// What a call that worked still warns about: the path the media took first, then what the page
/// saw around it. Every warning goes into the evidence; the first is the check's cause.
fn warnings(call: &Call, page: &PageRun, api: VoiceApi, out: &mut Outcome) -> Option<BrowserCause> {
    let pair = out.evidence.selected_pair.clone();
    let relay_protocol =
        call.selected.as_ref().and_then(|s| s.local.as_ref()).and_then(|l| l.relay_protocol.as_deref());
    let path = MediaPath {
        leg: pair.as_ref().map(|p| Leg::of(p, relay_protocol)),
        answer: AnswerUdp::of_evidence(&out.evidence),
        answered: None,
        relay_only: page.relay_only,
    };
    let mut warnings: Vec<BrowserCause> =
        path.news().map(|news| BrowserCause::Call(news.cause(pair.as_ref(), ""))).into_iter().collect();
    if api == VoiceApi::Live && call.close_sent && call.closed_reason.is_none() {
        warnings.push(BrowserCause::Call(CallCause::NoSessionClosed {
            wait: format!("in {:.1} s", super::page::CLOSE_MS as f64 / 1000.0),
        }));
    }
    if call.gathering_complete == Some(false) {
        let secs = call.step("gathered").unwrap_or_default() / 1000.0;
        warnings.push(BrowserCause::Call(CallCause::GatheringStalled { secs }));
    }
    for w in warnings.iter().skip(1) {
        out.evidence.detail("also", w.to_string());
    }
    warnings.into_iter().next()
}

/// "UDP host ↔ host 198.18.0.4:3478", or for a relay how the browser reached the TURN server, as
/// the selected pair reads.
fn pair_words(p: &CandidatePair, call: &Call) -> String {
    let remote = p
        .remote
        .as_ref()
        .map(|r| format!("{} {}:{}", r.kind.as_str(), r.address, r.port))
        .unwrap_or_else(|| "?".into());
    let local = call.selected.as_ref().and_then(|s| s.local.as_ref());
    if p.local.kind == CandidateType::Relay {
        let via = local.and_then(|l| l.relay_protocol.as_deref()).unwrap_or("?").to_uppercase();
        let url = p.local.source.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
        return format!("a TURN relay ({via} to{url}) ↔ {remote}");
    }
    let tcp = p.local.tcp_type.as_deref().map(|t| format!(" ({t})")).unwrap_or_default();
    format!("{} {}{tcp} ↔ {remote}", p.local.protocol.as_str().to_uppercase(), p.local.kind.as_str())
}

fn candidate(c: &PageCandidate, side: Side) -> Option<Candidate> {
    let kind = match c.kind.as_deref()? {
        "host" => CandidateType::Host,
        "srflx" => CandidateType::Srflx,
        "prflx" => CandidateType::Prflx,
        "relay" => CandidateType::Relay,
        _ => return None,
    };
    let protocol = match c.protocol.as_deref()? {
        "udp" => Protocol::Udp,
        "tcp" => Protocol::Tcp,
        _ => return None,
    };
    let port = c.port.filter(|p| p.is_finite() && (0.0..=65535.0).contains(p)).map(|p| p as u16).unwrap_or(0);
    Some(Candidate {
        kind,
        protocol,
        // An IPv6 address without the brackets some browsers add.
        address: c.address.as_deref().unwrap_or_default().trim_matches(['[', ']']).chars().take(100).collect(),
        port,
        side,
        source: c.url.clone().or_else(|| (side == Side::Local).then(|| "the browser".into())),
        tcp_type: c.tcp_type.clone(),
    })
}

/// The page's steps, candidates, errors and pair, into the evidence.
fn evidence(call: &Call, out: &mut Outcome) {
    let mut steps: Vec<(&String, Duration)> = call.steps.iter().filter_map(|(n, at)| Some((n, ms(*at)?))).collect();
    steps.sort_by_key(|s| s.1);
    for (name, at) in steps {
        out.evidence.timing(name.clone(), at);
    }
    out.evidence.candidates.retain(|c| c.side != Side::Local);
    for c in call.gathered.iter().filter_map(|c| candidate(c, Side::Local)) {
        out.evidence.candidates.push(c);
    }
    let mut types: Vec<&str> = call.gathered.iter().filter_map(|c| c.kind.as_deref()).collect();
    types.sort_unstable();
    types.dedup();
    out.evidence.detail(
        "gathered",
        format!(
            "{} candidate(s): {}",
            call.gathered.len(),
            if types.is_empty() { "none".to_owned() } else { types.join(", ") }
        ),
    );
    for e in &call.candidate_errors {
        out.evidence.detail(
            "candidate_error",
            format!(
                "{}: {} {}",
                e.url.as_deref().unwrap_or("?"),
                e.error_code.map(|c| format!("{c:.0}")).unwrap_or_default(),
                e.error_text
            ),
        );
    }
    let states: Vec<String> = call.ice.iter().map(|s| format!("{} {:.0} ms", s.state, s.ms)).collect();
    if !states.is_empty() {
        out.evidence.detail("ice", states.join(" → "));
    }
    if !call.events.is_empty() {
        out.evidence.detail("events", call.events.join(", "));
    }
    if let Some(f) = &call.last {
        out.evidence.detail(
            "final_state",
            format!("ICE {}, connection {}, channel {}, gathering {}", f.ice, f.connection, f.channel, f.gathering),
        );
    }
    if let Some(reason) = &call.closed_reason {
        out.evidence.detail("session_closed", reason);
    }
    if let Some(sel) = &call.selected
        && let Some(local) = sel.local.as_ref().and_then(|c| candidate(c, Side::Local))
    {
        let remote = sel.remote.as_ref().and_then(|c| candidate(c, Side::Remote));
        out.evidence.selected_pair = Some(CandidatePair { local, remote });
        if let Some(rtt) = sel.rtt_ms.and_then(ms) {
            out.evidence.timing("rtt", rtt);
        }
    }
}

/// ICE never connected: told apart by what the browser gathered.
fn ice_failure(call: &Call, turn_configured: bool, wait: &str, firefox: bool) -> BrowserCause {
    let of = |t: &str| call.gathered.iter().filter(|c| c.kind.as_deref() == Some(t)).collect::<Vec<_>>();
    let (host, srflx, relay) = (of("host"), of("srflx"), of("relay"));
    if call.gathered.is_empty() && call.candidate_errors.is_empty() {
        let failed = call.ice.iter().find(|s| s.state == "failed").map(|s| format!("ICE failed at {:.0} ms", s.ms));
        return BrowserCause::NoCandidates { detail: failed.unwrap_or_default(), firefox };
    }
    let stopped = |ice_failed, relay_gathered| {
        BrowserCause::Call(Stage::Ice.cause(Stopped {
            wait: wait.to_owned(),
            ice_failed,
            relay_gathered,
            ..Stopped::default()
        }))
    };
    if !relay.is_empty() {
        return stopped(false, true);
    }
    if turn_configured {
        let turn_error = call.candidate_errors.iter().find(|e| e.url.as_deref().is_some_and(|u| u.starts_with("turn")));
        if let Some(e) = turn_error {
            let code = e.error_code.map(|c| format!("{c:.0} ")).unwrap_or_default();
            return BrowserCause::TurnFailed {
                url: e.url.clone().unwrap_or_default(),
                error: format!("{code}{}", e.error_text).trim().to_owned(),
            };
        }
        return BrowserCause::TurnFailed {
            url: "(the configured TURN servers)".into(),
            error: "no relay candidate and no error reported".into(),
        };
    }
    if !srflx.is_empty() {
        let addrs: Vec<String> = srflx.iter().filter_map(|c| c.address.clone()).collect();
        return BrowserCause::RelayNeeded { srflx: addrs.join(", ") };
    }
    if !host.is_empty() {
        let udp = host.iter().filter(|c| c.protocol.as_deref() == Some("udp")).count();
        let detail = format!("{} host: {udp} UDP, {} TCP", host.len(), host.len() - udp);
        return BrowserCause::HostOnly { detail };
    }
    stopped(call.ice.iter().any(|s| s.state == "failed"), false)
}
