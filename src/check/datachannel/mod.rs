//! The `datachannel` check: the whole way to the first event. Applies the answer and times each
//! phase from the start (gathered, answer, ICE checking and connected with the selected pair,
//! DTLS, channel open, then for the Realtime API session.created and session.updated, for GPT-Live
//! session.started, a confirmed command and session.closed), and names the stage that failed. Each
//! phase waits as long as a real client would, then gives up with that phase's cause.

use crate::args::OptionGroup;
use crate::check::kind::CauseTable;
use crate::check::path::{AnswerUdp, Leg, MediaPath};
use crate::check::signal::{self, CallCause};
use crate::check::stage::{Stage, Stopped};
use crate::check::{CheckSpec, Ctx, Outcome, Wait, check_fn};
use crate::peer::{Event, sdp};
use crate::report::{CandidateType, CheckId, CheckResult, VoiceApi};
use rtc::peer_connection::state::{RTCIceConnectionState, RTCPeerConnectionState};
use std::time::Duration;

/// ICE: browsers move from checking to failed after about 30 s, but connectivity checks are
/// retransmitted many times within 10 s (RFC 8445 §14): a path with no answer by then is dead, and
/// the sdp check's own probes have already said which candidates answer.
const ICE_LIMIT: Duration = Duration::from_secs(10);
/// DTLS after ICE: a handshake is two round trips.
const DTLS_LIMIT: Duration = Duration::from_secs(5);
/// The channel after DTLS: what voice apps give their data channel before they report it broken.
const OPEN_LIMIT: Duration = Duration::from_secs(5);
/// session.created after the channel opens, and session.updated after session.update: the
/// OpenAI Agents SDK waits 5 s for each.
const EVENT_LIMIT: Duration = Duration::from_secs(5);

pub const SPEC: CheckSpec = CheckSpec {
    title: "Data channel open",
    about: "Check that oai-events opens and the session's first events arrive, each phase timed",
    waits: "ICE gathering 3 s (a third of the budget when that is shorter), each API request 10 s, ICE connected 10 s after the answer, DTLS 5 s, \
            the channel open 5 s, then 5 s for each event: session.created and session.updated (the \
            OpenAI Agents SDK's waits), or for GPT-Live session.started, session.input_audio.muted and \
            session.closed (a quarter of the budget, at most 3 s, is kept for closing a GPT-Live session; \
            each is billed 15 s of voice while it starts)",
    budget: |_| Duration::from_secs(20),
    budget_text: "20s",
    needs: &[CheckId::Key],
    // One call at a time: when sdp runs too, this call starts after its hang-up, so the two never
    // compete for a media server's ports (the network lab's fake has one set, as a real media
    // address does) and each check's evidence is its own.
    after: &[CheckId::Sdp],
    options: &[OptionGroup::Api, OptionGroup::Ice, OptionGroup::Peer, OptionGroup::OwnPeer],
    in_selftest: true,
    in_browser: false,
    stage: "data channel",
    causes: CauseTable(&[signal::CAUSES, crate::check::key::CAUSES]),
    run: check_fn!(run),
};

pub async fn run(ctx: &Ctx) -> CheckResult {
    let mut out = Outcome::new(CheckId::Datachannel);
    let full = ctx;
    let ctx = &signal::live::working(full);
    let mut call = match signal::open(ctx, &mut out).await {
        Ok(c) => c,
        Err(cause) => return out.diagnose(&cause, None),
    };
    let stalled = call.gathering_stalled;
    // When the voice check runs too, it continues this call: one session for both.
    let keep_open = ctx.run.runs(CheckId::Voice);
    let result = connect(ctx, &mut out, &mut call, keep_open).await;
    out.evidence.selected_pair = call.offerer.selected_pair();
    let pair = out.evidence.selected_pair.clone();
    let path = MediaPath {
        leg: pair.as_ref().map(|p| Leg::of(p, None)),
        answer: AnswerUdp::of_sdp(&call.answer),
        answered: None,
        relay_only: ctx.settings.relay_only,
    };
    if keep_open && result.is_ok() {
        out.evidence.detail("call", "kept open: the voice check continues it");
        ctx.run.keep_call(call);
    } else {
        call.end(full, &mut out).await;
    }
    let summary = match result {
        Ok(summary) => summary,
        Err(cause) => return out.diagnose(&cause, None),
    };
    // The media path is the news (UDP does not get through); a stalled gathering comes second.
    let mut warnings: Vec<CallCause> = Vec::new();
    if let (Some(leg), Some(p)) = (path.leg, &pair)
        && leg.over_tcp()
    {
        out.evidence.detail("media_path", format!("over TCP: {}", leg.words(p)));
    }
    warnings.extend(path.news().map(|news| news.cause(pair.as_ref(), "")));
    warnings.extend(stalled.map(|secs| CallCause::GatheringStalled { secs }));
    for extra in warnings.iter().skip(1) {
        out.evidence.detail("warning", extra.to_string());
    }
    out.pass_or_warn(summary, warnings.first())
}

/// How long each stage may take before the call is said to have stopped there.
fn limit(stage: Stage) -> Duration {
    match stage {
        Stage::Ice => ICE_LIMIT,
        Stage::Dtls => DTLS_LIMIT,
        Stage::Channel => OPEN_LIMIT,
        Stage::Session => EVENT_LIMIT,
    }
}

