//! The `voice` check: the call carries voice. It says a built-in utterance ("Hello, can you hear
//! me?", speech made with espeak-ng) on the call's audio track (Opus over SRTP, 20 ms frames paced
//! in real time, then silence as a live microphone sends it), checks that the model hears it (the
//! Realtime API's `input_audio_buffer.speech_started`, GPT-Live's `session.input_transcript.delta`)
//! and that its reply plays: time to first audio (from the end of the utterance to the first
//! audible decoded frame), the reply's level and length, and what the turn cost (`response.done`'s
//! usage, or GPT-Live's `session.usage.updated`).
//!
//! In `check-all` it continues the `datachannel` check's call (one billed session for both); alone
//! it makes its own call the same way first.

mod cause;

pub use cause::{CAUSES, VoiceCause, VoiceKind};

use crate::args::OptionGroup;
use crate::check::kind::CauseTable;
use crate::check::signal::{self, Call};
use crate::check::{CheckSpec, Ctx, Outcome, check_fn};
use crate::peer::audio::{self, Decoder, Encoder, FRAME, FRAME_TIME};
use crate::peer::{AudioPacket, Event};
use crate::report::{CheckId, CheckResult, VoiceApi};
use rtc::peer_connection::state::{RTCIceConnectionState, RTCPeerConnectionState};
use serde_json::Value;
use std::time::{Duration, Instant};

/// The model says it heard the turn within this long after the utterance ends: server VAD ends a
/// turn after 500 ms of silence, and its events take a round trip.
const HEAR_LIMIT: Duration = Duration::from_secs(5);
/// The reply's first audio, after the utterance ends: what a voice app's user waits before saying
/// it again.
const REPLY_LIMIT: Duration = Duration::from_secs(10);
/// A reply whose first audio comes later than this is late (a warning): voice agents aim at well
/// under a second, and users repeat themselves after two or three.
const LATE_MS: u64 = 2_500;
/// The reply is over when no audible frame has come for this long (GPT-Live has no event for it).
const REPLY_GAP: Duration = Duration::from_millis(800);
/// How much of a long reply is heard before the check stops listening.
const REPLY_MAX: Duration = Duration::from_secs(12);
/// The time kept at the end of the check for ending the call (a hang-up, GPT-Live's close).
const CLOSE_RESERVE: Duration = Duration::from_secs(3);
/// The instructions that keep the Realtime reply short (and cheap).
const INSTRUCTIONS: &str = "You are a connectivity test. Answer every turn with one short sentence.";

pub const SPEC: CheckSpec = CheckSpec {
    title: "Voice heard and answered",
    about: "Say a built-in utterance on the call's audio track and check that the model hears it and its reply plays: time to first audio, the reply's level and length, the turn's usage",
    waits: "the utterance (about 1.5 s, in real time), then 5 s for the model to say it heard it, 10 s for the reply's first audio, and the reply (12 s at most); alone, the data channel's waits first",
    budget: |_| Duration::from_secs(30),
    budget_text: "30s",
    needs: &[CheckId::Key, CheckId::Datachannel],
    after: &[CheckId::Sdp, CheckId::Datachannel],
    options: &[OptionGroup::Api, OptionGroup::Ice, OptionGroup::Peer, OptionGroup::OwnPeer],
    in_selftest: true,
    in_browser: false,
    stage: "voice",
    causes: CauseTable(&[CAUSES, crate::check::signal::CAUSES, crate::check::key::CAUSES]),
    run: check_fn!(run),
};

pub async fn run(ctx: &Ctx) -> CheckResult {
    let mut out = Outcome::new(CheckId::Voice);
    let full = ctx;
    let ctx = &working(full);
    let (mut call, continued) = match ctx.run.take_call() {
        Some(call) => {
            out.evidence.detail("call", "the datachannel check's call, continued (one session for both)");
            (call, true)
        }
        None => match own_call(ctx, &mut out).await {
            Ok(call) => (call, false),
            Err((call, cause)) => {
                if let Some(call) = call {
                    call.end(full, &mut out).await;
                }
                return out.diagnose(&VoiceCause::Call(cause), None);
            }
        },
    };
    let mut verdict = converse(ctx, &mut out, &mut call).await;
    // A GPT-Live session this check took over is closed as the datachannel check would have:
    // confirmed, or the failure is this check's.
    if continued
        && call.api == VoiceApi::Live
        && !call.live.closed
        && verdict.is_ok()
        // In the time kept for it (`working`'s reserve), as the call's end would be.
        && let Err(cause) = signal::live::close(full, &mut out, &mut call, signal::live::EVENT_LIMIT).await
    {
        verdict = Err(VoiceCause::Call(cause));
    }
    call.end(full, &mut out).await;
    out.judged(verdict)
}

