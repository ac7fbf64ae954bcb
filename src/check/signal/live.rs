//! GPT-Live over WebRTC, as OpenAI's voice WebRTC guide and the API reference describe it: the
//! app's server POSTs `{session: {model}, transport: {type: "webrtc", sdp}}` to
//! `/v1/live/sessions` with the project key and gets 201 `{session: {id: "live_…"}, transport:
//! {sdp}}`; the client waits for `session.started` on `oai-events` before sending commands, and
//! ends the session with `session.close`, waiting for `session.closed` before disconnecting.
//!
//! Each create starts a session that OpenAI bills 15 s of voice while it initializes (credited
//! once it runs), so a create is sent once and never retried, and every session this tool creates
//! is closed before the check ends, whatever the check found.

use super::{Call, CallCause};
use crate::check::key::{Step, request};
use crate::check::{Ctx, Outcome, Wait};
use crate::net::http::{Api, Exchange, describe_body};
use crate::peer::Event;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

/// session.started after the channel opens, and each confirmation after its command: the OpenAI
/// Agents SDK gives Realtime's events 5 s; a third-party GPT-Live client waits 15 s for
/// session.started, but on a channel that is already open an event takes one round trip.
pub const EVENT_LIMIT: Duration = Duration::from_secs(5);
/// Connecting the peer only to close the session (the `sdp` check never connects otherwise).
const CLOSE_CONNECT_LIMIT: Duration = Duration::from_secs(5);
/// session.closed after session.close when the check is over anyway.
const CLOSE_LIMIT: Duration = Duration::from_secs(2);
/// The sideband's share of the closing time: a TCP and TLS connection, the WebSocket upgrade and
/// one round trip.
const SIDEBAND_LIMIT: Duration = Duration::from_millis(1500);
/// The part of a check's budget kept for closing the session (a quarter of it at most), so that a
/// check whose phases time out still has the time to end what it started.
const CLOSE_RESERVE: Duration = Duration::from_secs(3);
/// The command that proves the session takes commands and changes nothing that matters: muting
/// the input of a session that is closed right after; unmuting it (it is not muted) when the
/// session goes on to the voice check.
const MUTE: (&str, &str) = ("session.input_audio.mute", "session.input_audio.muted");
const UNMUTE: (&str, &str) = ("session.input_audio.unmute", "session.input_audio.unmuted");

/// Where a GPT-Live session stands on the data channel.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct State {
    /// The answer was applied to the peer (ICE and DTLS are under way or done).
    pub applied: bool,
    /// session.started came, with this session's id.
    pub started: bool,
    /// session.closed came (asked for or not): nothing is left to close.
    pub closed: bool,
    /// session.close was sent on the data channel (and not confirmed, unless `closed`).
    pub close_sent: bool,
    /// None of the answer's candidates answered a connectivity check: the data channel cannot
    /// be used to close the session.
    pub unreachable: bool,
}

/// The context a GPT-Live check works in: its own, less the time kept for closing the session.
pub fn working(ctx: &Ctx) -> Ctx {
    if ctx.settings.api != crate::report::VoiceApi::Live {
        return ctx.clone();
    }
    let reserve = CLOSE_RESERVE.min(ctx.budget / 4);
    Ctx { deadline: ctx.deadline - reserve, ..ctx.clone() }
}

/// POST the offer to `/v1/live/sessions` with the standard key, once.
pub async fn create(ctx: &Ctx, out: &mut Outcome, offer: &str) -> Result<(Arc<Api>, Exchange), CallCause> {
    let s = &ctx.settings;
    let (api, cred) = super::prepare(ctx)?;
    out.evidence.detail("auth", "the standard key, as the app's server sends it (GPT-Live has no client secrets)");
    // The minimal create: the model, and the offer. No `?model=` query (the reference says so) and
    // no OpenAI-Beta header (no SDK sends one).
    let body = json!({"session": {"model": s.model}, "transport": {"type": "webrtc", "sdp": offer}});
    let url = s.endpoint("/v1/live/sessions");
    let mut warnings = Vec::new();
    let ex = request(ctx, out, &mut warnings, &api, Step::LiveCreate, |c| cred.apply(c.post(url.clone())).json(&body))
        .await
        .map_err(CallCause::Key)?;
    Ok((api, ex))
}

