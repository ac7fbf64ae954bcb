//! The fake model's side of a spoken turn, for the answerer the fake API runs: it hears the call's
//! audio (Opus decoded, a voice told from silence by its level, as a server's VAD does with the
//! defaults OpenAI documents: 300 ms of prefix padding, a turn over after 500 ms of silence), says
//! so with the API's events, and answers with its own speech on the audio track, paced in real
//! time, then the events that close the response (with its usage: what the turn cost).
//!
//! Realtime API (its server events reference and WebRTC guide): `input_audio_buffer.speech_started`
//! / `speech_stopped` / `committed`, `conversation.item.added`, `response.created`,
//! `output_audio_buffer.started`, the audio, `response.output_audio_transcript.done`,
//! `output_audio_buffer.stopped`, `response.done`. GPT-Live has no turn events: what it heard comes
//! as `session.input_transcript.delta`, its reply as audio with `session.output_transcript.delta`,
//! and the cost as `session.usage.updated` (seconds).

use super::audio::{self, Decoder, Encoder, FRAME, FRAME_TIME};
use bytes::Bytes;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// Server VAD's defaults (OpenAI's Realtime reference: `turn_detection`).
const PREFIX_PADDING_MS: u64 = 300;
const SILENCE_DURATION_MS: u64 = 500;
/// What the fake says it heard, and what it answers.
pub const HEARD: &str = "Hello, can you hear me?";
pub const ANSWER: &str = "Yes, I can hear you.";

/// How the fake model behaves on the audio path, for fault injection (all false: it works).
#[derive(Debug, Clone, Default)]
pub struct VoiceBehaviour {
    /// It never detects speech (a muted track, a silent input, a deaf server).
    pub deaf: bool,
    /// The response's events come but no audio on the track (the "no reply audio" reports).
    pub no_reply_audio: bool,
    /// The reply's audio starts this long after the turn ends (a slow model).
    pub reply_delay: Duration,
    /// The session hits its maximum duration when the turn ends: Realtime's `error`
    /// `session_expired`, GPT-Live's `session.closed` with reason `expired`.
    pub session_cap: bool,
    /// The media server goes silent (no packet in or out) this long after the call connects.
    pub media_stops: Option<Duration>,
}

/// One spoken turn at a time: hearing, then answering.
pub(super) struct Model {
    live: bool,
    behaviour: VoiceBehaviour,
    decoder: Option<Decoder>,
    /// Audio received so far, in ms (20 ms a packet).
    heard_ms: u64,
    /// The current turn: where its speech started, where the voice was last heard.
    speech: Option<(u64, u64)>,
    /// Turns heard so far.
    turns: u32,
    reply: Option<Reply>,
}

/// A reply being spoken.
struct Reply {
    frames: Vec<[i16; FRAME]>,
    next: usize,
    /// When the next frame is due.
    due: Instant,
    encoder: Encoder,
    response_id: String,
}

/// What the model says: an event on the data channel, or a frame of audio on the track.
pub(super) enum Say {
    Event(Value),
    Audio(Bytes),
}

fn id(prefix: &str) -> String {
    format!("{prefix}_{:012x}", fastrand::u64(..) >> 16)
}

fn event(kind: &str, fields: Value) -> Say {
    let mut e = json!({"type": kind, "event_id": id("event")});
    if let (Some(o), Value::Object(f)) = (e.as_object_mut(), fields) {
        o.extend(f);
    }
    Say::Event(e)
}

impl Model {
    pub fn new(live: bool, behaviour: VoiceBehaviour) -> Model {
        Model { live, behaviour, decoder: Decoder::new().ok(), heard_ms: 0, speech: None, turns: 0, reply: None }
    }