/// The check's context less the time kept for ending the call (a hang-up, GPT-Live's close): the
/// turn stops in time for it, for both APIs.
fn working(ctx: &Ctx) -> Ctx {
    let reserve = CLOSE_RESERVE.min(ctx.budget / 4);
    Ctx { deadline: ctx.deadline - reserve, ..ctx.clone() }
}

/// A call of this check's own (run alone): made and connected as the datachannel check does.
async fn own_call(ctx: &Ctx, out: &mut Outcome) -> Result<Call, (Option<Call>, signal::CallCause)> {
    let mut call = signal::open(ctx, out).await.map_err(|c| (None, c))?;
    match crate::check::datachannel::connect(ctx, out, &mut call, true).await {
        Ok(_) => Ok(call),
        Err(cause) => Err((Some(call), cause)),
    }
}

/// Why a turn ended before its reply was heard out.
#[derive(Debug, Clone, PartialEq)]
enum Failure {
    /// ICE or the data channel lost the connection.
    Dropped(String),
    /// This side's audio could not be encoded or sent.
    Send(String),
    /// An `error` event (its text as the server sent it).
    Server(String),
    /// GPT-Live's `session.closed`, with its reason.
    Closed(String),
    /// `response.done` with a status other than completed (and its details).
    Response(String),
}

/// What one turn showed, as it happened (instants, from which the timings come).
#[derive(Default)]
struct Turn {
    /// The first packet of the utterance went out.
    start: Option<Instant>,
    sent: u32,
    /// The last packet of the utterance went out.
    utterance_end: Option<Instant>,
    /// The model said it heard speech (speech_started, or GPT-Live's input transcript).
    heard: Option<Instant>,
    /// It said so as GPT-Live does (a transcript of the input, not a turn event).
    heard_live: bool,
    speech_stopped: Option<Instant>,
    /// The first event of the response (response.created, output_audio_buffer.started, GPT-Live's
    /// output transcript).
    responded: Option<Instant>,
    /// The events of the turn, in order (for the evidence).
    events: Vec<String>,
    /// Reply audio: packets, the first one, the first and last audible frames, their level.
    packets: u32,
    first_packet: Option<Instant>,
    first_audible: Option<Instant>,
    last_audible: Option<Instant>,
    audible_frames: u32,
    sum_squares: f64,
    samples: u64,
    /// `response.done` came (with its usage), and over WebRTC `output_audio_buffer.stopped` (the
    /// reply's audio played out: it comes after response.done).
    done: bool,
    stopped: bool,
    usage: Option<String>,
    transcript: Option<String>,
    failure: Option<Failure>,
    /// The check's budget, not a wait of the turn's own, ended the listening.
    cut: bool,
}

/// Text from the server, fit to show: no control characters (a terminal would obey them), at most
/// `max` characters.
fn shown(text: &str, max: usize) -> String {
    text.chars().filter(|c| !c.is_control()).take(max).collect()
}

