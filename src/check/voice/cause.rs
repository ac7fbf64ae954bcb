//! Why the voice check did not pass: the audio path after the data channel, as voice apps break on
//! it (their users' words: "it never hears me", "the events come but no audio plays", "the reply
//! takes ages"), each with a fix that fits what the run saw.

use crate::check::kind::{CauseKind, Diagnosis, Examples, ids};
use crate::report::{Fix, Status};

const WEBRTC: &str = "https://platform.openai.com/docs/guides/realtime-webrtc";
const VAD: &str = "https://platform.openai.com/docs/guides/realtime-vad";

#[derive(Debug, Clone, PartialEq, thiserror::Error, strum::EnumDiscriminants)]
#[strum_discriminants(name(VoiceKind), derive(strum::EnumIter, Hash), vis(pub))]
pub enum VoiceCause {
    /// The call itself failed before the turn (the WebRTC checks' causes, when this check makes
    /// its own call).
    #[error("{0}")]
    Call(crate::check::signal::CallCause),
    /// The answer's audio section does not carry audio both ways.
    #[error("the answer's audio section is {direction}: the media server {what}")]
    AnswerAudio { direction: String, what: String },
    /// This side could not put audio on the track.
    #[error("this side's audio could not be sent: {0}")]
    NotSent(String),
    /// Packets went out, the model never said it heard speech.
    #[error("the model never heard the utterance: {packets} audio packets went out, and no {expected} came {wait}")]
    NotHeard { packets: u32, expected: String, wait: String },
    /// Heard, and then no response at all.
    #[error("the model heard the utterance but no response came {wait}")]
    NoResponse { wait: String },
    /// The response's events came, its audio did not.
    #[error("the response's events came ({events}) but its audio never arrived on the track{packets}")]
    NoReplyAudio { events: String, packets: String },
    /// The response ended without completing.
    #[error("the response ended without completing: {0}")]
    ResponseFailed(String),
    /// The check's own time budget ran out first.
    #[error("the check's time budget ran out {what}")]
    OutOfTime { what: String },
    /// The reply came, later than a voice app's users wait.
    #[error("the reply's first audio came {ms:.0} ms after the utterance ended (over {limit_ms} ms)")]
    LateReply { ms: f64, limit_ms: u64 },
    /// The call's media stopped during the turn.
    #[error("the connection dropped during the turn ({0})")]
    Dropped(String),
}

ids!(VoiceKind, wraps Call {
    AnswerAudio => "answer_audio_direction",
    NotSent => "audio_not_sent",
    NotHeard => "not_heard",
    NoResponse => "no_response",
    NoReplyAudio => "no_reply_audio",
    LateReply => "late_reply",
    ResponseFailed => "response_failed",
    OutOfTime => "out_of_time",
    Dropped => "connection_dropped",
});

/// The kind enum these causes are reported with, for cause tables.
pub const CAUSES: crate::check::kind::Family = crate::check::kind::Family::of::<VoiceKind, VoiceCause>();

impl Diagnosis for VoiceCause {
    fn kind(&self) -> CauseKind {
        match self {
            VoiceCause::Call(c) => c.kind(),
            other => CauseKind::of(VoiceKind::from(other)),
        }
    }

    fn status(&self) -> Status {
        match self {
            VoiceCause::Call(c) => c.status(),
            VoiceCause::LateReply { .. } => Status::Warn,
            _ => Status::Fail,
        }
    }

    fn fix(&self) -> Fix {
        match self {
            VoiceCause::Call(c) => c.fix(),
            VoiceCause::AnswerAudio { .. } => Fix::new(
                "OpenAI's answers carry audio both ways (a=sendrecv): offer a sendrecv audio transceiver with the microphone's track added before createOffer() (a recvonly offer gets an answer that sends nothing to you or hears nothing from you), and forward the answer from your backend unmodified.",
            )
            .doc(WEBRTC),
            VoiceCause::NotSent(_) => Fix::new(
                "Audio could not be put on the negotiated track (the message says why): the answer must negotiate Opus (a=rtpmap:... opus/48000/2) on a sendrecv audio section, as OpenAI's answers do; check that nothing between the API and the app rewrites the SDP.",
            )
            .doc(WEBRTC),
            VoiceCause::NotHeard { .. } => Fix::new(
                "The audio went out on the track but the model never said it heard speech: check that the track is not muted (track.enabled), that the input is a voice at a speaking level (see the mic check), and that turn detection is on (session.audio.input.turn_detection: server_vad); with turn detection off, send input_audio_buffer.commit and response.create yourself.",
            )
            .doc(VAD),
            VoiceCause::NoResponse { .. } => Fix::new(
                "The model heard the turn but did not answer: with server VAD, keep create_response true (or send response.create after input_audio_buffer.committed); check the session's instructions and tools do not hold the reply, and look for an error event.",
            )
            .doc(VAD),
            VoiceCause::NoReplyAudio { .. } => Fix::new(
                "The reply was generated but its audio did not reach this side (the answer's audio section agreed to send it): make sure the session's output modalities include audio (output_modalities: [\"audio\"]), and in a page that the remote track is attached to an <audio autoplay> element (pc.ontrack) and playback was started by a user gesture.",
            )
            .doc(WEBRTC),
            VoiceCause::ResponseFailed(_) => Fix::new(
                "Read the response's status details: failed with an error names it (a quota, a content filter, a server error), incomplete names the limit it hit (max_output_tokens), cancelled means a client event or a new turn interrupted it.",
            )
            .doc(WEBRTC),
            VoiceCause::OutOfTime { .. } => Fix::new(
                "The turn needs the utterance (1.5 s, in real time), the model's end of turn and its reply: give the check more time (--timeout 30s, or a larger --deadline for check-all) and run it again.",
            ),
            VoiceCause::LateReply { .. } => Fix::new(
                "The reply comes slowly: a shorter turn end (turn_detection.silence_duration_ms), a lighter model, or shorter instructions answer sooner; if the media path runs over TCP or a relay, see the data channel check's path.",
            )
            .doc(VAD),
            VoiceCause::Dropped(_) => Fix::new(
                "The media path died during the call: a NAT or firewall that expires UDP mappings quickly, a VPN, or a network change; keep audio flowing both ways and check the path with the stun and datachannel checks.",
            )
            .doc(WEBRTC),
        }
    }
}

impl Examples for VoiceCause {
    fn examples() -> Vec<VoiceCause> {
        vec![
            VoiceCause::AnswerAudio { direction: "recvonly".into(), what: "sends no audio back".into() },
            VoiceCause::NotSent("the audio track does not send".into()),
            VoiceCause::NotHeard {
                packets: 120,
                expected: "input_audio_buffer.speech_started".into(),
                wait: "in 5.0 s".into(),
            },
            VoiceCause::NoResponse { wait: "in 10.0 s".into() },
            VoiceCause::NoReplyAudio { events: "response.created, response.done".into(), packets: String::new() },
            VoiceCause::LateReply { ms: 4200.0, limit_ms: 2500 },
            VoiceCause::ResponseFailed("failed {\"type\":\"failed\"}".into()),
            VoiceCause::OutOfTime { what: "before the reply's first audio".into() },
            VoiceCause::Call(crate::check::signal::CallCause::ServerError("{\"type\":\"error\"}".into())),
            VoiceCause::Dropped("ICE disconnected".into()),
        ]
    }
}
