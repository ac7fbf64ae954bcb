//! The stages of a call after the answer, judged once: ICE (RFC 8445) → DTLS over the selected
//! pair (RFC 9147, RFC 8842) → the SCTP association and the data channel's open (RFC 8831,
//! RFC 8832: this side sees the two as one step) → the API's session on the channel. This machine's
//! peer, the browser's page and a webrtc-internals dump each say how far a call got; the stage it
//! stopped at, and the cause that names it, come from here, as does the stage of a cause for the
//! verdict.

use super::signal::{CallCause, CallKind};
use crate::report::VoiceApi;

/// A stage of a call, in the order a call goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    Ice,
    Dtls,
    /// The SCTP association and the data channel's open.
    Channel,
    /// The API's first events on the channel.
    Session,
}

/// How far a call got. A later stage implies the earlier ones (a channel cannot open before
/// DTLS; browsers may report the open before the state change that led to it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub ice: bool,
    pub dtls: bool,
    pub channel: bool,
    pub session: bool,
}

impl Progress {
    /// The first stage the call did not reach (`None`: it reached them all).
    pub fn stopped_at(&self) -> Option<Stage> {
        let session = self.session;
        let channel = self.channel || session;
        let dtls = self.dtls || channel;
        let ice = self.ice || dtls;
        [(ice, Stage::Ice), (dtls, Stage::Dtls), (channel, Stage::Channel), (session, Stage::Session)]
            .into_iter()
            .find(|(reached, _)| !reached)
            .map(|(_, stage)| stage)
    }
}

/// What the caller knows of a call that stopped, for the cause's words.
#[derive(Debug, Clone, Default)]
pub struct Stopped {
    /// How long it waited, in words (`in 10.0 s`).
    pub wait: String,
    /// ICE reported `failed` (not merely stuck in `checking`).
    pub ice_failed: bool,
    /// The offer carried a relay candidate (a TURN server answered this side).
    pub relay_gathered: bool,
    /// What DTLS said, when it did.
    pub dtls: String,
    /// The offer carried the data channel (`m=application`).
    pub offered: bool,
    pub api: VoiceApi,
    /// The first event seen instead of the session's, or what was seen.
    pub first: String,
}

impl Stage {
    /// The cause of a call that stopped at this stage.
    pub fn cause(self, s: Stopped) -> CallCause {
        match self {
            Stage::Ice if s.ice_failed => CallCause::IceFailed,
            Stage::Ice => CallCause::IceStuckChecking { wait: s.wait, relay_gathered: s.relay_gathered },
            Stage::Dtls => CallCause::DtlsFailed { detail: s.dtls },
            Stage::Channel => CallCause::ChannelNeverOpens { wait: s.wait, offered: s.offered },
            Stage::Session if s.api == VoiceApi::Live => CallCause::NoSessionStarted { first: s.first },
            Stage::Session => CallCause::NoSessionCreated { first: s.first },
        }
    }

    /// The stage a cause of the WebRTC checks names, when it names one.
    pub fn of(kind: CallKind) -> Option<Stage> {
        use CallKind as K;
        Some(match kind {
            K::IceStuckChecking | K::IceFailed => Stage::Ice,
            K::DtlsFailed => Stage::Dtls,
            K::ChannelNeverOpens => Stage::Channel,
            K::NoSessionCreated
            | K::ServerError
            | K::NoSessionUpdated
            | K::NoSessionStarted
            | K::SessionMismatch
            | K::NoCommandConfirmation
            | K::SessionClosed => Stage::Session,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_stage_not_reached() {
        let p = |ice, dtls, channel, session| Progress { ice, dtls, channel, session };
        assert_eq!(p(false, false, false, false).stopped_at(), Some(Stage::Ice));
        assert_eq!(p(true, false, false, false).stopped_at(), Some(Stage::Dtls));
        assert_eq!(p(true, true, false, false).stopped_at(), Some(Stage::Channel));
        assert_eq!(p(true, true, true, false).stopped_at(), Some(Stage::Session));
        assert_eq!(p(true, true, true, true).stopped_at(), None);
        // A later stage implies the earlier ones.
        assert_eq!(p(false, false, true, false).stopped_at(), Some(Stage::Session));
    }

    #[test]
    fn each_stage_names_its_cause_and_back() {
        use strum::IntoEnumIterator;
        for (stage, s) in [
            (Stage::Ice, Stopped { ice_failed: true, ..Stopped::default() }),
            (Stage::Ice, Stopped::default()),
            (Stage::Dtls, Stopped::default()),
            (Stage::Channel, Stopped::default()),
            (Stage::Session, Stopped { api: VoiceApi::Live, ..Stopped::default() }),
            (Stage::Session, Stopped::default()),
        ] {
            let cause = stage.cause(s);
            assert_eq!(Stage::of(CallKind::from(&cause)), Some(stage), "{cause:?}");
        }
        // Every kind with a stage is ordered: nothing before the answer has one.
        for k in CallKind::iter() {
            if matches!(k, CallKind::NotSdp | CallKind::NoApplication | CallKind::CandidatesUnreachable) {
                assert_eq!(Stage::of(k), None, "{k:?}");
            }
        }
    }
}