impl Turn {
    fn event(&mut self, at: Instant, raw: &str, api: VoiceApi) {
        let v: Value = serde_json::from_str(raw).unwrap_or(Value::Null);
        let kind = shown(v.get("type").and_then(Value::as_str).unwrap_or("not JSON"), 60);
        match kind.as_str() {
            "input_audio_buffer.speech_started" | "session.input_transcript.delta" => {
                self.heard.get_or_insert(at);
                self.heard_live |= api == VoiceApi::Live;
            }
            "input_audio_buffer.speech_stopped" => {
                self.speech_stopped.get_or_insert(at);
            }
            "response.created" | "output_audio_buffer.started" | "session.output_transcript.delta" => {
                self.responded.get_or_insert(at);
            }
            "response.done" => {
                self.done = true;
                self.usage = v.pointer("/response/usage").map(tokens);
                let status = v.pointer("/response/status").and_then(Value::as_str).unwrap_or("completed");
                if status != "completed" {
                    let details = v.pointer("/response/status_details").map(|d| d.to_string()).unwrap_or_default();
                    self.failure = Some(Failure::Response(format!("{status} {details}")));
                }
            }
            "output_audio_buffer.stopped" => self.stopped = true,
            "session.usage.updated" => {
                self.usage = v.pointer("/usage/seconds").and_then(Value::as_f64).map(|s| format!("{s} s of voice"));
            }
            "session.closed" => {
                let reason = v.get("reason").and_then(Value::as_str).unwrap_or("(none given)");
                self.failure = Some(Failure::Closed(shown(reason, 60)));
            }
            "error" => self.failure = Some(Failure::Server(raw.chars().take(4000).collect())),
            _ => {}
        }
        // The reply's words: Realtime's transcript when done, GPT-Live's deltas as they come.
        let text = match kind.as_str() {
            "response.output_audio_transcript.done" => v.get("transcript").and_then(Value::as_str).map(|t| (t, true)),
            "session.output_transcript.delta" => v.get("delta").and_then(Value::as_str).map(|t| (t, false)),
            _ => None,
        };
        if let Some((t, whole)) = text {
            let mut so_far = if whole { String::new() } else { self.transcript.take().unwrap_or_default() };
            so_far.push_str(&shown(t, 300));
            self.transcript = Some(shown(&so_far, 300));
        }
        if self.events.len() < 40 && !self.events.contains(&kind) {
            self.events.push(kind);
        }
    }

    /// A packet of the other side's audio. Audio before the turn (a greeting, noise, what was
    /// queued) is not the reply: it counts once the model heard us, or the utterance is over.
    fn audio(&mut self, at: Instant, packet: &AudioPacket, decoder: &mut Decoder) {
        let pcm = decoder.decode(&packet.payload);
        if self.heard.is_none() && self.responded.is_none() && self.utterance_end.is_none() {
            return;
        }
        self.packets += 1;
        self.first_packet.get_or_insert(at);
        if audio::dbfs(&pcm) > audio::SPEECH_DBFS {
            self.first_audible.get_or_insert(at);
            self.last_audible = Some(at);
            self.audible_frames += 1;
            self.sum_squares += pcm.iter().map(|&s| f64::from(s) * f64::from(s)).sum::<f64>();
            self.samples += pcm.len() as u64;
        }
    }

    /// The reply has been heard to its end (or long enough).
    fn over(&self, now: Instant) -> bool {
        let Some(first) = self.first_audible else { return false };
        (self.done && self.stopped)
            || self.last_audible.is_some_and(|l| now.duration_since(l) >= REPLY_GAP)
            || now.duration_since(first) >= REPLY_MAX
    }
}

/// `usage` of a Realtime response, in a line: what the turn cost.
fn tokens(u: &Value) -> String {
    let n = |p: &str| u.pointer(p).and_then(Value::as_u64).unwrap_or(0);
    format!(
        "{} tokens: input {} (audio {}), output {} (audio {})",
        n("/total_tokens"),
        n("/input_tokens"),
        n("/input_token_details/audio_tokens"),
        n("/output_tokens"),
        n("/output_token_details/audio_tokens")
    )
}

/// Speak, listen, and judge the turn.
async fn converse(ctx: &Ctx, out: &mut Outcome, call: &mut Call) -> Result<(String, Option<VoiceCause>), VoiceCause> {
    if call.api != VoiceApi::Live {
        // Short replies: the turn costs less, and the check ends sooner.
        let update = serde_json::json!({"type": "session.update", "session": {"type": "realtime", "instructions": INSTRUCTIONS}});
        call.offerer
            .send(&update.to_string())
            .await
            .map_err(|e| VoiceCause::NotSent(format!("session.update: {e}")))?;
    }
    // What the answer agreed to: a media server that neither hears nor speaks explains the rest.
    let direction = crate::peer::sdp::audio_direction(&call.answer).unwrap_or("absent");
    out.evidence.detail("answer_audio", direction);
    let mut turn = speak_and_listen(ctx, call).await;
    if matches!(turn.failure, Some(Failure::Closed(_))) {
        call.live.closed = true;
    }
    // Server text is redacted before it is cut: a key cut in half would escape the redactor.
    if let Some(Failure::Server(raw)) = &mut turn.failure {
        *raw = shown(&ctx.secrets.lock().expect("secrets lock").redact(raw), 600);
    }
    let outcome = judge(&turn, call.api).map_err(|cause| explained_by_direction(cause, direction));
    record(out, &turn);
    outcome
}