/// The session id pattern of the API reference (`^live_[A-Za-z0-9_-]{1,128}$`).
pub fn is_session_id(id: &str) -> bool {
    id.strip_prefix("live_").is_some_and(|rest| {
        (1..=128).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    })
}

/// A 2xx reply of the create must be the Live JSON: the session id and the answer SDP.
pub fn judge_reply(status: u16, content_type: Option<&str>, body: &str) -> Result<(String, String), CallCause> {
    let not = |what: String| CallCause::NotLiveAnswer { status, what };
    let Ok(v) = serde_json::from_str::<Value>(body) else {
        let sdp = body.trim_start().starts_with("v=0");
        return Err(not(if sdp {
            format!("an SDP body ({}), the Realtime API's answer", content_type.unwrap_or("no content type"))
        } else {
            describe_body(content_type, body)
        }));
    };
    let id = v.pointer("/session/id").and_then(Value::as_str).ok_or_else(|| not("JSON without session.id".into()))?;
    if !is_session_id(id) {
        let shown: String = id.chars().take(40).collect();
        return Err(not(format!("a session.id that is not a GPT-Live session id ({shown:?}; expected live_…)")));
    }
    if let Some(t) = v.pointer("/transport/type").and_then(Value::as_str).filter(|t| *t != "webrtc") {
        return Err(not(format!("transport.type {t:?} instead of \"webrtc\"")));
    }
    let sdp =
        v.pointer("/transport/sdp").and_then(Value::as_str).ok_or_else(|| not("JSON without transport.sdp".into()))?;
    Ok((id.to_owned(), sdp.to_owned()))
}

/// What the data channel said next.
enum Next {
    Event(Value, String),
    Opened,
    ChannelClosed,
    Timeout,
}

async fn next(call: &mut Call, wait: Wait) -> Next {
    loop {
        match call.offerer.next_event(wait.tokio()).await {
            None => return Next::Timeout,
            Some((_, Event::Message(m))) => {
                let v = serde_json::from_str::<Value>(&m).unwrap_or(Value::Null);
                return Next::Event(v, m);
            }
            Some((_, Event::ChannelClosed)) => return Next::ChannelClosed,
            Some((_, Event::ChannelOpen)) => return Next::Opened,
            Some(_) => continue,
        }
    }
}

fn kind(v: &Value) -> &str {
    v.get("type").and_then(Value::as_str).unwrap_or("not JSON")
}

/// An event every step must stop at: an error, or the session ending on its own.
fn terminal(v: &Value, raw: &str, call: &mut Call) -> Option<CallCause> {
    match kind(v) {
        "error" => Some(CallCause::ServerError(raw.chars().take(600).collect())),
        "session.closed" => {
            call.live.closed = true;
            Some(CallCause::SessionClosed { reason: reason(v) })
        }
        _ => None,
    }
}

fn reason(v: &Value) -> String {
    v.get("reason").and_then(Value::as_str).unwrap_or("(none given)").to_owned()
}

/// From the first message on the channel to `session.started`: `info` events may come first (their
/// order is not documented), an `error` or `session.closed` ends it, anything else is not the start.
pub async fn started(ctx: &Ctx, out: &mut Outcome, call: &mut Call, first: String) -> Result<(), CallCause> {
    let wait = ctx.wait(EVENT_LIMIT);
    let mut raw = first;
    loop {
        let v = serde_json::from_str::<Value>(&raw).unwrap_or(Value::Null);
        if let Some(cause) = terminal(&v, &raw, call) {
            return Err(cause);
        }
        match kind(&v) {
            "session.started" => return judge_started(out, call, &v),
            "info" => {
                let code = v.get("code").and_then(Value::as_str).unwrap_or("?");
                let message = v.get("message").and_then(Value::as_str).unwrap_or("");
                out.evidence.detail("info", format!("{code}: {}", message.chars().take(200).collect::<String>()));
            }
            other => return Err(CallCause::NoSessionStarted { first: format!("the first event is {other}") }),
        }
        raw = match next(call, wait).await {
            Next::Event(_, m) => m,
            Next::Opened => continue,
            Next::ChannelClosed => return Err(CallCause::NoSessionStarted { first: "the channel closed".into() }),
            Next::Timeout => return Err(CallCause::NoSessionStarted { first: format!("no event {}", wait.words()) }),
        };
    }
}

