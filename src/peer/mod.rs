//! WebRTC peers, both on the sans-I/O `rtc` core driven by this project's own loop (`driver`): the
//! browser-like offerer the `sdp` and `datachannel` checks use (`offerer`), and the answerer the
//! fake OpenAI API runs where a media server would be (`answerer`). Both report what happens as timestamped
//! [`Event`]s, so a check can time every phase from the start and name the one that never came.

mod answerer;
mod driver;
mod gather;
mod offerer;
pub mod sdp;
mod stats;

pub use answerer::{AnswerBehaviour, AnswerOptions, Answerer, LiveBehaviour};
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
}