    /// One packet of the caller's audio: what the model says on hearing it.
    pub fn hear(&mut self, payload: &[u8]) -> Vec<Say> {
        let Some(decoder) = self.decoder.as_mut() else { return Vec::new() };
        let pcm = decoder.decode(payload);
        let now = self.heard_ms;
        self.heard_ms += (pcm.len() as u64 * 1000 / u64::from(audio::RATE)).max(20);
        // While it speaks it does not take a new turn (no barge-in in this fake).
        if self.behaviour.deaf || self.reply.is_some() {
            return Vec::new();
        }
        let voiced = audio::dbfs(&pcm) > audio::SPEECH_DBFS;
        match (self.speech, voiced) {
            (None, true) => {
                self.speech = Some((now, now));
                self.started(now.saturating_sub(PREFIX_PADDING_MS))
            }
            (Some((start, _)), true) => {
                self.speech = Some((start, now));
                Vec::new()
            }
            (Some((start, last)), false) if now - last >= SILENCE_DURATION_MS => {
                self.speech = None;
                self.turns += 1;
                self.stopped(start, last + 20)
            }
            _ => Vec::new(),
        }
    }

    fn started(&self, audio_start_ms: u64) -> Vec<Say> {
        if self.live {
            return Vec::new();
        }
        vec![event(
            "input_audio_buffer.speech_started",
            json!({"audio_start_ms": audio_start_ms, "item_id": id("item")}),
        )]
    }

    /// The turn is over: the model says what it heard and starts its reply.
    fn stopped(&mut self, start: u64, end: u64) -> Vec<Say> {
        if self.behaviour.session_cap {
            return vec![if self.live {
                event("session.closed", json!({"reason": "expired", "usage": {"seconds": end as f64 / 1000.0}}))
            } else {
                event(
                    "error",
                    json!({"error": {"type": "invalid_request_error", "code": "session_expired",
                                     "message": "Your session hit the maximum duration of 60 minutes."}}),
                )
            }];
        }
        let response_id = id("resp");
        let mut said = if self.live {
            vec![event("session.input_transcript.delta", json!({"delta": HEARD, "start_ms": start, "end_ms": end}))]
        } else {
            let item = id("item");
            vec![
                event("input_audio_buffer.speech_stopped", json!({"audio_end_ms": end, "item_id": item})),
                event("input_audio_buffer.committed", json!({"previous_item_id": null, "item_id": item})),
                event(
                    "conversation.item.added",
                    json!({"item": {"id": item, "type": "message", "role": "user", "status": "completed"}}),
                ),
                event(
                    "response.created",
                    json!({"response": {"id": response_id, "object": "realtime.response", "status": "in_progress"}}),
                ),
            ]
        };
        match Encoder::new() {
            Ok(encoder) => {
                self.reply = Some(Reply {
                    frames: audio::frames(&audio::reply()),
                    next: 0,
                    due: Instant::now() + self.behaviour.reply_delay,
                    encoder,
                    response_id,
                });
            }
            Err(e) => said.push(event("error", json!({"error": {"type": "server_error", "code": null, "message": e}}))),
        }
        said
    }

    /// When the next frame of the reply is due, while one is spoken.
    pub fn due(&self) -> Option<Instant> {
        self.reply.as_ref().map(|r| r.due)
    }

    /// The reply's next frame (and the events around it), when it is due.
    pub fn speak(&mut self) -> Vec<Say> {
        let Some(r) = self.reply.as_mut() else { return Vec::new() };
        if Instant::now() < r.due {
            return Vec::new();
        }
        let mut said = Vec::new();
        if r.next == 0 && !self.live {
            said.push(event("output_audio_buffer.started", json!({"response_id": r.response_id})));
        }
        if let Some(frame) = r.frames.get(r.next) {
            if !self.behaviour.no_reply_audio
                && let Ok(payload) = r.encoder.encode(frame)
            {
                said.push(Say::Audio(payload));
            }
            r.next += 1;
            r.due += FRAME_TIME;
            return said;
        }
        let seconds = r.frames.len() as f64 * 0.02;
        let response_id = r.response_id.clone();
        self.reply = None;
        said.extend(self.finished(&response_id, seconds));
        said
    }