/// session.started must name the session the create returned, and say it is active.
fn judge_started(out: &mut Outcome, call: &mut Call, v: &Value) -> Result<(), CallCause> {
    out.evidence.timing("session_started", call.start.elapsed());
    let id = v.pointer("/session/id").and_then(Value::as_str).unwrap_or("");
    // Through --via, a backend that returns only the SDP gives no session id to compare with: the
    // one session.started names is then the session (and the one to close).
    if call.call_id.is_none() && call.via {
        call.call_id = Some(id.to_owned()).filter(|i| !i.is_empty());
    }
    let created = call.call_id.clone().unwrap_or_default();
    if id != created {
        let shown: String = id.chars().take(40).collect();
        return Err(CallCause::SessionMismatch { why: format!("session.id {shown:?}, the create returned {created}") });
    }
    let status = v.pointer("/session/status").and_then(Value::as_str).unwrap_or("(none)");
    if status != "active" {
        return Err(CallCause::SessionMismatch { why: format!("session.status is {status:?}, not \"active\"") });
    }
    if let Some(model) = v.pointer("/session/model").and_then(Value::as_str) {
        out.evidence.detail("session_model", model);
    }
    if let Some(voice) = v.pointer("/session/audio/output/voice") {
        let voice = voice.as_str().map(str::to_owned).unwrap_or_else(|| voice.to_string());
        out.evidence.detail("session_voice", voice);
    }
    call.live.started = true;
    Ok(())
}

/// A command the API confirms: `session.input_audio.mute` with an `event_id`, answered by
/// `session.input_audio.muted` (its `client_event_id` echoes ours when given).
pub async fn command(ctx: &Ctx, out: &mut Outcome, call: &mut Call, keep_open: bool) -> Result<(), CallCause> {
    let (command, confirmation) = if keep_open { UNMUTE } else { MUTE };
    let event_id = format!("rtd_{:016x}", fastrand::u64(..));
    let sent = json!({"type": command, "event_id": event_id}).to_string();
    call.offerer.send(&sent).await.map_err(|e| CallCause::Peer(format!("send: {e}")))?;
    let wait = ctx.wait(EVENT_LIMIT);
    loop {
        match next(call, wait).await {
            Next::Event(v, raw) => {
                if kind(&v) == "error" {
                    // An error about another event is not this command's answer, but it is news.
                    return Err(CallCause::ServerError(raw.chars().take(600).collect()));
                }
                if let Some(cause) = terminal(&v, &raw, call) {
                    return Err(cause);
                }
                if kind(&v) == confirmation {
                    let echo = v.get("client_event_id").and_then(Value::as_str);
                    if echo.is_some_and(|e| e != event_id) {
                        continue; // Another client's command (a sideband connection's).
                    }
                    out.evidence.timing("command_confirmed", call.start.elapsed());
                    out.evidence.detail(
                        "command",
                        format!(
                            "{command} -> {confirmation}{}",
                            if echo.is_some() { " (client_event_id echoed)" } else { "" }
                        ),
                    );
                    return Ok(());
                }
            }
            Next::Opened => continue,
            Next::ChannelClosed => {
                return Err(CallCause::NoCommandConfirmation {
                    command: command.into(),
                    expected: confirmation.into(),
                    wait: "(the channel closed instead)".into(),
                });
            }
            Next::Timeout => {
                return Err(CallCause::NoCommandConfirmation {
                    command: command.into(),
                    expected: confirmation.into(),
                    wait: wait.words(),
                });
            }
        }
    }
}