/// The cause when `stage` outlasts its wait.
fn stopped(stage: Stage, wait: Wait, relay_gathered: bool, api: VoiceApi) -> CallCause {
    let words = wait.words();
    stage.cause(Stopped {
        dtls: format!("no DTLS handshake {words}"),
        first: format!("no event {words}"),
        wait: words,
        relay_gathered,
        // This machine's offer always carries the channel.
        offered: true,
        api,
        ..Stopped::default()
    })
}

/// Drive the connection to `session.updated` (GPT-Live: to `session.closed`, or with `keep_open`
/// to a confirmed command), recording each phase.
pub(crate) async fn connect(
    ctx: &Ctx,
    out: &mut Outcome,
    call: &mut signal::Call,
    keep_open: bool,
) -> Result<String, CallCause> {
    call.offerer.apply_answer(&call.answer).await.map_err(CallCause::BadAnswer)?;
    call.live.applied = true;
    let first = first_message(ctx, out, call).await?;
    let kind = event_type(&first);
    out.evidence.detail("first_event", kind.clone());
    if call.api == VoiceApi::Live {
        return crate::check::signal::live::session(ctx, out, call, first, keep_open).await;
    }
    match kind.as_str() {
        "session.created" => {}
        "error" => return Err(CallCause::ServerError(first)),
        other => return Err(CallCause::NoSessionCreated { first: other.to_owned() }),
    }
    session_updated(ctx, out, call).await?;
    Ok(format!(
        "data channel open and session ready: session.created in {:.0} ms, session.updated in {:.0} ms",
        ms_of(out, "first_event"),
        ms_of(out, "session_updated")
    ))
}

/// Through ICE, DTLS and the channel's open to the first message on `oai-events` (which also
/// proves the channel open: on relay paths the first message can come before the open event),
/// each stage timed and given its own wait.
async fn first_message(ctx: &Ctx, out: &mut Outcome, call: &mut signal::Call) -> Result<String, CallCause> {
    let start = call.start;
    let relay_gathered = sdp::candidates(&call.offer).iter().any(|c| c.kind == CandidateType::Relay);
    let mark = |out: &mut Outcome, phase: &str| out.evidence.timing(phase, start.elapsed());
    let (mut stage, mut checking) = (Stage::Ice, false);
    let mut wait = ctx.wait(limit(stage));
    let enter = |next: Stage, stage: &mut Stage, wait: &mut Wait| {
        *stage = next;
        *wait = ctx.wait(limit(next));
    };
    loop {
        let Some((_, ev)) = call.offerer.next_event(wait.tokio()).await else {
            return Err(stopped(stage, wait, relay_gathered, call.api));
        };
        match ev {
            Event::Ice(RTCIceConnectionState::Checking) if !checking => {
                checking = true;
                mark(out, "ice_checking");
            }
            Event::Ice(RTCIceConnectionState::Connected | RTCIceConnectionState::Completed) if stage == Stage::Ice => {
                mark(out, "ice_connected");
                enter(Stage::Dtls, &mut stage, &mut wait);
            }
            Event::Ice(RTCIceConnectionState::Failed) | Event::Connection(RTCPeerConnectionState::Failed) => {
                // Failed once ICE had connected: the handshake (or the path under it) broke.
                let stopped_at = if stage == Stage::Ice { Stage::Ice } else { Stage::Dtls };
                return Err(stopped_at.cause(Stopped {
                    ice_failed: true,
                    dtls: "the connection failed after ICE connected".into(),
                    ..Stopped::default()
                }));
            }
            Event::Connection(RTCPeerConnectionState::Connected) if matches!(stage, Stage::Ice | Stage::Dtls) => {
                mark(out, "dtls_connected");
                enter(Stage::Channel, &mut stage, &mut wait);
            }
            Event::ChannelOpen if stage != Stage::Session => {
                mark(out, "channel_open");
                enter(Stage::Session, &mut stage, &mut wait);
            }
            Event::ChannelClosed if stage != Stage::Session => {
                return Err(Stage::Channel.cause(Stopped {
                    wait: "(the channel closed instead)".into(),
                    offered: true,
                    ..Stopped::default()
                }));
            }
            Event::Message(m) => {
                if stage != Stage::Session {
                    mark(out, "channel_open");
                }
                mark(out, "first_event");
                return Ok(m);
            }
            _ => {}
        }
    }
}

/// The Realtime API's second step: `session.update`, answered by `session.updated`.
async fn session_updated(ctx: &Ctx, out: &mut Outcome, call: &mut signal::Call) -> Result<(), CallCause> {
    let update = serde_json::json!({"type": "session.update", "session": {"type": "realtime", "instructions": "realtime-doctor connectivity check"}});
    call.offerer.send(&update.to_string()).await.map_err(|e| CallCause::Peer(format!("send: {e}")))?;
    let wait = ctx.wait(EVENT_LIMIT);
    loop {
        match call.offerer.next_event(wait.tokio()).await {
            Some((_, Event::Message(m))) => match event_type(&m).as_str() {
                "session.updated" => {
                    out.evidence.timing("session_updated", call.start.elapsed());
                    return Ok(());
                }
                "error" => return Err(CallCause::ServerError(m)),
                _ => continue,
            },
            Some(_) => continue,
            None => return Err(CallCause::NoSessionUpdated { wait: wait.words() }),
        }
    }
}

fn event_type(m: &str) -> String {
    serde_json::from_str::<serde_json::Value>(m)
        .ok()
        .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(str::to_owned))
        .unwrap_or_else(|| "not JSON".into())
}

fn ms_of(out: &Outcome, phase: &str) -> f64 {
    out.evidence.timings.iter().find(|t| t.phase == phase).map(|t| t.ms).unwrap_or(0.0)
}