/// The utterance, paced in real time, then silence (a live microphone's) until the reply has been
/// heard or a wait runs out; everything the call said meanwhile.
async fn speak_and_listen(ctx: &Ctx, call: &mut Call) -> Turn {
    let mut turn = Turn::default();
    let (Ok(mut encoder), Ok(mut decoder)) = (Encoder::new(), Decoder::new()) else {
        turn.failure = Some(Failure::Send("the Opus codec could not be set up".into()));
        return turn;
    };
    let frames = audio::frames(&audio::utterance());
    let silence = [0i16; FRAME];
    let mut due = Instant::now();
    // The whole turn is bounded by the reply's limit after the utterance, and the check's budget.
    let mut until = ctx.wait(FRAME_TIME * frames.len() as u32 + REPLY_LIMIT + REPLY_MAX);
    loop {
        // What is due goes out first: events coming in never hold back this side's audio.
        while Instant::now() >= due {
            let frame = frames.get(turn.sent as usize).unwrap_or(&silence);
            let sent = match encoder.encode(frame) {
                Ok(payload) => call.offerer.send_audio(payload).await,
                Err(e) => Err(e),
            };
            if let Err(e) = sent {
                turn.failure = Some(Failure::Send(e));
                return turn;
            }
            let at = Instant::now();
            turn.start.get_or_insert(at);
            turn.sent += 1;
            if turn.sent as usize == frames.len() {
                turn.utterance_end = Some(at);
                // From here the model's waits count.
                until = ctx.wait(REPLY_LIMIT + REPLY_MAX);
            }
            due += FRAME_TIME;
        }
        let now = Instant::now();
        if now >= until.until {
            turn.cut = until.by_budget;
            return turn;
        }
        if turn.over(now) || turn.failure.is_some() || stalled(&turn, now) {
            return turn;
        }
        let next = tokio::time::Instant::from_std(due.min(until.until));
        match call.offerer.next_event(next).await {
            None => {}
            Some((at, Event::Message(m))) => turn.event(at, &m, call.api),
            Some((at, Event::Audio(p))) => turn.audio(at, &p, &mut decoder),
            Some((_, Event::Ice(RTCIceConnectionState::Failed | RTCIceConnectionState::Disconnected)))
            | Some((_, Event::Connection(RTCPeerConnectionState::Failed))) => {
                turn.failure = Some(Failure::Dropped("ICE lost the connection".into()));
            }
            Some((_, Event::ChannelClosed)) => turn.failure = Some(Failure::Dropped("the data channel closed".into())),
            Some(_) => {}
        }
    }
}

/// A wait of the turn ran out: nothing heard within `HEAR_LIMIT` of the utterance's end, or no
/// reply audio within `REPLY_LIMIT`.
fn stalled(turn: &Turn, now: Instant) -> bool {
    let Some(end) = turn.utterance_end else { return false };
    (turn.heard.is_none() && turn.responded.is_none() && turn.first_audible.is_none() && now >= end + HEAR_LIMIT)
        || (turn.first_audible.is_none() && now >= end + REPLY_LIMIT)
}