/// `session.close`, then `session.closed` with reason `close_requested`.
pub async fn close(ctx: &Ctx, out: &mut Outcome, call: &mut Call, limit: Duration) -> Result<(), CallCause> {
    let sent = json!({"type": "session.close", "event_id": format!("rtd_{:016x}", fastrand::u64(..))}).to_string();
    call.offerer.send(&sent).await.map_err(|e| CallCause::Peer(format!("send: {e}")))?;
    call.live.close_sent = true;
    let wait = ctx.wait(limit);
    loop {
        match next(call, wait).await {
            Next::Event(v, raw) => match kind(&v) {
                "session.closed" => {
                    call.live.closed = true;
                    out.evidence.timing("session_closed", call.start.elapsed());
                    if let Some(secs) = v.pointer("/usage/seconds").and_then(Value::as_f64) {
                        out.evidence.detail("billed_seconds", format!("{secs}"));
                    }
                    let reason = reason(&v);
                    out.evidence.detail("session_closed", &reason);
                    return if reason == "close_requested" { Ok(()) } else { Err(CallCause::SessionClosed { reason }) };
                }
                "error" => return Err(CallCause::ServerError(raw.chars().take(600).collect())),
                _ => continue,
            },
            Next::Opened => continue,
            Next::ChannelClosed => {
                return Err(CallCause::NoSessionClosed { wait: "(the channel closed without it)".into() });
            }
            Next::Timeout => return Err(CallCause::NoSessionClosed { wait: wait.words() }),
        }
    }
}

/// The whole session on an open channel: started, a confirmed command, closed on request.
/// With `keep_open` the session goes on (to the voice check): its input unmuted, not closed.
pub async fn session(
    ctx: &Ctx,
    out: &mut Outcome,
    call: &mut Call,
    first: String,
    keep_open: bool,
) -> Result<String, CallCause> {
    started(ctx, out, call, first).await?;
    command(ctx, out, call, keep_open).await?;
    let ms = |out: &Outcome, phase: &str| {
        out.evidence.timings.iter().find(|t| t.phase == phase).map(|t| t.ms).unwrap_or(0.0)
    };
    let confirmation = if keep_open { UNMUTE.1 } else { MUTE.1 };
    let ready = format!(
        "data channel open and GPT-Live session ready: session.started in {:.0} ms, {confirmation} in {:.0} ms",
        ms(out, "session_started"),
        ms(out, "command_confirmed"),
    );
    if keep_open {
        return Ok(format!("{ready}; the session goes on in the voice check"));
    }
    close(ctx, out, call, EVENT_LIMIT).await?;
    Ok(format!("{ready}, session.closed (close_requested) in {:.0} ms", ms(out, "session_closed")))
}

/// Leave no session running: when the check did not close it, close it over the data channel
/// (connecting the peer first if the check did not, and waiting for session.started, or on an
/// open channel a moment for it), or, when the media path is dead, over the sideband connection;
/// what happened goes into the evidence.
pub async fn close_at_end(ctx: &Ctx, out: &mut Outcome, call: &mut Call) {
    let Some(id) = call.call_id.clone().filter(|_| !call.live.closed) else { return };
    // This runs after the check's own verdict, in the time `working` kept for it.
    let limit = CLOSE_CONNECT_LIMIT + CLOSE_LIMIT;
    let end = (std::time::Instant::now() + limit).min(ctx.deadline);
    let dead = call.live.unreachable || call.live.close_sent || (call.live.applied && !call.offerer.channel_open());
    let channel = if dead {
        Err(if call.live.close_sent {
            "session.close on the data channel was not confirmed".to_owned()
        } else {
            "the data channel could not be used".to_owned()
        })
    } else {
        // Leave the sideband its share, should the data channel not work out.
        let until = end.checked_sub(SIDEBAND_LIMIT).filter(|u| *u > std::time::Instant::now()).unwrap_or(end);
        over_channel(ctx, call, until).await
    };
    let said = match channel {
        Ok(s) => s,
        Err(why) => match super::sideband::close(ctx, &id, end).await {
            Ok(reason) => {
                call.live.closed = true;
                format!("session.closed ({reason}) over the sideband connection; {why}")
            }
            Err(e) => {
                format!(
                    "not confirmed: {why}; the sideband connection: {e}; the session ends when its media connection times out"
                )
            }
        },
    };
    out.evidence.detail("session_close", said);
}

