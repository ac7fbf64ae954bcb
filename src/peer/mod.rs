//! WebRTC peers, both on the sans-I/O `rtc` core driven by this project's own loop (`driver`): the
//! browser-like offerer the `sdp` and `datachannel` checks use (`offerer`), and the answerer the
//! fake OpenAI API runs where a media server would be (`answerer`). Both report what happens as timestamped
//! [`Event`]s, so a check can time every phase from the start and name the one that never came.

mod answerer;
pub mod audio;
mod driver;
mod gather;
mod model;
mod offerer;
pub mod sdp;
mod stats;

pub use answerer::{AnswerBehaviour, AnswerOptions, Answerer, LiveBehaviour, VoiceBehaviour};
pub use offerer::{Offerer, Options};

use rtc::peer_connection::state::{RTCIceConnectionState, RTCPeerConnectionState};

/// The label OpenAI's WebRTC guide gives the events channel.
pub const CHANNEL: &str = "oai-events";

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    GatheringComplete,
    Ice(RTCIceConnectionState),
    Connection(RTCPeerConnectionState),
    ChannelOpen,
    Message(String),
    ChannelClosed,
    /// A packet of the other side's audio.
    Audio(AudioPacket),
}

/// One RTP packet of the other side's audio (RFC 3550 §5.1's fields a receiver reads).
#[derive(Debug, Clone, PartialEq)]
pub struct AudioPacket {
    pub ssrc: u32,
    pub sequence: u16,
    pub timestamp: u32,
    /// One Opus packet (RFC 7587).
    pub payload: bytes::Bytes,
}

impl From<rtc::rtp::Packet> for AudioPacket {
    fn from(p: rtc::rtp::Packet) -> AudioPacket {
        AudioPacket {
            ssrc: p.header.ssrc,
            sequence: p.header.sequence_number,
            timestamp: p.header.timestamp,
            payload: p.payload,
        }
    }
}