/// The turn's verdict: what the run saw, in the order a voice app goes through it.
fn judge(turn: &Turn, api: VoiceApi) -> Result<(String, Option<VoiceCause>), VoiceCause> {
    match &turn.failure {
        Some(Failure::Dropped(d)) => return Err(VoiceCause::Dropped(d.clone())),
        Some(Failure::Send(e)) => return Err(VoiceCause::NotSent(e.clone())),
        Some(Failure::Server(e)) => return Err(VoiceCause::Call(signal::CallCause::ServerError(e.clone()))),
        Some(Failure::Closed(reason)) => {
            return Err(VoiceCause::Call(signal::CallCause::SessionClosed { reason: reason.clone() }));
        }
        Some(Failure::Response(status)) => return Err(VoiceCause::ResponseFailed(status.clone())),
        None => {}
    }
    let words = |limit: Duration| format!("in {:.1} s", limit.as_secs_f64());
    let Some(end) = turn.utterance_end else {
        return Err(if turn.cut {
            VoiceCause::OutOfTime { what: format!("while the utterance was being sent ({} packets)", turn.sent) }
        } else {
            VoiceCause::NotSent(format!("only {} of the utterance's packets went out in the time", turn.sent))
        });
    };
    if let Some(first) = turn.first_audible {
        // An audible reply proves the model heard, whatever events it sent.
        let ttfa = first.saturating_duration_since(end).as_secs_f64() * 1000.0;
        let level = 10.0 * (turn.sum_squares / turn.samples.max(1) as f64 / f64::from(i16::MAX).powi(2)).log10();
        let secs = f64::from(turn.audible_frames) * FRAME_TIME.as_secs_f64();
        let summary = format!(
            "heard and answered: the reply's first audio {ttfa:.0} ms after the utterance ended, {secs:.1} s of it at {level:.1} dBFS"
        );
        let late = (ttfa > LATE_MS as f64).then_some(VoiceCause::LateReply { ms: ttfa, limit_ms: LATE_MS });
        return Ok((summary, late));
    }
    if turn.cut {
        let what = if turn.heard.is_none() {
            "before the model said it heard the utterance"
        } else {
            "before the reply's first audio"
        };
        return Err(VoiceCause::OutOfTime { what: what.into() });
    }
    if turn.heard.is_none() && turn.responded.is_none() {
        let expected =
            if api == VoiceApi::Live { "session.input_transcript.delta" } else { "input_audio_buffer.speech_started" };
        return Err(VoiceCause::NotHeard { packets: turn.sent, expected: expected.into(), wait: words(HEAR_LIMIT) });
    }
    if turn.responded.is_none() && !turn.done {
        return Err(VoiceCause::NoResponse { wait: words(REPLY_LIMIT) });
    }
    let events = turn
        .events
        .iter()
        .filter(|e| e.starts_with("response.") || e.starts_with("output_audio") || e.starts_with("session.output"))
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    let packets = match turn.packets {
        0 => String::new(),
        n => format!(" ({n} packets of silence)"),
    };
    Err(VoiceCause::NoReplyAudio { events, packets })
}

/// A turn that failed where the answer's audio direction says it must: the direction is the cause
/// (RFC 3264 §6.1: the answer's direction is the media server's).
fn explained_by_direction(cause: VoiceCause, direction: &str) -> VoiceCause {
    let receives = matches!(direction, "sendrecv" | "recvonly");
    let sends = matches!(direction, "sendrecv" | "sendonly");
    let what = match &cause {
        VoiceCause::NotSent(_) | VoiceCause::NotHeard { .. } if !receives && !sends => {
            "neither receives nor sends audio"
        }
        VoiceCause::NotSent(_) | VoiceCause::NotHeard { .. } if !receives => "does not receive this side's audio",
        VoiceCause::NoReplyAudio { .. } | VoiceCause::NoResponse { .. } if !sends => "sends no audio back",
        _ => return cause,
    };
    VoiceCause::AnswerAudio { direction: direction.to_owned(), what: what.to_owned() }
}

/// The turn's evidence: timings from the first packet sent (and `first_audio` from the utterance's
/// end: the time to first audio), the events, the reply, the usage.
fn record(out: &mut Outcome, turn: &Turn) {
    let Some(start) = turn.start else { return };
    let since = |at: Option<Instant>| at.map(|a| a.saturating_duration_since(start));
    let heard = if turn.heard_live { "input_transcript" } else { "speech_started" };
    for (phase, at) in [
        ("utterance_end", turn.utterance_end),
        (heard, turn.heard),
        ("speech_stopped", turn.speech_stopped),
        ("response_started", turn.responded),
        ("reply_first_packet", turn.first_packet),
    ] {
        if let Some(d) = since(at) {
            out.evidence.timing(phase, d);
        }
    }
    if let (Some(end), Some(first)) = (turn.utterance_end, turn.first_audible) {
        out.evidence.timing("first_audio", first.saturating_duration_since(end));
    }
    out.evidence.detail(
        "utterance",
        format!("\"Hello, can you hear me?\", {} packets of 20 ms Opus (speech, then silence)", turn.sent),
    );
    out.evidence.detail("events", if turn.events.is_empty() { "none".into() } else { turn.events.join(", ") });
    out.evidence
        .detail("reply_audio", format!("{} packets, {} audible (20 ms each)", turn.packets, turn.audible_frames));
    if let Some(t) = &turn.transcript {
        out.evidence.detail("reply_transcript", t.chars().take(200).collect::<String>());
    }
    if let Some(u) = &turn.usage {
        out.evidence.detail("usage", u);
    }
}