    /// The reply has been spoken: its transcript, and what the turn cost.
    fn finished(&self, response_id: &str, seconds: f64) -> Vec<Say> {
        if self.live {
            let total = (self.heard_ms as f64 / 1000.0 * 10.0).round() / 10.0;
            return vec![
                event(
                    "session.output_transcript.delta",
                    json!({"delta": ANSWER, "start_ms": 0, "end_ms": (seconds * 1000.0) as u64}),
                ),
                event("session.usage.updated", json!({"usage": {"seconds": total}})),
            ];
        }
        // About 10 audio tokens a second of input and 20 of output: the fake's own figures.
        let input = (self.heard_ms / 100) as u32;
        let output = (seconds * 20.0) as u32;
        vec![
            event("response.output_audio_transcript.done", json!({"response_id": response_id, "transcript": ANSWER})),
            event("output_audio_buffer.stopped", json!({"response_id": response_id})),
            event(
                "response.done",
                json!({"response": {"id": response_id, "object": "realtime.response", "status": "completed",
                    "usage": {"total_tokens": input + output + 12, "input_tokens": input + 12, "output_tokens": output,
                              "input_token_details": {"text_tokens": 12, "audio_tokens": input, "cached_tokens": 0},
                              "output_token_details": {"text_tokens": 0, "audio_tokens": output}}}}),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(said: &[Say]) -> Vec<String> {
        said.iter()
            .map(|s| match s {
                Say::Event(e) => e["type"].as_str().unwrap_or("").to_owned(),
                Say::Audio(_) => "audio".to_owned(),
            })
            .collect()
    }

    /// The utterance, then a second of silence, as a live track sends it.
    fn speak_to(model: &mut Model) -> Vec<String> {
        let mut enc = Encoder::new().unwrap();
        let mut pcm = audio::utterance();
        pcm.extend(std::iter::repeat_n(0, audio::RATE as usize));
        let mut said = Vec::new();
        for f in audio::frames(&pcm) {
            said.extend(kinds(&model.hear(&enc.encode(&f).unwrap())));
        }
        said
    }

    #[test]
    fn it_hears_a_turn_and_answers_it() {
        let mut m = Model::new(false, VoiceBehaviour::default());
        let heard = speak_to(&mut m);
        assert_eq!(
            heard,
            [
                "input_audio_buffer.speech_started",
                "input_audio_buffer.speech_stopped",
                "input_audio_buffer.committed",
                "conversation.item.added",
                "response.created"
            ]
        );
        assert_eq!(m.turns, 1);
        let mut said = Vec::new();
        while m.due().is_some() {
            said.extend(kinds(&m.speak()));
            if let Some(r) = m.reply.as_mut() {
                r.due = Instant::now();
            }
        }
        assert_eq!(said.first().map(String::as_str), Some("output_audio_buffer.started"));
        let frames = said.iter().filter(|k| *k == "audio").count();
        assert_eq!(frames, audio::frames(&audio::reply()).len());
        assert_eq!(
            &said[said.len() - 3..],
            ["response.output_audio_transcript.done", "output_audio_buffer.stopped", "response.done"]
        );
    }

    #[test]
    fn a_capped_session_ends_at_the_turn() {
        let capped = VoiceBehaviour { session_cap: true, ..Default::default() };
        assert_eq!(speak_to(&mut Model::new(false, capped.clone())).last().map(String::as_str), Some("error"));
        assert_eq!(speak_to(&mut Model::new(true, capped)), ["session.closed"]);
    }

    #[test]
    fn faults_change_what_it_says() {
        let mut deaf = Model::new(false, VoiceBehaviour { deaf: true, ..Default::default() });
        assert!(speak_to(&mut deaf).is_empty());
        let mut mute = Model::new(true, VoiceBehaviour { no_reply_audio: true, ..Default::default() });
        assert_eq!(speak_to(&mut mute), ["session.input_transcript.delta"]);
        let mut said = Vec::new();
        while mute.due().is_some() {
            said.extend(kinds(&mute.speak()));
            if let Some(r) = mute.reply.as_mut() {
                r.due = Instant::now();
            }
        }
        assert_eq!(said, ["session.output_transcript.delta", "session.usage.updated"]);
    }
}
