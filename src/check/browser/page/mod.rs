//! The page the browser checks run in, and the browser that opens it.
//!
//! One run of the page serves both browser checks (`browser-mic`, `browser-webrtc`): the first
//! check to ask starts it (the page's cell in the run's state, `check::RunState`), the other awaits the same run. The page
//! is served from this process on loopback, under a random path; it POSTs its offer here, and this
//! process forwards it to the API with the key it holds (or to the app's `--via` route), so the
//! key never reaches the page. The page then reports what it saw (`results`).

pub mod launch;
pub mod results;
mod server;

pub use results::PageResults;

use crate::check::Ctx;
use crate::check::signal::CallCause;
use crate::report::Evidence;
use anyhow::Result;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long the page waits for each step, as a voice app would (the CLI peer's limits: see the
/// `datachannel` check).
pub const GATHER_MS: u64 = 3_000;
pub const CONNECT_MS: u64 = 10_000;
pub const EVENT_MS: u64 = 5_000;
pub const CLOSE_MS: u64 = 2_000;
/// How long the page measures the microphone's level.
pub const MIC_MS: u64 = 500;

/// What one run of the page gave: the page's own results, and this process's side of it.
#[derive(Debug, Default)]
pub struct PageRun {
    /// What the page reported (`None`: it never did; see `failure`).
    pub results: Option<PageResults>,
    /// Why the page did not report: the browser did not start, nobody opened the page, it
    /// stopped at a step.
    pub failure: Option<PageFailure>,
    /// The forwarding of the offer (this process's requests to the API or the app's route).
    pub call_evidence: Evidence,
    /// Why the forwarding failed, when it did.
    pub call_cause: Option<CallCause>,
    /// The page's URL (on loopback, random per run).
    pub url: String,
    /// The last step the page said it reached.
    pub last_step: Option<String>,
    /// The page was loaded at all.
    pub opened: bool,
    /// How long the run took, from the page being served.
    pub secs: f64,
    /// Evidence for both checks: the launch, the page's address.
    pub evidence: Evidence,
    /// The page's ICE policy was relay-only.
    pub relay_only: bool,
}

/// Why a run of the page has no results.
#[derive(Debug, Clone, PartialEq)]
pub enum PageFailure {
    /// The browser could not be started.
    Launch(String),
    /// The browser exited before the page reported.
    Exited(String),
    /// Nobody opened the page in time.
    NotOpened { secs: f64 },
    /// The page was opened but did not report in time.
    Stalled { secs: f64, step: Option<String> },
    /// The page could not be served.
    Serve(String),
}

/// The run of the page for this process, started by the first check that asks.
pub async fn shared(ctx: &Ctx) -> Arc<PageRun> {
    ctx.run.page.get_or_init(|| async { Arc::new(run(ctx).await) }).await.clone()
}

/// What the page is told: the ICE servers the app configures, the API, the waits.
fn page_config(ctx: &Ctx, autostart: bool) -> serde_json::Value {
    let s = &ctx.settings;
    let creds = crate::check::turn::credentials(ctx);
    let mut servers = Vec::new();
    if !s.stun_is_default && !s.stun.is_empty() {
        servers.push(serde_json::json!({"urls": s.stun.iter().map(|u| u.to_string()).collect::<Vec<_>>()}));
    }
    if !s.turn.is_empty() {
        let mut t = serde_json::json!({"urls": s.turn.iter().map(|u| u.to_string()).collect::<Vec<_>>()});
        // The browser needs the TURN credentials to allocate, as the app gives them; the page is
        // on loopback and never reports them back.
        if let Some((user, pass)) = &creds {
            t["username"] = user.clone().into();
            t["credential"] = pass.expose().into();
        }
        servers.push(t);
    }
    // The page makes the call only when browser-webrtc runs, not for the microphone alone.
    let call = ctx.run.runs(crate::report::CheckId::BrowserWebrtc);
    serde_json::json!({
        "api": if s.api == crate::report::VoiceApi::Live { "live" } else { "realtime" },
        "iceServers": servers,
        "iceTransportPolicy": if s.relay_only { "relay" } else { "all" },
        "call": call,
        "autostart": autostart,
        "micMs": MIC_MS,
        "gatherMs": GATHER_MS,
        "connectMs": CONNECT_MS,
        "eventMs": EVENT_MS,
        "closeMs": CLOSE_MS,
        "stopAt": stop_at(ctx),
    })
}

/// When the page must stop waiting and report, in ms since the Unix epoch (the browser's
/// `Date.now()` on the same machine): the check's deadline less the time to post the results, and
/// for GPT-Live less the time kept to close a session the page could not.
fn stop_at(ctx: &Ctx) -> u64 {
    let mut left = ctx.deadline.saturating_duration_since(Instant::now()).saturating_sub(Duration::from_millis(1500));
    if ctx.settings.api == crate::report::VoiceApi::Live {
        left = left.saturating_sub(LIVE_RESERVE);
    }
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    (now + left).as_millis() as u64
}

/// GPT-Live: the time kept after the page to close a session it could not close.
const LIVE_RESERVE: Duration = Duration::from_secs(3);

/// Serve the page, open it, forward its offer, and collect its results before the deadline.
async fn run(ctx: &Ctx) -> PageRun {
    let mut run = PageRun { relay_only: ctx.settings.relay_only, ..PageRun::default() };
    let (server, mut events) = match serve(ctx, &mut run).await {
        Ok(served) => served,
        Err(failure) => {
            run.failure = Some(failure);
            return run;
        }
    };
    let started = Instant::now();
    let mut browser = match open_page(ctx, &server.url, &mut run.evidence) {
        Ok(browser) => browser,
        Err(failure) => {
            run.failure = Some(failure);
            return run;
        }
    };
    let (mut out, signalled) = wait_for_results(ctx, &mut run, &mut events, &mut browser, started).await;
    // The call first (a GPT-Live session the page did not close has its reserved time), then the
    // browser.
    if let Some(sig) = signalled {
        end_call(ctx, &mut out, &run, sig).await;
    }
    if let Some(br) = browser.take() {
        stop_browser(ctx, br).await;
    }
    run.call_evidence = out.evidence;
    run.secs = started.elapsed().as_secs_f64();
    run
}

/// Serve the page with what it is told (`page_config`), and note its address in the evidence: a
/// page that cannot be served ends the run.
async fn serve(
    ctx: &Ctx,
    run: &mut PageRun,
) -> Result<(server::Server, tokio::sync::mpsc::Receiver<server::Event>), PageFailure> {
    let b = &ctx.settings.browser;
    let autostart = !b.person_opens();
    let (server, events) = match server::Server::start(b.listen, page_config(ctx, autostart)).await {
        Ok(s) => s,
        Err(e) => return Err(PageFailure::Serve(e.to_string())),
    };
    run.url = server.url.clone();
    run.evidence.detail("page", server.shown_url());
    Ok((server, events))
}

/// Get the page opened: tell the person to open it when it is theirs to open, and start the
/// browser the settings name (none when the person brings their own).
fn open_page(ctx: &Ctx, url: &str, evidence: &mut Evidence) -> Result<Option<launch::Browser>, PageFailure> {
    let b = &ctx.settings.browser;
    if b.person_opens() {
        // On a terminal, over the progress line (which redraws below it).
        let clear = if ctx.settings.progress { "\r\x1b[2K" } else { "" };
        let open = if b.launch.is_some() { "Opening" } else { "Open" };
        eprintln!(
            "{clear}{open} {} in the browser your voice app runs in, and press Start (waiting up to {:.0} s).",
            url,
            ctx.deadline.saturating_duration_since(Instant::now()).as_secs_f64()
        );
    }
    match b.launch {
        None => Ok(None),
        Some(which) => match launch::Browser::start(which, b, url) {
            Ok(br) => {
                evidence.detail("browser", &br.name);
                Ok(Some(br))
            }
            Err(e) => Err(PageFailure::Launch(e)),
        },
    }
}

/// Wait for the page's results, forwarding its offer meanwhile, until they come, the page or the
/// browser cannot give them, or the time left runs out (less GPT-Live's reserve); why the wait
/// ended without results is kept in `run`. Gives this process's side of the call.
async fn wait_for_results(
    ctx: &Ctx,
    run: &mut PageRun,
    events: &mut tokio::sync::mpsc::Receiver<server::Event>,
    browser: &mut Option<launch::Browser>,
    started: Instant,
) -> (crate::check::Outcome, Option<crate::check::signal::Signalled>) {
    // GPT-Live: leave time to close a session the page could not close.
    let reserve = if ctx.settings.api == crate::report::VoiceApi::Live { LIVE_RESERVE } else { Duration::ZERO };
    let until = ctx.deadline.checked_sub(reserve).unwrap_or(ctx.deadline);
    let mut out = crate::check::Outcome::new(crate::report::CheckId::BrowserWebrtc);
    let mut signalled: Option<crate::check::signal::Signalled> = None;
    let mut exited_check = tokio::time::interval(Duration::from_millis(200));
    loop {
        tokio::select! {
            ev = events.recv() => {
                if on_event(ctx, ev, run, &mut out, &mut signalled, browser.is_some(), started).await {
                    break;
                }
            }
            _ = tokio::time::sleep_until(tokio::time::Instant::from_std(until)) => {
                let secs = started.elapsed().as_secs_f64();
                run.failure = Some(if run.opened {
                    PageFailure::Stalled { secs, step: run.last_step.clone() }
                } else {
                    PageFailure::NotOpened { secs }
                });
                break;
            }
            _ = exited_check.tick() => {
                if let Some(why) = browser.as_mut().and_then(|br| br.exited()) {
                    run.failure = Some(PageFailure::Exited(why));
                    break;
                }
            }
        }
    }
    (out, signalled)
}

/// One event of the page's server (`None`: the server is gone), kept in `run`, an offer forwarded
/// and answered: true when the wait is over, the results in or never to come.
async fn on_event(
    ctx: &Ctx,
    ev: Option<server::Event>,
    run: &mut PageRun,
    out: &mut crate::check::Outcome,
    signalled: &mut Option<crate::check::signal::Signalled>,
    launched: bool,
    started: Instant,
) -> bool {
    match ev {
        Some(server::Event::Opened) => {
            if !run.opened {
                run.opened = true;
                let after = if launched { "the browser was started" } else { "the URL was given" };
                run.evidence
                    .detail("page_opened", format!("{:.0} ms after {after}", started.elapsed().as_secs_f64() * 1000.0));
            }
            false
        }
        Some(server::Event::Progress(step)) => {
            run.last_step = Some(step);
            false
        }
        Some(server::Event::Offer { sdp, reply }) => {
            let answer = forward(ctx, out, &sdp, run, signalled).await;
            let _ = reply.send(answer);
            false
        }
        Some(server::Event::Results(r)) => {
            run.results = Some(*r);
            true
        }
        // Said at once rather than waited out: the page will not post again.
        Some(server::Event::Unreadable(why)) => {
            let step = Some(format!("its results could not be read: {why}"));
            run.failure = Some(PageFailure::Stalled { secs: started.elapsed().as_secs_f64(), step });
            true
        }
        // The server is gone: nothing more can come.
        None => {
            let step = run.last_step.clone();
            run.failure = Some(PageFailure::Stalled { secs: started.elapsed().as_secs_f64(), step });
            true
        }
    }
}

/// Stop the browser this process started, once the page is done with it.
async fn stop_browser(ctx: &Ctx, br: launch::Browser) {
    // Stopping waits for the browser to exit (its logs and profile closed), off the runtime
    // and never past the check's deadline.
    let by = ctx.deadline.checked_sub(Duration::from_millis(300)).unwrap_or(ctx.deadline);
    let _ = tokio::task::spawn_blocking(move || br.stop(by)).await;
}

/// The page's offer, forwarded as the app's server would: the unified interface for the Realtime
/// API (the standard key and a multipart form), GPT-Live's create, or the app's `--via` route.
/// The answer goes back to the page; a failure is kept as the call's cause and the page told.
async fn forward(
    ctx: &Ctx,
    out: &mut crate::check::Outcome,
    offer: &str,
    run: &mut PageRun,
    signalled: &mut Option<crate::check::signal::Signalled>,
) -> Result<String, String> {
    if signalled.is_some() || run.call_cause.is_some() {
        return Err("this page already made its call".into());
    }
    let start = Instant::now();
    out.evidence
        .artifacts
        .push(crate::report::Artifact { name: "offer.sdp".into(), content: crate::peer::sdp::redacted(offer) });
    let mut s = (*ctx.settings).clone();
    // The app's server holds the key and posts the offer itself: the unified interface
    // (OpenAI's WebRTC guide), unless the app hands the page a client secret (--token-url).
    s.unified = s.via.is_none() && s.token_url.is_none() && s.api != crate::report::VoiceApi::Live;
    let fwd = Ctx { settings: Arc::new(s), ..ctx.clone() };
    let result = match crate::check::signal::signal(&fwd, out, offer, start).await {
        Ok(sig) => match crate::check::signal::judge_answer(&sig.answer) {
            Ok(()) => Ok(sig),
            Err(cause) => {
                // A GPT-Live session was created with an answer the page cannot use: close it.
                *signalled = Some(sig);
                Err(cause)
            }
        },
        Err(cause) => Err(cause),
    };
    match result {
        Ok(sig) => {
            out.evidence.artifacts.push(crate::report::Artifact {
                name: "answer.sdp".into(),
                content: crate::peer::sdp::redacted(&sig.answer),
            });
            for c in crate::peer::sdp::candidates(&sig.answer) {
                out.evidence.candidates.push(c.to_report(crate::report::Side::Remote, Some("answer".into())));
            }
            let answer = sig.answer.clone();
            *signalled = Some(sig);
            Ok(answer)
        }
        Err(cause) => {
            let said = cause.to_string();
            run.call_cause = Some(cause);
            Err(said)
        }
    }
}

/// After the page: hang up a Realtime call (when the key is here), close a GPT-Live session the
/// page did not see closed (over the sideband connection: the page's channel is gone).
async fn end_call(ctx: &Ctx, out: &mut crate::check::Outcome, run: &PageRun, sig: crate::check::signal::Signalled) {
    let Some(id) = sig.call_id.as_deref() else { return };
    if ctx.settings.api == crate::report::VoiceApi::Live {
        let closed = run.results.as_ref().and_then(|r| r.call.as_ref()).and_then(|c| c.closed_reason.clone());
        match closed {
            Some(reason) => {
                out.evidence.detail("session_close", format!("session.closed ({reason}) on the page's data channel"))
            }
            None => {
                let end = Instant::now() + Duration::from_secs(3);
                let said = match crate::check::signal::sideband::close(ctx, id, end.min(ctx.deadline)).await {
                    Ok(reason) => {
                        format!("session.closed ({reason}) over the sideband connection (the page did not close it)")
                    }
                    Err(e) => format!("not confirmed: the page did not close it, and the sideband connection: {e}"),
                };
                out.evidence.detail("session_close", said);
            }
        }
    } else if ctx.settings.via.is_none() {
        crate::check::signal::hangup(ctx, out, &sig.api, id).await;
    }
}