/// Close over the data channel, connecting it first if needed, until `until`.
async fn over_channel(ctx: &Ctx, call: &mut Call, until: std::time::Instant) -> Result<String, String> {
    let left = until.saturating_duration_since(std::time::Instant::now());
    let end_ctx = Ctx { deadline: until, budget: left, ..ctx.clone() };
    if !call.live.applied {
        call.offerer.apply_answer(&call.answer).await.map_err(|e| format!("the answer could not be applied: {e}"))?;
        call.live.applied = true;
    }
    if !call.live.started && !call.offerer.channel_open() {
        let mut wait = end_ctx.wait(CLOSE_CONNECT_LIMIT);
        loop {
            match next(call, wait).await {
                // session.started comes one round trip after the open; a session that does not
                // send it is closed all the same.
                Next::Opened => wait = end_ctx.wait(Duration::from_secs(1)),
                Next::Event(v, _) if kind(&v) == "session.started" => break,
                Next::Event(v, _) if kind(&v) == "session.closed" => {
                    call.live.closed = true;
                    return Ok(format!("the session ended by itself (reason {})", reason(&v)));
                }
                Next::Event(..) => continue,
                Next::ChannelClosed => return Err("the data channel closed before it could be used".to_owned()),
                Next::Timeout if call.offerer.channel_open() => break,
                Next::Timeout => return Err(format!("the data channel did not open {}", wait.words())),
            }
        }
    }
    let mut scratch = Outcome::new(crate::report::CheckId::Datachannel);
    match close(&end_ctx, &mut scratch, call, CLOSE_LIMIT).await {
        Ok(()) => Ok("session.closed (close_requested)".to_owned()),
        Err(e) => Err(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Diagnosis;
    use crate::peer::sdp::ANSWER;

    #[test]
    fn session_ids_follow_the_reference_pattern() {
        assert!(is_session_id("live_123"));
        assert!(is_session_id(&format!("live_{}", "a".repeat(128))));
        for bad in ["live_", "rtc_123", "live_a b", &format!("live_{}", "a".repeat(129)), "LIVE_1"] {
            assert!(!is_session_id(bad), "{bad}");
        }
    }

    #[test]
    fn the_create_reply_must_be_the_live_json() {
        let good = json!({"session": {"id": "live_abc"}, "transport": {"type": "webrtc", "sdp": ANSWER}}).to_string();
        assert_eq!(judge_reply(201, Some("application/json"), &good).unwrap(), ("live_abc".into(), ANSWER.into()));
        // A gateway that only knows the Realtime API answers with the SDP itself.
        let e = judge_reply(201, Some("application/sdp"), ANSWER).unwrap_err();
        assert!(e.id() == "answer_not_live_json" && e.to_string().contains("Realtime API's answer"), "{e}");
        let rtc = json!({"session": {"id": "rtc_abc"}, "transport": {"sdp": ANSWER}}).to_string();
        assert!(judge_reply(201, None, &rtc).unwrap_err().to_string().contains("expected live_"));
        let no_sdp = json!({"session": {"id": "live_abc"}, "transport": {}}).to_string();
        assert!(judge_reply(201, None, &no_sdp).unwrap_err().to_string().contains("transport.sdp"));
        let page = "<html><title>Gateway</title></html>";
        assert!(judge_reply(200, Some("text/html"), page).unwrap_err().to_string().contains("Gateway"));
    }

    #[test]
    fn prop_any_create_reply_is_judged_without_panicking() {
        use crate::testing::props;
        use proptest::prelude::*;
        let bodies = prop_oneof![
            props::json_value().prop_map(|v| v.to_string()),
            ("[a-z_0-9-]{0,140}", props::sdp_like()).prop_map(|(id, sdp)| {
                json!({"session": {"id": format!("live_{id}")}, "transport": {"type": "webrtc", "sdp": sdp}})
                    .to_string()
            }),
            ".{0,80}",
        ];
        props::check("live create reply", (200u16..300, bodies), |(status, body)| {
            match judge_reply(status, Some("application/json"), &body) {
                Ok((id, _)) => prop_assert!(is_session_id(&id)),
                Err(cause) => prop_assert!(cause.fix().text.len() > 20 && !cause.to_string().is_empty()),
            }
            Ok(())
        });
    }
}
